/**
 * Hand corrections win over the automatic analysis. `applyCorrections` returns the analysis a user
 * sees everywhere (highlighting, hover, tree, JSON, exports): with their speakers, the quotations
 * they added, without the ones they rejected, and speaker names renamed, merged or split.
 */
import { ArticleAnalysis, Quote, Span, SpeakerRecord } from '../types';
import { Annotation, SpeakerOperation, compareStrings } from './model';

/** What corrections need of an analysis; paragraphs, when known, number the quotations added by hand. */
export type CorrectableAnalysis = Pick<ArticleAnalysis, 'quotes' | 'speakers'> & { readonly paragraphs?: readonly Span[] };

/**
 * The analysis of one article with its annotations applied. `annotations` are that article's,
 * anchored against `text` (orphans are ignored); they apply in the order they were last modified,
 * so a later decision about the same words wins. `speakerOperations` then apply to every name.
 */
export function applyCorrections<A extends CorrectableAnalysis>(
  analysis: A,
  annotations: readonly Annotation[],
  text: string,
  speakerOperations: readonly SpeakerOperation[] = [],
): A {
  let quotes = [...analysis.quotes];
  const manualSpeakers = new Set<string>();
  const inOrder = annotations
    .filter(annotation => !annotation.orphaned)
    .sort((a, b) => compareStrings(a.modified, b.modified) || compareStrings(a.id, b.id));

  for (const annotation of inOrder) {
    const { start, end } = annotation.target.position;
    const body = annotation.body;
    switch (body.kind) {
      case 'quotation': {
        const overlapping = quotes.filter(quote => quote.start < end && start < quote.end);
        const base = largestOverlap(overlapping, start, end);
        quotes = quotes.filter(quote => !overlapping.includes(quote));
        quotes.push(quoteAt(analysis, text, start, end, base, body.speaker));
        if (body.speaker !== undefined) manualSpeakers.add(body.speaker);
        break;
      }
      case 'notQuotation':
        quotes = quotes.filter(quote => !nested(quote, start, end));
        break;
      case 'speaker': {
        const matching = quotes.filter(quote => nested(quote, start, end));
        if (matching.length === 0) {
          quotes.push(quoteAt(analysis, text, start, end, undefined, body.speaker));
        } else {
          quotes = quotes.map(quote => matching.includes(quote) ? withSpeaker(quote, body.speaker) : quote);
        }
        manualSpeakers.add(body.speaker);
        break;
      }
      case 'note':
      case 'tag':
        break;
    }
  }

  const renamed = quotes
    .map(quote => {
      const speaker = quote.speaker === null ? null : speakerAfter(quote.speaker, quote.speakerMention?.text ?? null, speakerOperations);
      return speaker === quote.speaker ? quote : { ...quote, speaker };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const speakers = applySpeakerOperationsToRecords(analysis.speakers, speakerOperations);
  const named = new Set(speakers.map(record => record.name));
  for (const name of manualSpeakers) {
    const after = speakerAfter(name, null, speakerOperations);
    if (!named.has(after)) {
      speakers.push({ name: after, aliases: [], titles: [] });
      named.add(after);
    }
  }
  return { ...analysis, quotes: renamed, speakers };
}

/** One span lies within the other: the annotation is about this quotation. */
function nested(quote: Quote, start: number, end: number): boolean {
  return (quote.start <= start && end <= quote.end) || (start <= quote.start && quote.end <= end);
}

function largestOverlap(quotes: readonly Quote[], start: number, end: number): Quote | undefined {
  let best: Quote | undefined;
  let bestOverlap = 0;
  for (const quote of quotes) {
    const overlap = Math.min(end, quote.end) - Math.max(start, quote.start);
    if (overlap > bestOverlap) { best = quote; bestOverlap = overlap; }
  }
  return best;
}

/** Words someone is said to have spoken are a quotation, even where the analysis took them for scare quotes. */
function withSpeaker(quote: Quote, speaker: string): Quote {
  return { ...quote, kind: quote.kind === 'other' ? 'direct' : quote.kind, speaker, evidence: 'manual', confidence: 1 };
}

const QUOTE_MARKS = /^[\s"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb]+|[\s"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb]+$/g;

/** A quotation at `start..end` the user marked; what the analysis knew about the words there is kept. */
function quoteAt(analysis: CorrectableAnalysis, text: string, start: number, end: number, base: Quote | undefined, speaker: string | undefined): Quote {
  const paragraphs = analysis.paragraphs ?? [];
  const paragraph = paragraphs.findIndex(p => p.start <= start && start < p.end);
  const quote: Quote = {
    start,
    end,
    text: text.slice(start, end).replace(QUOTE_MARKS, ''),
    kind: base && base.kind !== 'other' ? base.kind : 'direct',
    speaker: base?.speaker ?? null,
    speakerMention: base?.speakerMention ?? null,
    cue: base?.cue ?? null,
    confidence: base?.confidence ?? 0,
    evidence: base?.evidence ?? 'none',
    paragraph: paragraph === -1 ? base?.paragraph ?? Math.max(0, paragraphs.length - 1) : paragraph,
  };
  return speaker === undefined ? quote : withSpeaker(quote, speaker);
}

/**
 * The name a speaker goes by after the operations. `mention` is the words that attribute the
 * quotation in the article (`Kerry`, `he`), which a split looks at.
 */
export function speakerAfter(name: string, mention: string | null, operations: readonly SpeakerOperation[]): string {
  let current = name;
  for (const operation of operations) {
    switch (operation.op) {
      case 'rename':
        if (current === operation.from) current = operation.to;
        break;
      case 'merge':
        if (current === operation.from) current = operation.into;
        break;
      case 'split':
        if (current === operation.from && mention !== null && sameWords(mention, operation.alias)) current = operation.alias;
        break;
    }
  }
  return current;
}

function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return fold(a) === fold(b);
}

/** Speaker records with the operations applied: renamed, merged (aliases combined) or split. */
export function applySpeakerOperationsToRecords(records: readonly SpeakerRecord[], operations: readonly SpeakerOperation[]): SpeakerRecord[] {
  let current = records.map(record => ({ name: record.name, aliases: [...record.aliases], titles: [...record.titles] }));
  for (const operation of operations) {
    switch (operation.op) {
      case 'rename':
        current = mergeByName(current.map(r => r.name === operation.from
          ? { ...r, name: operation.to, aliases: without(r.aliases, operation.to) }
          : r));
        break;
      case 'merge':
        current = mergeByName(current.map(r => r.name === operation.from
          ? { ...r, name: operation.into, aliases: [...without(r.aliases, operation.into), operation.from] }
          : r));
        break;
      case 'split': {
        const owner = current.find(r => r.name === operation.from);
        if (!owner) break;
        owner.aliases = owner.aliases.filter(alias => !sameWords(alias, operation.alias));
        current = mergeByName([...current, { name: operation.alias, aliases: [], titles: [] }]);
        break;
      }
    }
  }
  return current;
}

function without(list: readonly string[], item: string): string[] {
  return list.filter(entry => entry !== item);
}

function mergeByName(records: { name: string; aliases: string[]; titles: string[] }[]): { name: string; aliases: string[]; titles: string[] }[] {
  const byName = new Map<string, { name: string; aliases: string[]; titles: string[] }>();
  for (const record of records) {
    const existing = byName.get(record.name);
    if (!existing) {
      byName.set(record.name, { name: record.name, aliases: [...record.aliases], titles: [...record.titles] });
      continue;
    }
    for (const alias of record.aliases) if (alias !== existing.name && !existing.aliases.includes(alias)) existing.aliases.push(alias);
    for (const title of record.titles) if (!existing.titles.includes(title)) existing.titles.push(title);
  }
  return [...byName.values()];
}
