/**
 * Exports of corrected analyses and annotations (CSV, brat standoff) and the import of brat
 * `.ann` files. The W3C JSON-LD export is the sidecar format itself (`serializeSidecar`).
 */
import { unparse } from 'papaparse';
import { ArticleAnalysis, Quote } from '../types';
import { TextAnchorer, targetFor } from './anchoring';
import { serializeSidecar } from './jsonld';
import { Annotation, AnnotationBody, SidecarData, createAnnotation, nowIso } from './model';

/** One article as the exports see it: its text, corrected analysis and annotations. */
export interface ArticleForExport {
  /** The path shown in the export (relative, forward slashes). */
  readonly file: string;
  readonly text: string;
  /** The analysis with `applyCorrections` already applied. */
  readonly analysis: Pick<ArticleAnalysis, 'headline' | 'quotes'>;
  /** The article's annotations (for notes and tags); orphans are left out of CSV and brat. */
  readonly annotations: readonly Annotation[];
}

/**
 * The outlet an article comes from, for exports and citations. Plain-text clippings rarely say, so:
 * a file named `<outlet>_<yyyy-mm-dd>_...` gives `<outlet>`; else a headline ending in
 * ` | Outlet` or ` - Outlet` (at most four words) gives that; else the file's name without `.txt`.
 */
export function outletOf(file: string, headline: string | null): string {
  const base = (file.split('/').pop() ?? file).replace(/(\.news)?\.txt$/i, '');
  const dated = /^([A-Za-z][\w-]*?)_\d{4}-\d{2}-\d{2}(_|$)/.exec(base);
  if (dated) return dated[1];
  const tail = headline ? /\s[|\u2013\u2014-]\s+([^|\u2013\u2014]+?)\s*$/.exec(headline) : null;
  if (tail && tail[1].split(/\s+/).length <= 4) return tail[1];
  return base;
}

/**
 * One W3C AnnotationCollection from several sidecars, for export: each annotation's source is
 * prefixed with `folder`, the sidecar's folder relative to where the export is written (forward
 * slashes, '' for the same folder). Speaker operations are kept in order, each once.
 */
export function exportJsonLd(sidecars: readonly { readonly folder: string; readonly data: SidecarData }[]): string {
  const annotations: Annotation[] = [];
  const operations = new Map<string, SidecarData['speakerOperations'][number]>();
  for (const { folder, data } of sidecars) {
    const prefix = folder === '' || folder === '.' ? '' : `${folder.replace(/\\/g, '/').replace(/\/$/, '')}/`;
    for (const annotation of data.annotations) annotations.push({ ...annotation, target: { ...annotation.target, source: prefix + annotation.target.source } });
    for (const operation of data.speakerOperations) operations.set(JSON.stringify(operation), operation);
  }
  return serializeSidecar({ annotations, speakerOperations: [...operations.values()] });
}

/**
 * `“words” — Speaker, Outlet, file, line N`: a quotation with its citation, for the clipboard.
 * The outlet is left out when it is only the file's own name, so the file is named once.
 */
export function citeQuotation(quote: { readonly text: string; readonly speaker: string | null; readonly start: number },
  file: string, text: string, headline: string | null): string {
  const outlet = outletOf(file, headline);
  const fileName = (file.split('/').pop() ?? file).replace(/(\.news)?\.txt$/i, '');
  const parts = [quote.speaker ?? 'unattributed', ...(outlet === fileName ? [] : [outlet]), file, `line ${lineOf(text, quote.start)}`];
  return `\u201c${quote.text}\u201d \u2014 ${parts.join(', ')}`;
}

/** 1-based line of `offset` (CRLF and LF alike). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Notes and tags whose target is this quotation or lies within it (or contains it). */
export function notesAndTagsFor(annotations: readonly Annotation[], start: number, end: number): { notes: string[]; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  for (const annotation of annotations) {
    if (annotation.orphaned) continue;
    const p = annotation.target.position;
    const nested = (p.start >= start && p.end <= end) || (p.start <= start && p.end >= end);
    if (!nested) continue;
    if (annotation.body.kind === 'note') notes.push(annotation.body.text);
    if (annotation.body.kind === 'tag') tags.push(annotation.body.tag);
  }
  return { notes, tags };
}

export const CSV_COLUMNS = [
  'file', 'outlet', 'line', 'start', 'end', 'kind', 'speaker', 'speaker_mention', 'cue', 'evidence', 'confidence', 'text', 'notes', 'tags',
];

/** Quoted words nobody is said to have spoken (scare quotes, titles) are not quotations to export. */
function quotations(analysis: Pick<ArticleAnalysis, 'quotes'>): Quote[] {
  return analysis.quotes.filter(quote => quote.kind !== 'other');
}

/**
 * One row per quotation, RFC 4180 quoting (papaparse), CRLF rows. Cells that a spreadsheet would
 * run as a formula (starting with = + - @ tab or CR) get a leading `'`: article text is untrusted.
 */
export function exportCsv(articles: readonly ArticleForExport[]): string {
  const rows: unknown[][] = [];
  for (const article of articles) {
    const outlet = outletOf(article.file, article.analysis.headline?.text ?? null);
    for (const quote of quotations(article.analysis)) {
      const { notes, tags } = notesAndTagsFor(article.annotations, quote.start, quote.end);
      rows.push([
        article.file, outlet, lineOf(article.text, quote.start), quote.start, quote.end, quote.kind,
        quote.speaker ?? '', quote.speakerMention?.text ?? '', quote.cue?.text ?? '', quote.evidence,
        quote.confidence, quote.text, notes.join('\n'), tags.join(', '),
      ]);
    }
  }
  return `${unparse({ fields: CSV_COLUMNS, data: rows }, { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ })}\r\n`;
}

/**
 * Offsets in brat are characters (code points), ours UTF-16 code units; they differ only after an
 * astral character (an emoji, say).
 */
class OffsetConverter {
  readonly #astral: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) { this.#astral.push(i); i++; }
    }
  }

  toCodePoints(offset: number): number {
    let before = 0;
    while (before < this.#astral.length && this.#astral[before] < offset - 1) before++;
    return offset - before;
  }

  toUtf16(codePoints: number): number {
    let offset = codePoints;
    for (const at of this.#astral) if (at < offset) offset++; else break;
    return offset;
  }
}

/** A span split at line breaks, as brat wants (discontinuous fragments `s e;s e`). */
function fragments(text: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  const pattern = /[^\r\n]+/g;
  const slice = text.slice(start, end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    parts.push({ start: start + match.index, end: start + match.index + match[0].length });
  }
  return parts;
}

function escapeNote(note: string): string {
  return note.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/\t/g, ' ');
}

function unescapeNote(note: string): string {
  return note.replace(/\\(\\|n)/g, (_, ch: string) => (ch === 'n' ? '\n' : '\\'));
}

/**
 * brat standoff for one article: `T` lines for Quotation, Speaker and Cue spans (and Selection and
 * NotQuotation spans that carry other annotations), `R` lines linking a quotation to its speaker
 * (Attribution) and cue (Cue), and `AnnotatorNotes` holding `speaker: <canonical name>`,
 * `note: <text>` and `tag: <tag>`. Offsets count characters of the article text without its BOM.
 */
export function exportBrat(article: ArticleForExport): string {
  const { text } = article;
  const offsets = new OffsetConverter(text);
  const lines: string[] = [];
  const spanIds = new Map<string, string>();
  let t = 0;
  let r = 0;
  let n = 0;
  const span = (type: string, start: number, end: number): string | undefined => {
    const key = `${type}:${start}:${end}`;
    const known = spanIds.get(key);
    if (known) return known;
    const parts = fragments(text, start, end);
    if (parts.length === 0) return undefined;
    const id = `T${++t}`;
    const ranges = parts.map(p => `${offsets.toCodePoints(p.start)} ${offsets.toCodePoints(p.end)}`).join(';');
    lines.push(`${id}\t${type} ${ranges}\t${parts.map(p => text.slice(p.start, p.end)).join(' ')}`);
    spanIds.set(key, id);
    return id;
  };
  const note = (id: string, value: string) => lines.push(`#${++n}\tAnnotatorNotes ${id}\t${escapeNote(value)}`);
  const relation = (type: string, from: string, to: string) => lines.push(`R${++r}\t${type} Arg1:${from} Arg2:${to}`);

  const covered = new Set<Annotation>();
  for (const quote of quotations(article.analysis)) {
    const id = span('Quotation', quote.start, quote.end);
    if (!id) continue;
    attachSpeakerAndCue(quote, id, span, relation);
    if (quote.speaker !== null) note(id, `speaker: ${quote.speaker}`);
    for (const annotation of article.annotations) {
      if (annotation.orphaned || !isNoteOrTag(annotation.body)) continue;
      const p = annotation.target.position;
      if (p.start === quote.start && p.end === quote.end) {
        note(id, noteLine(annotation.body));
        covered.add(annotation);
      }
    }
  }
  for (const annotation of article.annotations) {
    if (annotation.orphaned || covered.has(annotation)) continue;
    const { start, end } = annotation.target.position;
    if (annotation.body.kind === 'notQuotation') span('NotQuotation', start, end);
    if (!isNoteOrTag(annotation.body)) continue;
    const id = span('Selection', start, end);
    if (id) note(id, noteLine(annotation.body));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function attachSpeakerAndCue(
  quote: Quote,
  quoteId: string,
  span: (type: string, start: number, end: number) => string | undefined,
  relation: (type: string, from: string, to: string) => void,
): void {
  if (quote.speakerMention) {
    const id = span('Speaker', quote.speakerMention.start, quote.speakerMention.end);
    if (id) relation('Attribution', quoteId, id);
  }
  if (quote.cue) {
    const id = span('Cue', quote.cue.start, quote.cue.end);
    if (id) relation('Cue', quoteId, id);
  }
}

function isNoteOrTag(body: AnnotationBody): body is Extract<AnnotationBody, { kind: 'note' | 'tag' }> {
  return body.kind === 'note' || body.kind === 'tag';
}

function noteLine(body: Extract<AnnotationBody, { kind: 'note' | 'tag' }>): string {
  return body.kind === 'note' ? `note: ${body.text}` : `tag: ${body.tag}`;
}

export interface BratImport {
  readonly annotations: readonly Annotation[];
  /** Lines that were skipped, and why. */
  readonly warnings: readonly string[];
}

/**
 * Annotations from a brat `.ann` file for the article `text` at `source`: each Quotation becomes a
 * marked quotation (with its speaker: the `speaker:` note, else the linked Speaker span's words),
 * each NotQuotation a rejection, and `note:`/`tag:` notes (or plain notes) notes and tags. Spans
 * whose words are not at their offsets (the `.ann` was made for another version of the text) are
 * looked for by their words; those not found are reported and skipped.
 */
export function importBrat(ann: string, text: string, source: string, now: string = nowIso()): BratImport {
  const offsets = new OffsetConverter(text);
  const anchorer = new TextAnchorer(text);
  const warnings: string[] = [];
  const spans = new Map<string, { type: string; start: number; end: number }>();
  const relations: { type: string; from: string; to: string }[] = [];
  const notes: { id: string; value: string }[] = [];

  ann.replace(/^\ufeff/, '').split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    const fields = line.split('\t');
    const id = fields[0];
    if (/^T\d+$/.test(id)) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
      if (!match) { warnings.push(`${where}: a text-bound annotation without valid offsets`); return; }
      const numbers = match[2].split(/[ ;]/).map(Number);
      const start = offsets.toUtf16(Math.min(...numbers));
      const end = offsets.toUtf16(Math.max(...numbers));
      const located = locate(text, anchorer, start, end, fields.slice(2).join('\t'), numbers.length > 2);
      if (!located) { warnings.push(`${where}: "${fields.slice(2).join('\t')}" is not in the article at ${match[2]}, nor anywhere else; skipped`); return; }
      spans.set(id, { type: match[1], ...located });
    } else if (/^R\d+$/.test(id)) {
      const match = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(fields[1] ?? '');
      if (match) relations.push({ type: match[1], from: match[2], to: match[3] });
      else warnings.push(`${where}: a relation without two arguments`);
    } else if (/^#\d*$/.test(id)) {
      const match = /^AnnotatorNotes (\S+)$/.exec(fields[1] ?? '');
      if (match) notes.push({ id: match[1], value: unescapeNote(fields.slice(2).join('\t')) });
    } else {
      warnings.push(`${where}: "${id}" annotations (events, attributes, normalizations) are not imported`);
    }
  });

  const annotations: Annotation[] = [];
  const add = (id: string, body: AnnotationBody) => {
    const span = spans.get(id);
    if (!span) { warnings.push(`${id}: referred to but not defined; skipped`); return; }
    annotations.push(createAnnotation(targetFor(source, text, span.start, span.end), body, { now }));
  };
  const notesOf = (id: string) => notes.filter(note => note.id === id).map(note => note.value);

  for (const [id, span] of spans) {
    if (span.type === 'Quotation') {
      const named = notesOf(id).find(value => value.startsWith('speaker: '))?.slice('speaker: '.length);
      const linked = relations.find(rel => rel.type === 'Attribution' && rel.from === id);
      const mention = linked ? spans.get(linked.to) : undefined;
      const speaker = named ?? (mention ? text.slice(mention.start, mention.end) : undefined);
      add(id, speaker === undefined ? { kind: 'quotation' } : { kind: 'quotation', speaker });
    } else if (span.type === 'NotQuotation') {
      add(id, { kind: 'notQuotation' });
    }
    if (span.type === 'Speaker' || span.type === 'Cue') continue;
    for (const value of notesOf(id)) {
      if (value.startsWith('speaker: ')) continue;
      if (value.startsWith('tag: ')) add(id, { kind: 'tag', tag: value.slice('tag: '.length) });
      else add(id, { kind: 'note', text: value.startsWith('note: ') ? value.slice('note: '.length) : value });
    }
  }
  return { annotations, warnings };
}

/** Where a brat span's words are: at its offsets, or (for a single-line span) wherever they now are. */
function locate(text: string, anchorer: TextAnchorer, start: number, end: number, words: string, discontinuous: boolean): { start: number; end: number } | undefined {
  const atOffsets = text.slice(start, end);
  if (end <= text.length && (atOffsets === words || (discontinuous && atOffsets.replace(/\s+/g, ' ') === words.replace(/\s+/g, ' ')))) {
    return { start, end };
  }
  if (discontinuous || words === '') return undefined;
  const found = anchorer.anchor({ exact: words, prefix: '', suffix: '' }, { start, end: start + words.length });
  return found.found ? { start: found.start, end: found.end } : undefined;
}
