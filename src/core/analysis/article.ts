/**
 * Puts the pieces together for one article: structure, quotations per paragraph, attribution,
 * speaker resolution, then the fall-backs (a quotation that runs on, a paragraph that only quotes).
 */
import type { AnalysisOptions, ArticleAnalysis, EvidenceKind, Quote, QuoteKind, Span } from '../types';
import { type Attribution, attributeHeadline, attributeInParagraph, attributeIntro, CueMatcher, lastReportedSpeaker, type QuoteSlot } from './attribution';
import { cueForms } from './cueVerbs';
import { FIRST_NAME_GENDER } from './lexicon';
import { type Mention, nameStartingAt } from './mentions';
import { opensWithQuote, scanQuotes, type ScannedQuote } from './quoteScanner';
import { type Person, SpeakerRegistry } from './speakers';
import { articleStructure } from './structure';
import { isSentenceEnd, type Token, tokenize } from './tokens';

const matchers = new Map<string, CueMatcher>();

function cueMatcher(options: AnalysisOptions | undefined): CueMatcher {
  const extra = options?.extraCueVerbs ?? [];
  const key = extra.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new CueMatcher(cueForms(extra));
    if (matchers.size > 16) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/** An attribution with the person it names, as the quotations of a paragraph carry it. */
interface Resolved {
  readonly attribution: Attribution;
  readonly person: Person | null;
  readonly evidence: EvidenceKind;
  readonly confidence: number;
}

const RULE_CONFIDENCE: Readonly<Record<Attribution['rule'], number>> = {
  after: 0.95, inverted: 0.95, according: 0.9, before: 0.9, intro: 0.85, headline: 0.8, sentence: 0.75,
};

function firstIndexAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Names of people in a paragraph's own words: `UK Foreign Secretary Philip Hammond`, `Kerry met`. */
function registerNames(text: string, tokens: readonly Token[], paragraph: number, registry: SpeakerRegistry): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.capitalized) continue;
    const sentenceStart = i === 0 || isSentenceEnd(tokens, i - 1) || (i === 1 && !tokens[0].isWord);
    const mention = nameStartingAt(text, tokens, i, tokens.length);
    if (!mention) continue;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1].start < mention.end) last++;
    const nameWords = mention.name.split(' ');
    const known = nameWords.length === 1 ? registry.knownSurname(nameWords[0]) : undefined;
    if (known) {
      registry.noteMention(known, mention.start, paragraph, sentenceStart);
    } else if (nameWords.length >= 2 && (mention.titles.length > 0 || FIRST_NAME_GENDER.has(nameWords[0].toLowerCase()))) {
      registry.addName(mention.name, mention.titles, mention.start, paragraph, sentenceStart);
    }
    i = last;
  }
}

function resolve(attribution: Attribution, paragraph: number, registry: SpeakerRegistry): Resolved {
  const { mention, rule } = attribution;
  const base = RULE_CONFIDENCE[rule];
  if (mention.kind === 'name') {
    const person = registry.addName(mention.name, mention.titles, mention.start, paragraph, true);
    return { attribution, person, evidence: rule === 'headline' ? 'headline' : 'explicit', confidence: base };
  }
  if (mention.kind === 'pronoun') {
    const person = registry.resolvePronoun(mention.name, mention.start, paragraph);
    return { attribution, person, evidence: 'pronoun', confidence: base * (person ? 0.9 : 0.6) };
  }
  const person = registry.resolveDescription(mention, mention.start, paragraph);
  return { attribution, person, evidence: 'description', confidence: base * (person.unnamed ? 0.8 : 0.85) };
}

function continuation(from: Resolved, factor: number): Resolved {
  return { ...from, evidence: 'continuation', confidence: Math.round(from.confidence * factor * 100) / 100 };
}

const span = (text: string, s: { start: number; end: number }): Span => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

function kindOf(text: string, q: ScannedQuote & { absStart: number }, inHeadline: boolean, attributed: boolean): QuoteKind {
  const inner = text.slice(q.absStart + (q.innerStart - q.start), q.absStart + (q.innerEnd - q.start));
  if (inHeadline) return attributed ? 'headline' : 'other';
  const before = text.slice(Math.max(0, q.absStart - 3), q.absStart);
  const opensUtterance = /^[\s…."'“]*(\.\.\.|[\p{Lu}\d[(])/u.test(inner) || /(^|[:,—\n]\s*)$/.test(before);
  if (attributed) return opensUtterance ? 'direct' : 'partial';
  const wordCount = inner.split(/\s+/).filter(Boolean).length;
  return wordCount >= 6 && opensUtterance ? 'direct' : 'other';
}

export function analyze(text: string, options?: AnalysisOptions): ArticleAnalysis {
  const structure = articleStructure(text);
  const cues = cueMatcher(options);
  const registry = new SpeakerRegistry();
  const quotes: Quote[] = [];
  const personOf = new Map<Quote, Person>();
  /** What the previous paragraph leaves for the next: its last speaker, and whether a quotation runs on. */
  let previous: { last: Resolved | null; runsOn: boolean; intro: Resolved | null } = { last: null, runsOn: false, intro: null };

  structure.paragraphs.forEach((paragraph, index) => {
    const inHeadline = structure.headline !== null && index === 0;
    const tokens = tokenize(text, paragraph.start, paragraph.end);
    const scanned = scanQuotes(paragraph.text, inHeadline).map(q => ({ ...q, absStart: paragraph.start + q.start, absEnd: paragraph.start + q.end }));
    const slots: QuoteSlot[] = scanned.map(q => ({
      start: q.absStart, end: q.absEnd, first: firstIndexAtOrAfter(tokens, q.absStart), after: firstIndexAtOrAfter(tokens, q.absEnd),
    }));
    const outside = tokens.filter(t => !slots.some(s => t.start >= s.start && t.end <= s.end));
    registerNames(text, outside, index, registry);

    const found: (Resolved | null)[] = slots.map((_, k) => {
      const attribution = inHeadline ? attributeHeadline(text, tokens, slots[k].start) ?? attributeInParagraph(text, tokens, slots, k, cues) : attributeInParagraph(text, tokens, slots, k, cues);
      return attribution ? resolve(attribution, index, registry) : null;
    });

    // Quotations left without a cue take one from the paragraph, else from the one before.
    const onlyQuotes = outside.every(t => !t.isWord);
    for (let k = 0; k < found.length; k++) {
      if (found[k] || inHeadline) continue;
      const sameParagraph = found.slice(0, k).reverse().find(Boolean) ?? found.slice(k + 1).find(Boolean);
      if (sameParagraph) { found[k] = continuation(sameParagraph, 0.9); continue; }
      const startsParagraph = k === 0 && slots[0].first === 0;
      if (startsParagraph && previous.intro) { found[k] = previous.intro; continue; }
      if (startsParagraph && previous.last && (previous.runsOn || onlyQuotes)) found[k] = continuation(previous.last, 0.8);
    }

    scanned.forEach((q, k) => {
      const resolved = found[k];
      const kind = kindOf(text, q, inHeadline, resolved !== null);
      const mention: Mention | null = resolved?.attribution.mention ?? null;
      const person = kind === 'other' ? null : resolved?.person ?? null;
      const quote: Quote = {
        start: q.absStart,
        end: q.absEnd,
        text: text.slice(paragraph.start + q.innerStart, paragraph.start + q.innerEnd),
        kind,
        speaker: person ? person.name : null,
        speakerMention: kind !== 'other' && mention ? span(text, mention) : null,
        cue: kind !== 'other' && resolved ? span(text, resolved.attribution.cue) : null,
        confidence: kind !== 'other' && resolved ? resolved.confidence : 0,
        evidence: kind !== 'other' && resolved ? resolved.evidence : 'none',
        paragraph: index,
      };
      quotes.push(quote);
      if (person) personOf.set(quote, person);
    });

    const attributed = found.filter((r): r is Resolved => r !== null);
    const lastQuote = scanned[scanned.length - 1];
    const reported = attributed.length === 0 ? lastReportedSpeaker(text, outside, cues) : null;
    const next = structure.paragraphs[index + 1];
    previous = {
      last: attributed.at(-1) ?? (reported ? resolve(reported, index, registry) : previous.last && onlyQuotes ? previous.last : null),
      runsOn: lastQuote !== undefined && !lastQuote.closed && next !== undefined && opensWithQuote(next.text),
      intro: (() => { const intro = attributeIntro(text, outside, cues); return intro ? resolve(intro, index, registry) : null; })(),
    };
  });

  // Speaker names are final only once the whole article is read (`Kerry` before `John Kerry`).
  const finalQuotes = quotes.map(q => {
    const person = personOf.get(q);
    if (!person) return q;
    person.quotes++;
    return { ...q, speaker: person.name };
  });
  return { ...structure, quotes: finalQuotes, speakers: registry.records() };
}

