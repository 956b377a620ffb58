/**
 * Finding an annotation's words again after the article changed outside the editor.
 *
 * In order, cheapest and surest first:
 * 1. `position`: the TextPositionSelector still holds exactly the quoted words;
 * 2. `exact`: the words occur elsewhere (a paragraph was inserted above);
 * 3. `normalized`: the same after folding curly/straight quote marks, dashes and whitespace runs
 *    (punctuation fixes, a reflowed paragraph);
 * 4. `fuzzy`: the words changed (a typo fixed). Short exact probes (the end of the prefix, the
 *    start and end of the words, the start of the suffix) say where the passage probably is now;
 *    near each such place, diff-match-patch's bitap `match_main` finds the words slice by slice
 *    (its 32-character limit, handled as the Hypothesis client did), and an edit-distance
 *    alignment then gives their exact bounds.
 * Candidates are scored as the Hypothesis client scores them (words 50, prefix 20, suffix 20,
 * position 2); an exact match whose context is intact wins at once. Short words (a one-word scare
 * quote) are trusted only where their context roughly agrees, and changed words only in a
 * recognisable context. Otherwise the annotation is an orphan: kept, listed, never dropped.
 * `npm run bench:anchoring` measures all of this on realistic edits.
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
/** How far (in characters) a slice may sit from where it is expected (bitap's Match_Distance). */
const SLICE_DISTANCE = 64;
/** Probes that place the words when they changed; shorter ones (after trimming) are not trusted. */
const PROBE_LENGTH = 12;
const MIN_PROBE_LENGTH = 6;
/** How much wider than the approximate match the exact bounds are looked for. */
const ALIGN_PADDING = 16;
/** Words longer than this are aligned by their ends only (the alignment costs length squared). */
const MAX_ALIGNED = 2048;
/** Characters of the suffix that settle a tie between equally close ends. */
const SUFFIX_PROBE = 8;
/** Fuzzy matches below this similarity of the words themselves are rejected. */
const MIN_FUZZY_SIMILARITY = 0.8;
const MIN_CONTEXT_SIMILARITY = 0.5;
const INTACT_CONTEXT = 0.8;
/** Scoring weights between candidates, as in the Hypothesis client. */
const QUOTE_WEIGHT = 50;
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

const WHITESPACE = /\s/;

function fold(text: string): FoldedText {
  const parts: string[] = [];
  const ellipses = text.split('\u2026').length - 1;
  const origin = new Int32Array(text.length + 2 * ellipses);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code === 32 || code === 10 || code === 13 || code === 9 || (code > 127 && WHITESPACE.test(ch))) {
      if (!inSpace) { parts.push(' '); origin[length++] = i; }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const folded = code < 96 || (code > 96 && code < 128) ? ch : FOLD[ch] ?? ch;
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) origin[length++] = i;
  }
  return { text: parts.join(''), origin: origin.subarray(0, length) };
}

function foldString(text: string): string {
  return fold(text).text;
}

const dmp = new DiffMatchPatch();

/**
 * 0..1: one minus the Levenshtein distance over the longer length. Computed exactly (contexts are
 * at most a few dozen characters): diff-match-patch's `diff_levenshtein` over its diff overstates
 * the distance of unlike strings, past their length.
 */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length] / longer;
}

/** A place the words might be now, scored as the Hypothesis client scores them. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
  readonly score: number;
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
    const candidates: Candidate[] = [];
    const settle = (): AnchorResult => {
      const best = candidates.reduce<Candidate | undefined>((a, b) => (a && a.score >= b.score ? a : b), undefined);
      return best ? { found: true, start: best.start, end: best.end, method: best.method } : { found: false };
    };

    // The words unchanged, with their context unchanged too, need no more looking.
    const raw = bestOccurrence(text, quote, hint.start);
    if (raw) {
      candidates.push({ ...raw, method: 'exact' });
      if (raw.contextIntact) return settle();
    }
    const folded = this.#folded ??= fold(text);
    const foldedQuote = { exact: foldString(exact), prefix: foldString(quote.prefix), suffix: foldString(quote.suffix) };
    if (foldedQuote.exact.trim() === '') return settle();
    const foldedHint = foldedIndex(folded, hint.start);
    const normalized = bestOccurrence(folded.text, foldedQuote, foldedHint);
    if (normalized) {
      candidates.push({ ...normalized, ...toOriginal(folded, normalized.start, normalized.end), method: 'normalized' });
      if (normalized.contextIntact) return settle();
    }
    // Words changed (a typo fixed), or a stale copy found elsewhere: let a near match compete.
    const fuzzy = fuzzyMatch(folded.text, foldedQuote, foldedHint);
    if (fuzzy) candidates.push({ ...fuzzy, ...toOriginal(folded, fuzzy.start, fuzzy.end), method: 'fuzzy' });
    return settle();
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

/** Context nearest the words counts; other tools may store long prefixes and suffixes. */
const MAX_CONTEXT_COMPARED = 2 * CONTEXT_LENGTH;

function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): ContextSimilarity {
  const before = prefix.slice(-MAX_CONTEXT_COMPARED);
  const after = suffix.slice(0, MAX_CONTEXT_COMPARED);
  return {
    prefix: similarity(text.slice(Math.max(0, start - before.length), start), before),
    suffix: similarity(text.slice(end, end + after.length), after),
  };
}

function score(words: number, context: ContextSimilarity, start: number, hint: number, length: number): number {
  return QUOTE_WEIGHT * words + PREFIX_WEIGHT * context.prefix + SUFFIX_WEIGHT * context.suffix
    + POSITION_WEIGHT * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, length)));
}

/** The best-scoring believable occurrence of the exact words in `text`. */
function bestOccurrence(text: string, quote: TextQuote, hint: number): { start: number; end: number; score: number; contextIntact: boolean } | undefined {
  const { exact, prefix, suffix } = quote;
  let best: { start: number; end: number; score: number; contextIntact: boolean } | undefined;
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), count++) {
    const context = contextSimilarity(text, at, at + exact.length, prefix, suffix);
    if (!believable(exact, context)) continue;
    const value = score(1, context, at, hint, text.length);
    if (!best || value > best.score) best = { start: at, end: at + exact.length, score: value, contextIntact: context.prefix === 1 && context.suffix === 1 };
  }
  return best;
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

function fuzzyMatch(text: string, quote: TextQuote, hint: number): { start: number; end: number; score: number } | undefined {
  let best: { start: number; end: number; score: number } | undefined;
  for (const estimate of estimateStarts(text, quote, hint)) {
    const found = fuzzyMatchNear(text, quote, estimate, hint);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}

function fuzzyMatchNear(text: string, quote: TextQuote, estimate: number, hint: number): { start: number; end: number; score: number } | undefined {
  const approximate = locateSlices(text, quote.exact, estimate);
  if (!approximate) return undefined;
  const aligned = alignBounds(text, quote, approximate);
  if (!aligned) return undefined;
  const words = 1 - aligned.distance / Math.max(quote.exact.length, aligned.end - aligned.start);
  const context = contextSimilarity(text, aligned.start, aligned.end, quote.prefix, quote.suffix);
  const contextAverage = (context.prefix + context.suffix) / 2;
  // Changed words must sit in a recognisable context, whatever their length; a word or two with a
  // transposed letter counts as changed words when the context around them is all but intact.
  const closeEnough = words >= MIN_FUZZY_SIMILARITY || (aligned.distance <= 2 && contextAverage >= INTACT_CONTEXT);
  if (!closeEnough || contextAverage < MIN_CONTEXT_SIMILARITY) return undefined;
  return { start: aligned.start, end: aligned.end, score: score(words, context, aligned.start, hint, text.length) };
}

/**
 * Where the words probably start now, from four short probes found exactly (the end of the
 * prefix, the start and end of the words, the start of the suffix): for each, the occurrence
 * nearest the old position. An edit rarely touches all four; when none is found anywhere, the
 * passage is gone, and that is learnt in four string searches instead of a fuzzy scan of the article.
 */
function estimateStarts(text: string, quote: TextQuote, hint: number): number[] {
  const { exact, prefix, suffix } = quote;
  const probes = [
    { piece: prefix.slice(-PROBE_LENGTH), startFrom: (at: number, piece: string) => at + piece.length },
    { piece: exact.slice(0, PROBE_LENGTH), startFrom: (at: number) => at },
    { piece: exact.slice(-PROBE_LENGTH), startFrom: (at: number, piece: string) => at + piece.length - exact.length },
    { piece: suffix.slice(0, PROBE_LENGTH), startFrom: (at: number) => at - exact.length },
  ];
  const estimates = new Set<number>();
  for (const { piece, startFrom } of probes) {
    if (piece.trim().length < MIN_PROBE_LENGTH) continue;
    let nearest: number | undefined;
    let count = 0;
    for (let at = text.indexOf(piece); at !== -1 && count < MAX_CANDIDATES; at = text.indexOf(piece, at + 1), count++) {
      const start = startFrom(at, piece);
      if (nearest === undefined || Math.abs(start - hint) < Math.abs(nearest - hint)) nearest = start;
    }
    if (nearest !== undefined) estimates.add(Math.max(0, Math.min(text.length, nearest)));
  }
  // Estimates a few characters apart lead to the same alignment.
  return [...estimates].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))
    .filter((estimate, i, all) => all.slice(0, i).every(earlier => Math.abs(earlier - estimate) > ALIGN_PADDING));
}

/**
 * Hypothesis' approach to diff-match-patch's 32-character bitap limit: the first slice of the
 * words is searched (bitap `match_main`) near the estimated start, up to `firstSliceDistance`
 * characters away, then each later slice close after the previous one.
 */
export function locateSlices(text: string, exact: string, loc: number, firstSliceDistance = SLICE_DISTANCE): { start: number; end: number } | undefined {
  const slices: string[] = exact.match(SLICES) ?? [];
  if (slices.length === 0) return undefined;
  dmp.Match_Threshold = 0.5;
  dmp.Match_Distance = firstSliceDistance;
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

/**
 * Exact bounds and edit distance of the words around their approximate place. Long words (a
 * whole article annotated) are aligned by their first and last stretches only, and every slice
 * in between was found close after the one before.
 */
function alignBounds(text: string, quote: TextQuote, approximate: { start: number; end: number }): { start: number; end: number; distance: number } | undefined {
  const { exact, suffix } = quote;
  if (exact.length <= MAX_ALIGNED) {
    return alignWithin(text, exact, approximate.start - ALIGN_PADDING, approximate.end + ALIGN_PADDING, approximate.end, suffix);
  }
  const edge = MAX_ALIGNED / 2;
  const head = alignWithin(text, exact.slice(0, edge), approximate.start - ALIGN_PADDING, approximate.start + edge + ALIGN_PADDING, approximate.start + edge, exact.slice(edge));
  const tail = alignWithin(text, exact.slice(-edge), approximate.end - edge - ALIGN_PADDING, approximate.end + ALIGN_PADDING, approximate.end, suffix);
  if (!head || !tail || tail.end <= head.start) return undefined;
  return { start: head.start, end: tail.end, distance: head.distance + tail.distance };
}

/**
 * The stretch of `text[from, to)` closest to `pattern` by edit distance (semi-global alignment:
 * the pattern must be used whole, the text may start and end anywhere). Among equally close ends,
 * the one followed by the old `suffix`, then the one nearest `expectedEnd`, wins. O(pattern x
 * window), on a window a little wider than the approximate match.
 */
function alignWithin(text: string, pattern: string, from: number, to: number, expectedEnd: number, suffix: string): { start: number; end: number; distance: number } | undefined {
  const windowStart = Math.max(0, from);
  const window = text.slice(windowStart, Math.min(text.length, to));
  const m = pattern.length;
  const n = window.length;
  if (m === 0 || n === 0) return undefined;
  // cost[j]: edit distance of pattern[0, i) against a stretch of the window ending at j; origin[j]: where that stretch starts.
  let cost = new Int32Array(n + 1);
  let origin = new Int32Array(n + 1);
  let nextCost = new Int32Array(n + 1);
  let nextOrigin = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) origin[j] = j;
  for (let i = 1; i <= m; i++) {
    nextCost[0] = i;
    nextOrigin[0] = 0;
    const ch = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const diagonal = cost[j - 1] + (window.charCodeAt(j - 1) === ch ? 0 : 1);
      const up = cost[j] + 1;
      const left = nextCost[j - 1] + 1;
      if (diagonal <= up && diagonal <= left) { nextCost[j] = diagonal; nextOrigin[j] = origin[j - 1]; }
      else if (up <= left) { nextCost[j] = up; nextOrigin[j] = origin[j]; }
      else { nextCost[j] = left; nextOrigin[j] = nextOrigin[j - 1]; }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  // Equally close ends (`seee"` read as `see` plus a changed mark, or as `see"` plus a letter):
  // the one followed by the old suffix wins, then the one nearest the expected end.
  const followedBySuffix = (j: number) => dmp.diff_commonPrefix(text.slice(windowStart + j, windowStart + j + SUFFIX_PROBE), suffix);
  let bestEnd = -1;
  for (let j = 1; j <= n; j++) {
    if (bestEnd !== -1 && cost[j] > cost[bestEnd]) continue;
    if (bestEnd === -1 || cost[j] < cost[bestEnd]) { bestEnd = j; continue; }
    const better = followedBySuffix(j) - followedBySuffix(bestEnd)
      || Math.abs(windowStart + bestEnd - expectedEnd) - Math.abs(windowStart + j - expectedEnd);
    if (better > 0) bestEnd = j;
  }
  const start = windowStart + origin[bestEnd];
  const end = windowStart + bestEnd;
  return end > start ? { start, end, distance: cost[bestEnd] } : undefined;
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
