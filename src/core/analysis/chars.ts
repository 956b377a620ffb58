/**
 * Character classes by code unit, with a table for the common range: the scanner and tokenizer
 * run over every character of every article, where Unicode-aware regular expressions are slow.
 */
const WORD = 1;
const UPPER = 2;
const SPACE = 4;
const KNOWN = 8;
const LETTER_OR_DIGIT = 16;

const classes = new Uint8Array(65536);

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  let bits = KNOWN;
  if (/[\p{L}\p{N}\p{M}]/u.test(ch)) bits |= WORD;
  if (/[\p{L}\p{N}]/u.test(ch)) bits |= LETTER_OR_DIGIT;
  if (/\p{Lu}|\p{Lt}/u.test(ch)) bits |= UPPER;
  if (/\s/.test(ch)) bits |= SPACE;
  classes[code] = bits;
  return bits;
}

const bitsOf = (code: number) => classes[code] || classify(code);

/** A letter, digit or combining mark. Surrogates (astral characters) count as neither. */
export const isWordChar = (code: number): boolean => (bitsOf(code) & WORD) !== 0;
/** A letter or digit (no combining mark): what words are made of when quotations are compared. */
export const isLetterOrDigitChar = (code: number): boolean => (bitsOf(code) & LETTER_OR_DIGIT) !== 0;
export const isUpperChar = (code: number): boolean => (bitsOf(code) & UPPER) !== 0;
export const isSpaceChar = (code: number): boolean => (bitsOf(code) & SPACE) !== 0;
