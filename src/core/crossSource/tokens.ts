/**
 * Word tokens for comparing quotations across articles. Two quotations are compared on their words
 * only: case, curly/straight marks, punctuation, dashes and whitespace do not count, and accents are
 * folded (`Davutoğlu` = `Davutoglu`). Words inside square brackets are editorial insertions
 * (`[the Islamic State]`) and are flagged as such.
 */
import { detached } from '../text';

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
  const brackets = bracketRanges(text);
  let b = 0;
  // Words are runs of letters and digits (`[\p{L}\p{N}]+`), with inner apostrophes kept so `don't` and
  // `we're` stay one word: read by hand, which costs a fraction of a regular expression's matches.
  for (let i = 0; i < text.length;) {
    let width = letterOrDigitAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      while ((width = letterOrDigitAt(text, i)) > 0) i += width;
      const joiner = text.charCodeAt(i);
      if ((joiner === 0x27 || joiner === 0x2019 || joiner === 0x2bc) && (width = letterOrDigitAt(text, i + 1)) > 0) i += 1 + width;
      else break;
    }
    while (b < brackets.length && brackets[b][1] <= start) b++;
    visit(normalizeWord(text.slice(start, i)), start, i, b < brackets.length && brackets[b][0] < start);
  }
}

/** Whether each code unit of the Basic Multilingual Plane is a letter or digit: 0 not known yet, 1 yes, 2 no. */
const LETTER_OR_DIGIT = new Uint8Array(0x10000);
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
  let known = LETTER_OR_DIGIT[code];
  if (known === 0) LETTER_OR_DIGIT[code] = known = IS_LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
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

/** `[from, to)` ranges between square brackets; an unclosed bracket runs to the end. */
function bracketRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    const close = text.indexOf(']', open + 1);
    ranges.push([open, close < 0 ? text.length : close]);
    if (close < 0) break;
    open = close;
  }
  return ranges;
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
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private stop = new Uint8Array(1024);
  private df = new Int32Array(1024);

  idOf(norm: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(detached(norm), id);
      if (id >= this.stop.length) {
        const stop = new Uint8Array(this.stop.length * 2);
        stop.set(this.stop);
        this.stop = stop;
        const df = new Int32Array(this.df.length * 2);
        df.set(this.df);
        this.df = df;
      }
      this.stop[id] = isStopword(norm) ? 1 : 0;
    }
    return id;
  }

  isStopword(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** Adds `delta` to the document frequency of each distinct id in `ids`. */
  countOccurrences(ids: Int32Array, delta: 1 | -1): void {
    const seen = new Set<number>();
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id);
        this.df[id] += delta;
      }
    }
  }

  documentFrequency(id: number): number {
    return this.df[id];
  }

  /** The words in id order with their document frequencies, for `Vocabulary.restore` on another thread. */
  snapshot(): VocabularySnapshot {
    return { words: [...this.ids.keys()], df: this.df.subarray(0, this.ids.size) };
  }

  static restore(snapshot: VocabularySnapshot): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const word of snapshot.words) vocabulary.idOf(word);
    vocabulary.df.set(snapshot.df);
    return vocabulary;
  }
}

/** A `Vocabulary` as plain data, which threads can pass to each other. */
export interface VocabularySnapshot {
  readonly words: readonly string[];
  readonly df: Int32Array;
}
