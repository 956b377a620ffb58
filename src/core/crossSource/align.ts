/**
 * Word-level alignment of two quotations. Quotations are short (a few dozen to a few hundred words),
 * so a longest-common-subsequence table over word ids aligns them exactly in O(n·m) typed-array
 * steps, which measured 10-30 times faster than diff-match-patch run over words (one character per
 * word) on the 120-by-200-word pairs that dominate one-article updates (`npm run bench` prints both,
 * with jsdiff's `diffArrays`, slower still). Beyond `MAX_TABLE_CELLS` (two quotations of 2,000
 * words), diff-match-patch's O(N·D) bisection takes over, as the table would grow too large.
 */
import { diff_match_patch } from 'diff-match-patch';
import { tokenize } from './tokens';

/** A run of words: in both sequences (`equal`), only in the second (`inserted`), or only in the first (`deleted`). */
export type AlignOp = 'equal' | 'inserted' | 'deleted';

export interface AlignRun {
  readonly op: AlignOp;
  readonly length: number;
}

const MAX_TABLE_CELLS = 4_000_000;
/**
 * Reused between calls: allocating a table per pair churns memory. 16 bits a cell, as no common
 * subsequence within `MAX_TABLE_CELLS` is longer than 2,000 words: half the memory to sweep.
 */
let table = new Uint16Array(1 << 16);

/**
 * Aligns two word-id sequences and returns a minimal edit script as runs, in order; within a stretch
 * of differences, the deleted words come before the inserted ones.
 */
export function alignWords(a: ArrayLike<number>, b: ArrayLike<number>): AlignRun[] {
  // Shared leading and trailing runs need no table: edited quotations differ in the middle. A lone
  // shared word is left to the table, which may place it in a longer run.
  const shorter = Math.min(a.length, b.length);
  let tail = 0;
  while (tail < shorter && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (tail === 1 && shorter > 1) tail = 0;
  let head = 0;
  while (head < shorter - tail && a[head] === b[head]) head++;
  if (head === 1 && shorter - tail > 1) head = 0;
  const middle = alignMiddle(middleOf(a, head, a.length - tail), middleOf(b, head, b.length - tail));
  const runs: AlignRun[] = [];
  if (head > 0) runs.push({ op: 'equal', length: head });
  runs.push(...middle);
  if (tail > 0) runs.push({ op: 'equal', length: tail });
  // Where the middle starts or ends equal, it continues the shared head or tail.
  return runs.filter((run, k) => {
    const next = runs[k + 1];
    if (next && next.op === 'equal' && run.op === 'equal') {
      runs[k + 1] = { op: 'equal', length: run.length + next.length };
      return false;
    }
    return true;
  });
}

/** `ids[from..to)`: a view of a typed array (no copy), else a slice. */
function middleOf(ids: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  return ids instanceof Int32Array ? ids.subarray(from, to) : Array.prototype.slice.call(ids, from, to);
}

function alignMiddle(a: ArrayLike<number>, b: ArrayLike<number>): AlignRun[] {
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE_CELLS) return alignWordsByBisection(a, b);
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  if (table.length < (n + 1) * width) table = new Uint16Array(Math.min(MAX_TABLE_CELLS, (n + 1) * width * 2));
  const lcs = table;
  lcs.fill(0, n * width, (n + 1) * width);
  for (let i = 0; i < n; i++) lcs[i * width + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const runs: AlignRun[] = [];
  // One place that adds runs: a path taken first in optimised code throws that code away.
  const emit = (op: AlignOp, length: number) => {
    if (length > 0) runs.push({ op, length });
  };
  let equal = 0;
  let deleted = 0;
  let inserted = 0;
  const flushChanges = () => {
    emit('deleted', deleted);
    emit('inserted', inserted);
    deleted = inserted = 0;
  };
  let i = 0;
  let j = 0;
  const best = (x: number, y: number) => lcs[x * width + y];
  while (i < n || j < m) {
    // A lone matching word (`the`) is passed over when a longer run further on gives as long an alignment.
    const lone = i + 1 >= n || j + 1 >= m || a[i + 1] !== b[j + 1];
    const passOver = lone && equal === 0 && (best(i, j + 1) === best(i, j) || best(i + 1, j) === best(i, j));
    if (i < n && j < m && a[i] === b[j] && !passOver) {
      flushChanges();
      equal++;
      i++;
      j++;
      continue;
    }
    emit('equal', equal);
    equal = 0;
    if (j >= m || (i < n && best(i + 1, j) >= best(i, j + 1))) {
      deleted++;
      i++;
    } else {
      inserted++;
      j++;
    }
  }
  emit('equal', equal);
  flushChanges();
  return runs;
}

const dmp = new diff_match_patch();
// No deadline: a timed-out diff would make the same pair match or not depending on machine load.
dmp.Diff_Timeout = 0;
const DMP_OP: Record<number, AlignOp> = { [-1]: 'deleted', 0: 'equal', 1: 'inserted' };

/** diff-match-patch over words, each distinct word encoded as one character. */
export function alignWordsByBisection(a: ArrayLike<number>, b: ArrayLike<number>): AlignRun[] {
  const codes = new Map<number, number>();
  const encode = (ids: ArrayLike<number>): string => {
    let out = '';
    for (let i = 0; i < ids.length; i++) {
      let code = codes.get(ids[i]);
      if (code === undefined) {
        // Start above the control characters; past the surrogates, skip them.
        code = 0x100 + codes.size;
        if (code >= 0xd800) code += 0x800;
        codes.set(ids[i], code);
      }
      out += String.fromCharCode(code);
    }
    return out;
  };
  return dmp.diff_main(encode(a), encode(b), false).map(([op, text]) => ({ op: DMP_OP[op], length: text.length }));
}

/** One piece of a displayed comparison: words both quotations share, or words only one of them has. */
export interface DiffSegment {
  readonly op: AlignOp;
  /** The words as written (in the first quotation for `deleted`, in the second otherwise). */
  readonly text: string;
}

/**
 * The differences between two quotations' wording, word by word, for display: `deleted` words are in
 * `first` only, `inserted` words in `second` only. Punctuation and case differences are not shown as
 * changes, as they do not count when matching.
 */
export function diffSegments(first: string, second: string): DiffSegment[] {
  const a = tokenize(first);
  const b = tokenize(second);
  const ids = new Map<string, number>();
  const idsOf = (tokens: typeof a) =>
    tokens.map(t => {
      let id = ids.get(t.norm);
      if (id === undefined) ids.set(t.norm, (id = ids.size));
      return id;
    });
  const segments: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  for (const run of alignWords(idsOf(a), idsOf(b))) {
    const fromFirst = run.op === 'deleted';
    const tokens = fromFirst ? a : b;
    const at = fromFirst ? i : j;
    const text = (fromFirst ? first : second).slice(tokens[at].start, tokens[at + run.length - 1].end);
    segments.push({ op: run.op, text });
    if (run.op !== 'inserted') i += run.length;
    if (run.op !== 'deleted') j += run.length;
  }
  return segments;
}
