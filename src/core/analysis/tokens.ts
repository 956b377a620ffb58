import { isSpaceChar, isUpperChar, isWordChar } from './chars';

/** A small word tokenizer with offsets, enough for the attribution rules (no library needed). */

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly isWord: boolean;
  /** First character is an upper-case letter. */
  readonly capitalized: boolean;
}

class TextToken implements Token {
  private lowered: string | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly isWord: boolean,
    readonly capitalized: boolean,
  ) {}

  get lower(): string {
    return (this.lowered ??= this.text.toLowerCase());
  }
}

// Reads that may fall outside the tokens check the index first: a read past an array's end, or an
// `undefined` where only strings were compared so far, throws optimised code away.
/** `tokens[i]`, or undefined outside the tokens. */
export const tokenIfAny = (tokens: readonly Token[], i: number): Token | undefined => (i >= 0 && i < tokens.length ? tokens[i] : undefined);
/** The lower-cased text of `tokens[i]`, or '' outside the tokens. */
export const lowerAt = (tokens: readonly Token[], i: number): string => (i >= 0 && i < tokens.length ? tokens[i].lower : '');
/** The text of `tokens[i]`, or '' outside the tokens. */
export const textAt = (tokens: readonly Token[], i: number): string => (i >= 0 && i < tokens.length ? tokens[i].text : '');

/** A full stop of no width at `at`: where a quotation ended its sentence inside its marks. */
export function sentenceStop(at: number): Token {
  return new TextToken(at, at, '.', false, false);
}

const APOSTROPHE = 0x27;
const RIGHT_SINGLE = 0x2019;
const FULL_STOP = 0x2e;
const HYPHEN = 0x2d;

/**
 * Words (letters and digits, with inner `.`, `'`, `’` or `-`: `don't`, `U.S`, `al-Qaida`) and single
 * punctuation marks, with offsets into `text`.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpaceChar(code)) { i++; continue; }
    if (isWordChar(code)) {
      let j = i + 1;
      for (;;) {
        while (j < to && isWordChar(text.charCodeAt(j))) j++;
        // Read only within the text: a read past its end throws away the compiled code.
        const joiner = j + 1 < to ? text.charCodeAt(j) : -1;
        if ((joiner === APOSTROPHE || joiner === RIGHT_SINGLE || joiner === FULL_STOP || joiner === HYPHEN) && isWordChar(text.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        break;
      }
      tokens.push(new TextToken(i, j, text.slice(i, j), true, isUpperChar(code)));
      i = j;
      continue;
    }
    // One punctuation mark; an astral character (a high surrogate and its pair) stays whole. Both tests
    // run on almost every mark, so that a rare astral one does not meet compiled code that never saw them.
    const width = i + 1 < to && (code & 0xfc00) === 0xd800 ? 2 : 1;
    tokens.push(new TextToken(i, i + width, text.slice(i, i + width), false, false));
    i += width;
  }
  return tokens;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm', 'st', 'jr',
  'sr', 'u.s', 'u.k', 'u.n', 'inc', 'corp', 'co', 'no', 'vs', 'jan', 'feb', 'aug', 'sept', 'sep',
  'oct', 'nov', 'dec', 'prof', 'rev', 'atty', 'supt', 'ft', 'mt', 'd.c', 'calif', 'fla', 'ill',
  'mass', 'wash', 'va', 'pa', 'n.y', 'n.c', 'n.j', 's.c', 'tenn', 'ky', 'ga', 'la', 'mich', 'minn',
  'wis', 'ariz', 'colo', 'conn', 'del', 'md', 'mo', 'nev', 'okla', 'ore', 'tex', 'ala', 'ark',
  'kan', 'neb', 'vt', 'w.va', 'a.m', 'p.m', 'e.g', 'i.e', 'etc', 'approx', 'dept', 'est',
]);

/** `U.S`, `G.K`: letters joined by full stops. (Regular expressions at module level: the bundler turns a `\p` literal into a `new RegExp` per call.) */
const INITIALS = /^(\p{L}\.)+\p{L}$/u;
/** `D-N.Y`, `R-Ky`: a party-state tag. */
const PARTY_TAG = /^[A-Z]-[A-Z][\w.]*$/;

/** True when the token before a full stop makes it an abbreviation's (`Sen.`, `U.S.`, `J.`). */
export function isAbbreviation(token: Token | undefined): boolean {
  if (!token || !token.isWord) return false;
  if (token.text.length === 1 && token.capitalized) return true;
  // `U.S.`, `G.K.`, and party-state tags such as `D-N.Y.` or `R-Ky.`
  return ABBREVIATIONS.has(token.lower) || INITIALS.test(token.text) || PARTY_TAG.test(token.text);
}

/** True when `tokens[i]` ends a sentence (a full stop after an abbreviation such as `Sen.` does not). */
export function isSentenceEnd(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text !== '.' && t.text !== '?' && t.text !== '!') return false;
  if (t.text === '.' && isAbbreviation(tokenIfAny(tokens, i - 1))) return false;
  const next = tokenIfAny(tokens, i + 1);
  if (next?.text === ')') return false; // `(D-N.Y.) said`: inside an aside
  return next === undefined || !next.isWord || next.capitalized || /^\d/.test(next.text);
}

/** Index of the first token starting at or after `offset` (tokens are in text order), by binary search. */
export function firstIndexAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
