/**
 * An inverted index from hashed word n-grams to the quotations that contain them, kept in typed
 * arrays: a workspace of 10,000 articles holds millions of postings, and a `Map` of arrays would
 * cost several times the memory. Postings of removed quotations stay until the owner compacts
 * (it rebuilds the index from its live quotations); readers skip them. Most n-grams are held by one
 * quotation only: that one is kept in the table's slot itself, not in a posting.
 */
import { spread } from '../hash';

/** An `NgramIndex` as plain typed arrays, which threads can pass to each other. */
export interface NgramIndexSnapshot {
  readonly table: Int32Array;
  readonly usedSlots: number;
  readonly entries: number;
  readonly postings: Int32Array;
}

// A table slot's fields, side by side: a lookup reads one cache line rather than one per array, and
// lookups into a table of millions of slots are most of what indexing and finding candidates cost.
const KEY = 0;
/**
 * One more than the slot's head: the first posting of its key, or `inline(quote)` when its key has
 * one entry, that quotation; so 0, as in a new array, is an empty slot.
 */
const HEAD = 1;
/** Live quotations holding the key, saturating at `SATURATED`: past that, a key is boilerplate until the owner compacts. */
const COUNT = 2;
const SLOT_FIELDS = 3;
// A posting's fields, side by side for the same reason.
const QUOTE = 0;
const NEXT = 1;
const POSTING_FIELDS = 2;

export class NgramIndex {
  // Open addressing on the 32-bit key, filled to three quarters at most and doubled when full:
  // growing moves every key, and grown by half, the table moved each twice as often.
  private table: Int32Array;
  private capacity: number;
  private usedSlots = 0;
  // Postings as singly linked lists.
  private postingFields: Int32Array;
  private postingCount = 0;
  /** Entries added, inline ones and dead ones included. */
  private entries = 0;
  /** What `prefetch` read last, kept so that its reads are not optimised away. */
  prefetched = 0;

  /** Small by default, so that it first grows before the code adding to it is optimised: growing first in optimised code throws that code away. */
  constructor(expectedKeys = 16) {
    this.capacity = Math.max(16, Math.ceil((expectedKeys * 4) / 3));
    this.table = new Int32Array(SLOT_FIELDS * this.capacity);
    // Most keys keep their one entry inline: postings for half of them to begin with.
    this.postingFields = new Int32Array(POSTING_FIELDS * Math.max(16, Math.ceil(expectedKeys / 2)));
  }

  /** The index's arrays as they stand (shared, not copied), for `NgramIndex.restore` on another thread. */
  snapshot(): NgramIndexSnapshot {
    return {
      table: this.table, usedSlots: this.usedSlots, entries: this.entries,
      postings: this.postingFields.subarray(0, POSTING_FIELDS * this.postingCount),
    };
  }

  static restore(snapshot: NgramIndexSnapshot): NgramIndex {
    const index = new NgramIndex(0);
    index.table = snapshot.table;
    index.capacity = snapshot.table.length / SLOT_FIELDS;
    index.usedSlots = snapshot.usedSlots;
    index.entries = snapshot.entries;
    index.postingFields = snapshot.postings;
    index.postingCount = snapshot.postings.length / POSTING_FIELDS;
    return index;
  }

  /** Number of entries stored (a quotation under a key), dead ones included. */
  get size(): number {
    return this.entries;
  }

  add(key: number, quoteId: number): void {
    if ((this.usedSlots + 1) * 4 > this.capacity * 3) this.growTable();
    // Room for two postings: a second entry moves the first out of the slot.
    if (POSTING_FIELDS * (this.postingCount + 2) > this.postingFields.length) this.growPostings();
    const table = this.table;
    const at = this.findSlot(key);
    let head = table[at + HEAD] - 1;
    this.entries++;
    if (table[at + COUNT] !== SATURATED) table[at + COUNT]++;
    if (head === -1) {
      table[at + KEY] = key;
      this.usedSlots++;
      table[at + HEAD] = inline(quoteId) + 1;
      return;
    }
    const postings = this.postingFields;
    if (head < -1) {
      postings[POSTING_FIELDS * this.postingCount + QUOTE] = inline(head);
      postings[POSTING_FIELDS * this.postingCount + NEXT] = -1;
      head = this.postingCount++;
    }
    postings[POSTING_FIELDS * this.postingCount + QUOTE] = quoteId;
    postings[POSTING_FIELDS * this.postingCount + NEXT] = head;
    table[at + HEAD] = ++this.postingCount;
  }

  /**
   * Reads the slots of `keys[from, to)`, so that looking them up next finds them in the cache: the
   * table is far larger than the cache, and where each lookup waits for its own read from memory,
   * the reads of a loop doing nothing else overlap.
   */
  prefetch(keys: Int32Array, from: number, to: number): void {
    const table = this.table;
    let read = 0;
    for (let k = from; k < to; k++) read |= table[this.homeOf(keys[k]) + HEAD];
    this.prefetched = read;
  }

  /** Records that one live quotation holding `key` went away (its posting stays until compaction). */
  release(key: number): void {
    const at = this.findSlot(key);
    if (this.table[at + HEAD] !== 0 && this.table[at + COUNT] !== SATURATED) this.table[at + COUNT]--;
  }

  /**
   * The first posting of `key` (walk on with `next`, read with `quoteAt`; newest first, dead ones
   * included), or -1 when no quotation holds it or more than `maxCount` live ones do.
   */
  postings(key: number, maxCount: number): number {
    const at = this.findSlot(key);
    return this.table[at + COUNT] > maxCount ? -1 : this.table[at + HEAD] - 1;
  }

  /**
   * `postings(keys[k], maxCount)` into `heads[k]` for each of the first `count` keys, each first
   * posting read in the same loop (see `prefetch`), ahead of the walks that follow.
   */
  postingsOf(keys: Int32Array, count: number, maxCount: number, heads: Int32Array): void {
    let read = 0;
    for (let k = 0; k < count; k++) {
      const head = (heads[k] = this.postings(keys[k], maxCount));
      if (head >= 0) read |= this.postingFields[POSTING_FIELDS * head + QUOTE];
    }
    this.prefetched = read;
  }

  /** Number of live quotations that hold `key`. */
  count(key: number): number {
    return this.table[this.findSlot(key) + COUNT];
  }

  next(posting: number): number {
    return posting < -1 ? -1 : this.postingFields[POSTING_FIELDS * posting + NEXT];
  }

  quoteAt(posting: number): number {
    return posting < -1 ? inline(posting) : this.postingFields[POSTING_FIELDS * posting + QUOTE];
  }

  /** Where the fields of `key`'s slot, or of the empty slot it would take, start in `table`. */
  private findSlot(key: number): number {
    const table = this.table;
    const end = table.length;
    let at = this.homeOf(key);
    while (table[at + HEAD] !== 0 && table[at + KEY] !== key) at = at + SLOT_FIELDS === end ? 0 : at + SLOT_FIELDS;
    return at;
  }

  /** Where the fields of the first slot to probe for `key` start: the hash's high bits scaled to the table (any size, not only powers of two). */
  private homeOf(key: number): number {
    return SLOT_FIELDS * Math.floor((spread(key) * this.capacity) / 0x100000000);
  }

  private growTable(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = new Int32Array(SLOT_FIELDS * this.capacity);
    for (let from = 0; from < old.length; from += SLOT_FIELDS) {
      if (old[from + HEAD] === 0) continue;
      const to = this.findSlot(old[from + KEY]);
      this.table[to + KEY] = old[from + KEY];
      this.table[to + HEAD] = old[from + HEAD];
      this.table[to + COUNT] = old[from + COUNT];
    }
  }

  /**
   * Grows by a quarter (postings are most of the index, and room to spare in them is memory lost),
   * laying each key's postings out one after the other as they are copied: added one at a
   * time, a key's postings lie scattered, and walking them would cost a cache miss each.
   */
  private growPostings(): void {
    const old = this.postingFields;
    const postings = new Int32Array(POSTING_FIELDS * Math.ceil((old.length / POSTING_FIELDS) * 1.25));
    const table = this.table;
    let at = 0;
    for (let head = HEAD; head < table.length; head += SLOT_FIELDS) {
      let p = table[head] - 1;
      if (p < 0) continue;
      table[head] = at + 1;
      for (; p !== -1; p = old[POSTING_FIELDS * p + NEXT]) {
        postings[POSTING_FIELDS * at + QUOTE] = old[POSTING_FIELDS * p + QUOTE];
        postings[POSTING_FIELDS * at + NEXT] = old[POSTING_FIELDS * p + NEXT] === -1 ? -1 : at + 1;
        at++;
      }
    }
    this.postingFields = postings;
  }
}

const SATURATED = 0xffff;

/** A slot's head for a key held by one quotation, and back: -2 for quotation 0, -3 for 1, and so on. */
function inline(value: number): number {
  return -2 - value;
}

/** An order-sensitive 32-bit hash of three word ids. */
export function trigramKey(a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15) ^ (b + 1), 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 13) ^ (c + 1), 0x27d4eb2f);
  return h ^ (h >>> 16);
}
