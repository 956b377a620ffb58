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

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const word = m[0];
    const isWord = /^[\p{L}\p{N}]/u.test(word);
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      lower: word.toLowerCase(),
      isWord,
      capitalized: isWord && UPPER.test(word),
    });
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

/** True when the token before a full stop makes it an abbreviation's (`Sen.`, `U.S.`, `J.`). */
export function isAbbreviation(token: Token | undefined): boolean {
  if (!token || !token.isWord) return false;
  if (token.text.length === 1 && token.capitalized) return true;
  return ABBREVIATIONS.has(token.lower) || /^(\p{L}\.)+\p{L}$/u.test(token.text);
}

/** True when `tokens[i]` ends a sentence (a full stop after an abbreviation such as `Sen.` does not). */
export function isSentenceEnd(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text !== '.' && t.text !== '?' && t.text !== '!') return false;
  if (t.text === '.' && isAbbreviation(tokens[i - 1])) return false;
  const next = tokens[i + 1];
  return next === undefined || !next.isWord || next.capitalized || /^\d/.test(next.text);
}
