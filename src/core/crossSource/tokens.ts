/**
 * Word tokens for comparing quotations across articles. Two quotations are compared on their words
 * only: case, curly/straight marks, punctuation, dashes and whitespace do not count, and accents are
 * folded (`Davutoğlu` = `Davutoglu`). Words inside square brackets are editorial insertions
 * (`[the Islamic State]`) and are flagged as such.
 */
import { isLetterOrDigitChar } from '../analysis/chars';
import { FNV_OFFSET, fnv1a } from '../hash';
import { grown } from '../typedArrays';

/** A word of a quotation: its normalised form and where it lies in the text it was read from. */
export interface WordToken {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Inside `[...]`: words the writer inserted, not the speaker's. */
  readonly bracketed: boolean;
}

const COMBINING_MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** The normalised form of one word as matched by the tokenizer. */
export function normalizeWord(word: string): string {
  let norm = word.toLowerCase();
  if (NON_ASCII.test(norm)) {
    norm = norm.replace(/[\u2019\u02BC]/g, "'").normalize('NFD').replace(COMBINING_MARKS, '');
  }
  return norm;
}

/**
 * Calls `visit` for every word of `text` in order, with its normalised form, its range in `text` and
 * whether it stands inside square brackets. The allocation-free core of `tokenize`.
 */
export function forEachWord(
  text: string,
  visit: (norm: string, start: number, end: number, bracketed: boolean) => void,
): void {
  forEachWordRange(text, (start, end, bracketed) => visit(normalizeWord(text.slice(start, end)), start, end, bracketed));
}

/** Calls `visit` for every word of `text` in order, with its range in `text` and whether it stands inside square brackets. */
export function forEachWordRange(text: string, visit: (start: number, end: number, bracketed: boolean) => void): void {
  const cursor = new WordCursor();
  cursor.reset(text);
  while (cursor.next()) visit(cursor.start, cursor.end, cursor.bracketed);
}

/**
 * Steps through the words of a text, as `forEachWordRange` visits them, without allocating: the
 * matcher reads a hundred thousand quotations with one.
 */
export class WordCursor {
  /** The current word: `text[start, end)`, and whether it stands inside square brackets. */
  start = 0;
  end = 0;
  bracketed = false;
  private text = '';
  /** The first `[...]` range (an unclosed bracket runs to the end) not wholly before the current word; `open` -1 when none. */
  private open = -1;
  private close = -1;

  reset(text: string): void {
    this.text = text;
    this.start = this.end = 0;
    this.bracketed = false;
    this.bracketFrom(0);
  }

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    // Words are runs of letters and digits (`[\p{L}\p{N}]+`), with inner apostrophes kept so `don't` and
    // `we're` stay one word: read by hand, which costs a fraction of a regular expression's matches.
    let i = this.end;
    let width = 0;
    while (i < text.length && (width = letterOrDigitAt(text, i)) === 0) i++;
    if (i >= text.length) return false;
    const start = i;
    i += width;
    for (;;) {
      while ((width = letterOrDigitAt(text, i)) > 0) i += width;
      const joiner = i < text.length ? text.charCodeAt(i) : -1;
      if ((joiner === 0x27 || joiner === 0x2019 || joiner === 0x2bc) && (width = letterOrDigitAt(text, i + 1)) > 0) i += 1 + width;
      else break;
    }
    while (this.open >= 0 && this.close <= start) this.bracketFrom(this.close + 1);
    this.start = start;
    this.end = i;
    this.bracketed = this.open >= 0 && this.open < start;
    return true;
  }

  private bracketFrom(from: number): void {
    this.open = this.text.indexOf('[', from);
    const close = this.open < 0 ? -1 : this.text.indexOf(']', this.open + 1);
    this.close = close < 0 ? this.text.length : close;
  }
}

/** An astral letter or digit (two code units). */
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units (1, or 2 for a surrogate pair) of the letter or digit at `i` (`\p{L}`, `\p{N}`); 0 for anything else. */
function letterOrDigitAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return IS_LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return isLetterOrDigitChar(code) ? 1 : 0;
}

/**
 * Splits `text` into normalised words. `offset` is added to every position, so tokens of a quote's
 * text can carry article offsets.
 */
export function tokenize(text: string, offset = 0): WordToken[] {
  const tokens: WordToken[] = [];
  forEachWord(text, (norm, start, end, bracketed) => tokens.push({ norm, start: start + offset, end: end + offset, bracketed }));
  return tokens;
}

/**
 * Function words carry little evidence that two quotations are the same remark; they weigh less
 * when deciding whether a shared fragment is informative enough to count as a match.
 */
const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet if then than that this these those there here of in on at to for from by with " +
    'about as into onto over under up down out off again further once all any both each few more most other some such ' +
    'no not only own same too very can will just should would could may might must shall do does did done doing ' +
    'have has had having be is am are was were been being i me my mine we us our ours you your yours he him his she ' +
    'her hers it its they them their theirs what which who whom whose when where why how also because while until ' +
    "get got going go one said says say s t don't doesn't didn't isn't aren't wasn't weren't can't won't wouldn't " +
    "couldn't shouldn't i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's she's it's they're " +
    "they've they'd they'll that's there's what's let's"
  ).split(' '),
);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/**
 * Interns normalised words as small integers, so quotations are stored and compared as integer
 * arrays, and counts in how many indexed quotations each word occurs (its document frequency).
 */
/**
 * Ids for normalised words, in the order they are first seen, with their document frequencies. Words
 * are kept in a hash table of their own rather than a `Map`: a word read from a quotation is looked up
 * where it stands in the text, without cutting it out as a string of its own, which is most of what
 * indexing a quotation used to cost. Their characters lie side by side in one array, and each slot
 * holds its word's hash: a lookup reads two places in memory, not a string object somewhere in the heap.
 */
export class Vocabulary {
  // The arrays start small, so that they first grow before the code adding words is optimised:
  // growing first in optimised code throws that code away.
  /** Open addressing, two fields a slot: id + 1 (0 for an empty slot) and the word's hash. */
  private slots = new Int32Array(2 * 32);
  private words = 0;
  /** The words' characters, one after the other: word `id` is `chars[charsAt[id], charsAt[id + 1])`. */
  private chars = new Uint16Array(64);
  private charsAt = new Int32Array(16);
  private stop = new Uint8Array(16);
  private df = new Int32Array(16);
  /** Per id, the last `countOccurrences` call that counted it. */
  private counted = new Int32Array(16);
  private counting = 0;

  idOf(norm: string): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < norm.length; i++) hash = fnv1a(hash, norm.charCodeAt(i));
    return this.find(norm, 0, norm.length, hash, norm);
  }

  /** The id of the word at `text[start, end)`, normalised as `normalizeWord` does. */
  idOfRange(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const code = folded(text.charCodeAt(i));
      // Beyond ASCII, once curly apostrophes are folded, normalising takes more than folding (accents).
      if (code >= 0x80) return this.idOf(normalizeWord(text.slice(start, end)));
      hash = fnv1a(hash, code);
    }
    return this.find(text, start, end, hash, null);
  }

  get size(): number {
    return this.words;
  }

  isStopword(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** Adds `delta` to the document frequency of each distinct id in `ids[from, to)`. */
  countOccurrences(ids: Int32Array, from: number, to: number, delta: 1 | -1): void {
    const counting = ++this.counting;
    for (let at = from; at < to; at++) {
      const id = ids[at];
      if (this.counted[id] !== counting) {
        this.counted[id] = counting;
        this.df[id] += delta;
      }
    }
  }

  documentFrequency(id: number): number {
    return this.df[id];
  }

  /** The vocabulary's arrays as they stand (shared, not copied), for `Vocabulary.restore` on another thread. */
  snapshot(): VocabularySnapshot {
    return { slots: this.slots, words: this.words, chars: this.chars, charsAt: this.charsAt, stop: this.stop, df: this.df };
  }

  static restore(snapshot: VocabularySnapshot): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.slots = snapshot.slots.slice();
    vocabulary.words = snapshot.words;
    vocabulary.chars = snapshot.chars.slice();
    vocabulary.charsAt = snapshot.charsAt.slice();
    vocabulary.stop = snapshot.stop.slice();
    vocabulary.df = snapshot.df.slice();
    vocabulary.counted = new Int32Array(snapshot.df.length);
    return vocabulary;
  }

  /**
   * The id of the word `text[start, end)` as `folded`, whose hash is `hash`; a new id when there is
   * none, for `word` (that word as a string) or else the range normalised.
   */
  private find(text: string, start: number, end: number, hash: number, word: string | null): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[2 * slot] - 1;
      if (id < 0) return this.add(word ?? normalizeWord(text.slice(start, end)), hash, slot);
      if (this.slots[2 * slot + 1] === hash && this.spells(id, text, start, end)) return id;
    }
  }

  /** Whether word `id` is `text[start, end)` as `folded` (which leaves a normalised word as it is). */
  private spells(id: number, text: string, start: number, end: number): boolean {
    const from = this.charsAt[id];
    if (this.charsAt[id + 1] - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.chars[from + i] !== folded(text.charCodeAt(start + i))) return false;
    return true;
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words++;
    if (id + 1 >= this.charsAt.length) {
      this.charsAt = grown(this.charsAt);
      this.stop = grown(this.stop);
      this.df = grown(this.df);
      this.counted = grown(this.counted);
    }
    const from = this.charsAt[id];
    while (from + word.length > this.chars.length) this.chars = grown(this.chars);
    for (let i = 0; i < word.length; i++) this.chars[from + i] = word.charCodeAt(i);
    this.charsAt[id + 1] = from + word.length;
    this.stop[id] = isStopword(word) ? 1 : 0;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = hash;
    // At most half full, so that probes stay short.
    if (4 * this.words > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    const mask = (this.slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      let slot = old[at + 1] & mask;
      while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      this.slots[2 * slot] = old[at];
      this.slots[2 * slot + 1] = old[at + 1];
    }
  }
}

/** A code unit as `normalizeWord` maps it where a word has no other characters than ASCII and curly apostrophes. */
function folded(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code === 0x2019 || code === 0x2bc ? 0x27 : code;
}

/** A `Vocabulary` as plain data, which threads can pass to each other. */
export interface VocabularySnapshot {
  readonly slots: Int32Array;
  readonly words: number;
  readonly chars: Uint16Array;
  readonly charsAt: Int32Array;
  readonly stop: Uint8Array;
  readonly df: Int32Array;
}
