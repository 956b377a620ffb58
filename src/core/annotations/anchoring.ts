/**
 * Finding an annotation's words again after the article changed outside the editor.
 *
 * In order, cheapest and surest first:
 * 1. `position`: the TextPositionSelector still holds exactly the quoted words;
 * 2. `exact`: the words occur elsewhere (a paragraph was inserted above); when they occur more
 *    than once, the occurrence whose prefix/suffix context and position fit best wins;
 * 3. `normalized`: the same after folding curly/straight quote marks, dashes and whitespace runs
 *    (punctuation fixes, a reflowed paragraph);
 * 4. `fuzzy`: approximate search as the Hypothesis client did with diff-match-patch (bitap
 *    `match_main` near a position hint, found through the context first; words longer than the
 *    32-character bitap limit are searched slice by slice, each close after the last), then the
 *    exact bounds are taken from a character diff and the result is accepted only when the words
 *    and their context are similar enough;
 * otherwise the annotation is an orphan: kept, listed, never dropped.
 */
import DiffMatchPatch from 'diff-match-patch';
import { Annotation, AnnotationTarget, CONTEXT_LENGTH, TextPosition, TextQuote } from './model';

export type AnchorMethod = 'position' | 'exact' | 'normalized' | 'fuzzy';

export type AnchorResult =
  | { readonly found: true; readonly start: number; readonly end: number; readonly method: AnchorMethod }
  | { readonly found: false };

/** The selectors that describe `text.slice(start, end)`. */
export function describeSpan(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}

/** A target on `source` for the span `start..end` of `text`. */
export function targetFor(source: string, text: string, start: number, end: number): AnnotationTarget {
  return { source, ...describeSpan(text, start, end) };
}

/** Words shorter than this need some agreeing context before an occurrence elsewhere is trusted. */
const SHORT_QUOTE = 24;
/** Bitap's pattern limit in diff-match-patch. */
const SLICE_LENGTH = 32;
const SLICES = new RegExp(`[\\s\\S]{1,${SLICE_LENGTH}}`, 'g');
/** How far (in characters) a later slice may sit from where the previous one ended. */
const SLICE_DISTANCE = 64;
/** Fuzzy matches below this similarity of the words themselves are rejected. */
const MIN_FUZZY_SIMILARITY = 0.8;
const MIN_CONTEXT_SIMILARITY = 0.5;
/** Scoring weights between candidates, as in the Hypothesis client. */
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** Candidates beyond this many occurrences are not scored (a quote that common anchors nowhere useful). */
const MAX_CANDIDATES = 200;

/** Text with quote marks, dashes and whitespace runs folded, and where each character came from. */
interface FoldedText {
  readonly text: string;
  /** Index in the original text of each folded character. */
  readonly origin: Int32Array;
}

const FOLD: Readonly<Record<string, string>> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
};

function fold(text: string): FoldedText {
  let out = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!inSpace) { out += ' '; origin.push(i); }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const folded = FOLD[ch] ?? ch;
    out += folded;
    for (let k = 0; k < folded.length; k++) origin.push(i);
  }
  return { text: out, origin: Int32Array.from(origin) };
}

function foldString(text: string): string {
  return fold(text).text;
}

const dmp = new DiffMatchPatch();

/** 0..1: one minus the edit distance over the longer length. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b, false)) / longer;
}

/**
 * Anchors selectors in one text. Create one per text and anchor every annotation of the article
 * with it: the folded text is computed once.
 */
export class TextAnchorer {
  readonly #text: string;
  #folded: FoldedText | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  anchor(quote: TextQuote, hint: TextPosition): AnchorResult {
    const text = this.#text;
    const { exact } = quote;
    if (exact === '') return { found: false };
    if (text.slice(hint.start, hint.end) === exact && believable(exact, contextSimilarity(text, hint.start, hint.end, quote.prefix, quote.suffix))) {
      return { found: true, start: hint.start, end: hint.end, method: 'position' };
    }

    const raw = this.#bestOccurrence(text, exact, quote.prefix, quote.suffix, hint.start);
    if (raw) return { found: true, start: raw.start, end: raw.start + exact.length, method: 'exact' };

    const folded = this.#folded ??= fold(text);
    const foldedQuote = { exact: foldString(exact), prefix: foldString(quote.prefix), suffix: foldString(quote.suffix) };
    const foldedHint = foldedIndex(folded, hint.start);
    if (foldedQuote.exact.trim() === '') return { found: false };
    const normalized = this.#bestOccurrence(folded.text, foldedQuote.exact, foldedQuote.prefix, foldedQuote.suffix, foldedHint);
    if (normalized) return { found: true, ...toOriginal(folded, normalized.start, normalized.start + foldedQuote.exact.length), method: 'normalized' };

    const fuzzy = fuzzyMatch(folded.text, foldedQuote, foldedHint);
    if (fuzzy) return { found: true, ...toOriginal(folded, fuzzy.start, fuzzy.end), method: 'fuzzy' };
    return { found: false };
  }

  /** The best-scoring occurrence of `exact` in `haystack`, if its context makes it believable. */
  #bestOccurrence(haystack: string, exact: string, prefix: string, suffix: string, hint: number): { start: number } | undefined {
    let best: { start: number; score: number; context: ContextSimilarity } | undefined;
    let count = 0;
    for (let at = haystack.indexOf(exact); at !== -1 && count < MAX_CANDIDATES; at = haystack.indexOf(exact, at + 1), count++) {
      const context = contextSimilarity(haystack, at, at + exact.length, prefix, suffix);
      const score = PREFIX_WEIGHT * context.prefix + SUFFIX_WEIGHT * context.suffix
        + POSITION_WEIGHT * (1 - Math.min(1, Math.abs(at - hint) / Math.max(1, haystack.length)));
      if (!best || score > best.score) best = { start: at, score, context };
    }
    return best && believable(exact, best.context) ? best : undefined;
  }
}

/** Anchors one quote in `text` (see `TextAnchorer` for many). */
export function anchorQuote(text: string, quote: TextQuote, hint: TextPosition): AnchorResult {
  return new TextAnchorer(text).anchor(quote, hint);
}

interface ContextSimilarity {
  readonly prefix: number;
  readonly suffix: number;
}

/** Long words are trusted wherever they are; short ones only where their context roughly agrees. */
function believable(exact: string, context: ContextSimilarity): boolean {
  return exact.length >= SHORT_QUOTE || (context.prefix + context.suffix) / 2 >= MIN_CONTEXT_SIMILARITY;
}

function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): ContextSimilarity {
  return {
    prefix: similarity(text.slice(Math.max(0, start - prefix.length), start), prefix),
    suffix: similarity(text.slice(end, end + suffix.length), suffix),
  };
}

/** The folded index of original offset `offset` (the first folded character at or after it). */
function foldedIndex(folded: FoldedText, offset: number): number {
  let low = 0;
  let high = folded.origin.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (folded.origin[mid] < offset) low = mid + 1; else high = mid;
  }
  return low;
}

function toOriginal(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.origin[start], end: folded.origin[end - 1] + 1 };
}

function fuzzyMatch(text: string, quote: TextQuote, hint: number): { start: number; end: number } | undefined {
  const approximate = locateSlices(text, quote, hint);
  if (!approximate) return undefined;
  const bounds = alignBounds(text, quote.exact, approximate.start, approximate.end);
  if (!bounds || bounds.end <= bounds.start) return undefined;
  const words = similarity(text.slice(bounds.start, bounds.end), quote.exact);
  if (words < MIN_FUZZY_SIMILARITY) return undefined;
  return believable(quote.exact, contextSimilarity(text, bounds.start, bounds.end, quote.prefix, quote.suffix)) ? bounds : undefined;
}

/**
 * Hypothesis' approach to diff-match-patch's 32-character bitap limit: find the context first to
 * sharpen the position hint, then the first slice of the words near it, then each later slice
 * close after the previous one.
 */
function locateSlices(text: string, quote: TextQuote, hint: number): { start: number; end: number } | undefined {
  const { exact, prefix, suffix } = quote;
  dmp.Match_Threshold = 0.5;
  dmp.Match_Distance = text.length * 2;
  let loc = hint;
  let foundPrefix = false;
  if (prefix) {
    const tail = prefix.slice(-SLICE_LENGTH);
    const at = dmp.match_main(text, tail, Math.max(0, loc - tail.length));
    if (at > -1) { loc = at + tail.length; foundPrefix = true; }
  }
  if (!foundPrefix && suffix) {
    const head = suffix.slice(0, SLICE_LENGTH);
    const at = dmp.match_main(text, head, Math.min(text.length, loc + exact.length));
    if (at > -1) loc = Math.max(0, at - exact.length);
  }
  const slices: string[] = exact.match(SLICES) ?? [];
  if (slices.length === 0) return undefined;
  const first = dmp.match_main(text, slices[0], Math.min(loc, text.length));
  if (first === -1) return undefined;
  let start = first;
  let end = first + slices[0].length;
  let next = end;
  dmp.Match_Distance = SLICE_DISTANCE;
  for (const slice of slices.slice(1)) {
    const at = dmp.match_main(text, slice, Math.min(next, text.length));
    if (at === -1) return undefined;
    next = at + slice.length;
    start = Math.min(start, at);
    end = Math.max(end, next);
  }
  return { start, end };
}

/** Exact bounds of `exact` around an approximate match, from a character diff against a padded window. */
function alignBounds(text: string, exact: string, approxStart: number, approxEnd: number): { start: number; end: number } | undefined {
  const pad = SLICE_LENGTH;
  const windowStart = Math.max(0, approxStart - pad);
  const window = text.slice(windowStart, Math.min(text.length, approxEnd + pad));
  const diffs = dmp.diff_main(exact, window, false);
  let inWindow = 0;
  let start = -1;
  let end = -1;
  for (const [op, chunk] of diffs) {
    if (op !== DiffMatchPatch.DIFF_INSERT && start === -1) start = inWindow;
    if (op !== DiffMatchPatch.DIFF_DELETE) inWindow += chunk.length;
    if (op !== DiffMatchPatch.DIFF_INSERT) end = inWindow;
  }
  if (start === -1) return undefined;
  return { start: windowStart + start, end: windowStart + end };
}

export interface ReanchorResult {
  /** Every annotation given, in the same order: moved ones with fresh selectors, lost ones orphaned. */
  readonly annotations: readonly Annotation[];
  /** How many changed position or selectors (the sidecar needs writing when > 0 or orphans changed). */
  readonly changed: number;
  /** Annotations that could not be placed (including those that already were orphans). */
  readonly orphans: readonly Annotation[];
}

/**
 * Re-anchors the annotations of one article against its current text. Annotations that are found
 * get selectors describing where they now are (so the next change starts from the new text);
 * those that are not are marked orphaned and otherwise kept exactly as they were. Orphans are
 * tried again, so undoing an edit brings them back.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], text: string): ReanchorResult {
  const anchorer = new TextAnchorer(text);
  const orphans: Annotation[] = [];
  let changed = 0;
  const result = annotations.map(annotation => {
    const found = anchorer.anchor(annotation.target.quote, annotation.target.position);
    if (!found.found) {
      const orphan = annotation.orphaned ? annotation : { ...annotation, orphaned: true };
      if (orphan !== annotation) changed++;
      orphans.push(orphan);
      return orphan;
    }
    const target = targetFor(annotation.target.source, text, found.start, found.end);
    if (!annotation.orphaned && sameTarget(target, annotation.target)) return annotation;
    changed++;
    return withoutOrphanFlag({ ...annotation, target });
  });
  return { annotations: result, changed, orphans };
}

function withoutOrphanFlag(annotation: Annotation): Annotation {
  if (!annotation.orphaned) return annotation;
  const copy = { ...annotation };
  delete copy.orphaned;
  return copy;
}

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.position.start === b.position.start && a.position.end === b.position.end
    && a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix;
}
