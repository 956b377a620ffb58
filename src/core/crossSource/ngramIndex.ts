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
  readonly keys: Int32Array;
  readonly heads: Int32Array;
  readonly counts: Uint16Array;
  readonly usedSlots: number;
  readonly entries: number;
  readonly postingQuote: Int32Array;
  readonly postingNext: Int32Array;
}

export class NgramIndex {
  // Open addressing on the 32-bit key, filled to three quarters at most and grown by half (not
  // doubled: the table is a large part of the index). A slot's head is -1 when it is empty, the first
  // posting of its key, or `inline(quote)` when its key has one entry, that quotation.
  private keys: Int32Array;
  private heads: Int32Array;
  // Live quotations per key, saturating at `SATURATED`: past that, a key is boilerplate until the owner compacts.
  private counts: Uint16Array;
  private usedSlots = 0;
  // Postings as singly linked lists threaded through two parallel arrays.
  private postingQuote: Int32Array;
  private postingNext: Int32Array;
  private postingCount = 0;
  /** Entries added, inline ones and dead ones included. */
  private entries = 0;

  constructor(expectedKeys = 1 << 16) {
    const capacity = Math.max(16, Math.ceil((expectedKeys * 4) / 3));
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.counts = new Uint16Array(capacity);
    // Most keys keep their one entry inline: postings for half of them to begin with.
    this.postingQuote = new Int32Array(Math.max(16, Math.ceil(expectedKeys / 2)));
    this.postingNext = new Int32Array(Math.max(16, Math.ceil(expectedKeys / 2)));
  }

  /** The index's arrays as they stand (shared, not copied), for `NgramIndex.restore` on another thread. */
  snapshot(): NgramIndexSnapshot {
    return {
      keys: this.keys, heads: this.heads, counts: this.counts, usedSlots: this.usedSlots, entries: this.entries,
      postingQuote: this.postingQuote.subarray(0, this.postingCount), postingNext: this.postingNext.subarray(0, this.postingCount),
    };
  }

  static restore(snapshot: NgramIndexSnapshot): NgramIndex {
    const index = new NgramIndex(0);
    index.keys = snapshot.keys;
    index.heads = snapshot.heads;
    index.counts = snapshot.counts;
    index.usedSlots = snapshot.usedSlots;
    index.entries = snapshot.entries;
    index.postingQuote = snapshot.postingQuote;
    index.postingNext = snapshot.postingNext;
    index.postingCount = snapshot.postingQuote.length;
    return index;
  }

  /** Number of entries stored (a quotation under a key), dead ones included. */
  get size(): number {
    return this.entries;
  }

  add(key: number, quoteId: number): void {
    if ((this.usedSlots + 1) * 4 > this.keys.length * 3) this.growTable();
    // Room for two postings: a second entry moves the first out of the slot.
    if (this.postingCount + 2 > this.postingQuote.length) this.growPostings();
    const slot = this.findSlot(key);
    let head = this.heads[slot];
    this.entries++;
    if (this.counts[slot] !== SATURATED) this.counts[slot]++;
    if (head === -1) {
      this.keys[slot] = key;
      this.usedSlots++;
      this.heads[slot] = inline(quoteId);
      return;
    }
    if (head < -1) {
      this.postingQuote[this.postingCount] = inline(head);
      this.postingNext[this.postingCount] = -1;
      head = this.postingCount++;
    }
    this.postingQuote[this.postingCount] = quoteId;
    this.postingNext[this.postingCount] = head;
    this.heads[slot] = this.postingCount++;
  }

  /** Records that one live quotation holding `key` went away (its posting stays until compaction). */
  release(key: number): void {
    const slot = this.findSlot(key);
    if (this.heads[slot] !== -1 && this.counts[slot] !== SATURATED) this.counts[slot]--;
  }

  /**
   * The first posting of `key` (walk on with `next`, read with `quoteAt`; newest first, dead ones
   * included), or -1 when no quotation holds it or more than `maxCount` live ones do.
   */
  postings(key: number, maxCount: number): number {
    const slot = this.findSlot(key);
    return this.counts[slot] > maxCount ? -1 : this.heads[slot];
  }

  /** Number of live quotations that hold `key`. */
  count(key: number): number {
    return this.counts[this.findSlot(key)];
  }

  next(posting: number): number {
    return posting < -1 ? -1 : this.postingNext[posting];
  }

  quoteAt(posting: number): number {
    return posting < -1 ? inline(posting) : this.postingQuote[posting];
  }

  private findSlot(key: number): number {
    const capacity = this.keys.length;
    // The hash's high bits scaled to the table (any size, not only powers of two).
    let slot = Math.floor((spread(key) * capacity) / 0x100000000);
    while (this.heads[slot] !== -1 && this.keys[slot] !== key) slot = slot + 1 === capacity ? 0 : slot + 1;
    return slot;
  }

  private growTable(): void {
    const { keys, heads, counts } = this;
    const capacity = Math.ceil(keys.length * 1.5);
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.counts = new Uint16Array(capacity);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === -1) continue;
      const slot = this.findSlot(keys[i]);
      this.keys[slot] = keys[i];
      this.heads[slot] = heads[i];
      this.counts[slot] = counts[i];
    }
  }

  /**
   * Grows by a quarter (postings are most of the index, and room to spare in them is memory lost),
   * laying each key's postings out one after the other as they are copied: added one at a
   * time, a key's postings lie scattered, and walking them would cost a cache miss each.
   */
  private growPostings(): void {
    const length = Math.ceil(this.postingQuote.length * 1.25);
    const quote = new Int32Array(length);
    const next = new Int32Array(length);
    let at = 0;
    for (let slot = 0; slot < this.heads.length; slot++) {
      let p = this.heads[slot];
      if (p < 0) continue;
      this.heads[slot] = at;
      for (; p !== -1; p = this.postingNext[p]) {
        quote[at] = this.postingQuote[p];
        next[at] = this.postingNext[p] === -1 ? -1 : at + 1;
        at++;
      }
    }
    this.postingQuote = quote;
    this.postingNext = next;
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
