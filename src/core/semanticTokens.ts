/**
 * Semantic tokens for an analysed article: quotations, the people who speak them and the verbs
 * that attribute them, as line-relative tuples ready for a tokens builder. Pure: the editor
 * adapter only wraps the legend and pushes the tuples.
 */
import type { ArticleAnalysis, Quote } from './types';

/** Token types in legend order; `package.json` `semanticTokenTypes` declares the same ids. */
export const tokenTypes = ['quotation', 'speaker', 'cueVerb'] as const;
/** Token modifiers in legend order (bit i of a token's modifier set is `tokenModifiers[i]`). */
export const tokenModifiers = ['unattributed', 'corrected', 'crossSourced'] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

/** One token on one line; `type` indexes `tokenTypes`, `modifiers` is a bit set over `tokenModifiers`. */
export interface SemanticToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

export interface SemanticTokenOptions {
  /** True when another article in the workspace carries the same words. */
  readonly isCrossSourced?: (quote: Quote) => boolean;
  /** True when a hand correction marked the quotation; one whose speaker was set by hand always counts. */
  readonly isCorrected?: (quote: Quote) => boolean;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

/**
 * Tokens for `analysis` of `text` (the same BOM-free text the offsets count into), sorted by
 * position, never overlapping, and split at line breaks because editors draw tokens per line.
 *
 * Quotations get `unattributed` when nobody is said to have spoken them, `corrected` when a hand
 * correction decided them (evidence `manual`, or `isCorrected`), and `crossSourced` when another
 * outlet carries them.
 * Speaker tokens cover the attributing mention (a name, pronoun or description) and every other
 * occurrence of a speaker's name or alias outside quotations.
 */
export function semanticTokensFor(text: string, analysis: ArticleAnalysis, options: SemanticTokenOptions = {}): SemanticToken[] {
  const quotations = analysis.quotes.filter(q => q.end > q.start);
  const candidates: Candidate[] = [];
  for (const quote of quotations) {
    const corrected = quote.evidence === 'manual' || (options.isCorrected?.(quote) ?? false);
    const modifiers: TokenModifier[] = [];
    if (quote.speaker === null) modifiers.push('unattributed');
    if (corrected) modifiers.push('corrected');
    if (options.isCrossSourced?.(quote)) modifiers.push('crossSourced');
    candidates.push({ start: quote.start, end: quote.end, type: 'quotation', modifiers });
    if (quote.speakerMention) {
      candidates.push({ start: quote.speakerMention.start, end: quote.speakerMention.end, type: 'speaker', modifiers: corrected ? ['corrected'] : [] });
    }
    if (quote.cue) candidates.push({ start: quote.cue.start, end: quote.cue.end, type: 'cueVerb', modifiers: [] });
  }
  // Names inside a quotation lose to it in `withoutOverlaps`: the quotation starts first.
  for (const span of nameOccurrences(text, analysis)) candidates.push({ ...span, type: 'speaker', modifiers: [] });
  return toLineTokens(text, withoutOverlaps(candidates));
}

/** Where the article's speaker names and aliases occur as whole words, longest names first. */
function nameOccurrences(text: string, analysis: ArticleAnalysis): { start: number; end: number }[] {
  const names = [...new Set(analysis.speakers.flatMap(s => [s.name, ...s.aliases]))]
    .filter(name => /\p{Lu}/u.test(name))
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map(m => ({ start: m.index!, end: m.index! + m[0].length }));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Keeps the earliest (then longest) of any overlapping candidates, in position order. */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    const last = kept[kept.length - 1];
    if (candidate.start < candidate.end && (!last || candidate.start >= last.end)) kept.push(candidate);
  }
  return kept;
}

/** Splits each span at line breaks (`\r\n`, `\n`, `\r`, as editors count lines) into tuples. */
function toLineTokens(text: string, spans: Candidate[]): SemanticToken[] {
  const lineStarts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index! + m[0].length);
  const tokens: SemanticToken[] = [];
  let line = 0;
  for (const span of spans) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= span.start) line++;
    const type = tokenTypes.indexOf(span.type);
    const modifiers = span.modifiers.reduce((bits, m) => bits | (1 << tokenModifiers.indexOf(m)), 0);
    for (let l = line, from = span.start; l < lineStarts.length && from < span.end; l++) {
      const lineEnd = l + 1 < lineStarts.length ? contentEnd(text, lineStarts[l + 1]) : text.length;
      const to = Math.min(span.end, lineEnd);
      if (to > from) tokens.push({ line: l, character: from - lineStarts[l], length: to - from, type, modifiers });
      from = l + 1 < lineStarts.length ? lineStarts[l + 1] : span.end;
    }
  }
  return tokens;
}

/** The offset where a line's text ends, given the start of the next line (before its break). */
function contentEnd(text: string, nextLineStart: number): number {
  return text.slice(nextLineStart - 2, nextLineStart) === '\r\n' ? nextLineStart - 2 : nextLineStart - 1;
}
