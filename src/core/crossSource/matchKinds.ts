/**
 * Deciding whether two quotations carry the same words, how (`exact`, `contained`, `edited`) and
 * how strongly (`score`, 0..1). Words are compared after normalisation (see `tokens.ts`), so
 * curly/straight marks, case, punctuation, dashes and whitespace never make a difference.
 */
import { pairHome } from '../hash';
import { alignWords } from './align';

/**
 * - `exact`: the same words;
 * - `contained`: one quotation is a fragment of the other (`"flushing them out"` inside a longer quote);
 * - `edited`: the same remark with bracketed insertions, ellipses, dropped or changed words, cut
 *   into pieces differently, or quoted with different surroundings (a shared clause of seven words or more).
 */
export type MatchKind = 'exact' | 'contained' | 'edited';

/** The words of one quotation as interned ids, with the editorial (bracketed) ones flagged. */
export interface QuoteWords {
  readonly ids: Int32Array;
  /** 1 where the word stands inside `[...]`; null when the quotation has no brackets. */
  readonly bracketed: Uint8Array | null;
}

export interface Comparison {
  readonly kind: MatchKind;
  /** 1 for exact; below 1 otherwise: how much of the shorter quotation is shared, scaled down for little evidence. */
  readonly score: number;
  /** The weight of the shared words (content words 1, common words less): how informative the overlap is. */
  readonly evidence: number;
}

/** How much each word id counts as evidence: a content word 1, a function word or very common word less. */
export type WordWeight = (id: number) => number;

/** Evidence a match needs on its own: about three content words. `"significant impact"` has two. */
export const STANDALONE_EVIDENCE = 3;
/**
 * Evidence a match needs where the two articles already share a longer quotation, or for a headline
 * fragment against its own article's body: one content word.
 */
export const CORROBORATED_EVIDENCE = 1;
/** Share of the shorter quotation's words an edited match must keep, in runs of two or more words. */
const MIN_EDITED_COVERAGE = 0.6;
/** Words in a shared run that makes two otherwise different quotations the same remark, given enough evidence in it. */
const MIN_OVERLAP_RUN = 7;
/** Evidence at which the score stops growing with more shared words. */
const FULL_EVIDENCE = 6;

/**
 * Compares two quotations. `first` must be the shorter one (fewer words), or either for equal
 * lengths as long as the caller always orders the same pair the same way: the result is then
 * symmetric. Returns null when they do not share enough words, in runs, to be the same remark;
 * the caller then applies the evidence threshold that fits the context.
 */
export function compareQuotes(first: QuoteWords, second: QuoteWords, weight: WordWeight): Comparison | null {
  const a = first.ids;
  const b = second.ids;
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === b.length && sameIds(a, 0, b)) {
    return { kind: 'exact', score: 1, evidence: weightOf(first, 0, a.length, weight) };
  }
  const possible = weightOf(first, 0, a.length, weight);
  if (possible === 0) return null;
  for (let at = 0; at + a.length <= b.length; at++) {
    if (sameIds(a, at, b)) {
      return { kind: 'contained', score: scoreOf(1, possible), evidence: possible };
    }
  }
  // Most candidates share a phrase and little else: rule them out on shared word counts before aligning.
  if (sharedWordsBound(first, b, weight) < Math.min(MIN_EDITED_COVERAGE * possible, STANDALONE_EVIDENCE)) return null;
  let shared = 0;
  let longestRun = 0;
  let strongestRun = 0;
  let i = 0;
  for (const run of alignWords(a, b)) {
    if (run.op === 'equal') {
      longestRun = Math.max(longestRun, run.length);
      const runEvidence = run.length >= 2 ? weightOf(first, i, i + run.length, weight) : 0;
      if (run.length >= MIN_OVERLAP_RUN) strongestRun = Math.max(strongestRun, runEvidence);
      shared += runEvidence;
    }
    if (run.op !== 'inserted') i += run.length;
  }
  const coverage = shared / possible;
  const edited = coverage >= MIN_EDITED_COVERAGE && longestRun >= Math.min(3, a.length - 1);
  // Two longer quotations that share a whole sentence or clause are the same remark quoted with different surroundings.
  const overlapping = strongestRun >= STANDALONE_EVIDENCE;
  if (!edited && !overlapping) return null;
  return { kind: 'edited', score: scoreOf(coverage, shared), evidence: shared };
}

/**
 * The weight of `first`'s words that stand next to the same neighbour in `b`: only those can lie in a
 * shared run of two words or more, so this bounds what an alignment can share, at a fraction of its cost.
 */
function sharedWordsBound(first: QuoteWords, b: Int32Array, weight: WordWeight): number {
  const a = first.ids;
  indexPairs(a);
  const paired = pairScratch.paired;
  paired.fill(0, 0, a.length);
  // Mark the pairs of the shorter quotation that the longer one has too, each pair once.
  for (let k = 0; k + 1 < b.length; k++) {
    const slot = slotOfPair(b[k], b[k + 1]);
    if (pairScratch.taken[slot] !== pairScratch.stamp || pairScratch.used[slot] === pairScratch.stamp) continue;
    pairScratch.used[slot] = pairScratch.stamp;
    for (let at = pairScratch.head[slot]; at !== -1; at = pairScratch.next[at]) paired[at] = paired[at + 1] = 1;
  }
  let bound = 0;
  for (let k = 0; k < a.length; k++) if (paired[k] && (first.bracketed === null || first.bracketed[k] === 0)) bound += weight(a[k]);
  return bound;
}

/**
 * Scratch space for `sharedWordsBound`, reused by every call (a `Map` of pairs per comparison kept the
 * garbage collector busy): open addressing over the word pairs of one quotation, a slot counting as
 * taken in the call whose stamp it carries, with the positions of each pair chained through `next`.
 */
const pairScratch = {
  stamp: 0,
  // Small to begin with, so that it grows before the calls are optimised (growing first in optimised code throws that code away).
  firsts: new Int32Array(16),
  seconds: new Int32Array(16),
  head: new Int32Array(16),
  taken: new Int32Array(16),
  used: new Int32Array(16),
  next: new Int32Array(16),
  paired: new Uint8Array(16),
};

/** Indexes the word pairs of `a` in `pairScratch`, under a new stamp. */
function indexPairs(a: Int32Array): void {
  const s = pairScratch;
  if (s.next.length < a.length) {
    s.next = new Int32Array(2 * a.length);
    s.paired = new Uint8Array(2 * a.length);
  }
  if (s.firsts.length < 2 * a.length) {
    let size = s.firsts.length;
    while (size < 2 * a.length) size *= 2;
    s.firsts = new Int32Array(size);
    s.seconds = new Int32Array(size);
    s.head = new Int32Array(size);
    s.taken = new Int32Array(size);
    s.used = new Int32Array(size);
  }
  const stamp = ++s.stamp;
  for (let k = 0; k + 1 < a.length; k++) {
    const slot = slotOfPair(a[k], a[k + 1]);
    if (s.taken[slot] !== stamp) {
      s.taken[slot] = stamp;
      s.firsts[slot] = a[k];
      s.seconds[slot] = a[k + 1];
      s.head[slot] = -1;
    }
    s.next[k] = s.head[slot];
    s.head[slot] = k;
  }
}

/** The slot of the word pair `x y` in `pairScratch`: taken by it under the current stamp, or free for it. */
function slotOfPair(x: number, y: number): number {
  const s = pairScratch;
  const mask = s.firsts.length - 1;
  let slot = pairHome(x, y, mask);
  while (s.taken[slot] === s.stamp && (s.firsts[slot] !== x || s.seconds[slot] !== y)) slot = (slot + 1) & mask;
  return slot;
}

function sameIds(a: Int32Array, at: number, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[at + k]) return false;
  return true;
}

/** Weight of the speaker's own (not bracketed) words in `[from, to)`. */
function weightOf(quote: QuoteWords, from: number, to: number, weight: WordWeight): number {
  let sum = 0;
  for (let k = from; k < to; k++) if (quote.bracketed === null || quote.bracketed[k] === 0) sum += weight(quote.ids[k]);
  return sum;
}

function scoreOf(coverage: number, evidence: number): number {
  return Math.min(0.99, Math.round(coverage * (0.5 + 0.5 * Math.min(1, evidence / FULL_EVIDENCE)) * 100) / 100);
}
