/**
 * Finds quoted stretches in one paragraph. News mixes curly and straight marks, even within one
 * quotation, and sometimes turns a mark the wrong way, so each mark is read by what stands on
 * either side of it (a mark after a space and before a word opens) before its shape is consulted.
 */

export interface ScannedQuote {
  /** Offsets into the paragraph string. `start` is the opening mark. */
  readonly start: number;
  /** Just after the closing mark, or the end of the (trimmed) paragraph when unclosed. */
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly closed: boolean;
  readonly single: boolean;
}

const DOUBLE_MARKS = /["“”„«»]/g;
const SINGLE_MARKS_CURLY = /[‘’‚]/g;
const SINGLE_MARKS_ALL = /['‘’‚]/g;
const OPENING_SHAPES = new Set(['“', '„', '«', '‘', '‚']);
const CLOSING_SHAPES = new Set(['”', '»', '’']);

/** Characters after which a mark can open a quotation. */
const BEFORE_OPEN = /[\s([{\u2014\u2013/\-:;"“„«‘'…]/;
/** Characters before which a mark can close one. */
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-"”»’'…]/;

type Role = 'open' | 'close' | 'either';

function roleOf(text: string, i: number): Role {
  const before = i === 0 ? ' ' : text[i - 1];
  const after = i + 1 >= text.length ? ' ' : text[i + 1];
  const canOpen = BEFORE_OPEN.test(before) && !/\s/.test(after);
  const canClose = AFTER_CLOSE.test(after) && !/\s/.test(before);
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  const mark = text[i];
  if (OPENING_SHAPES.has(mark)) return 'open';
  if (CLOSING_SHAPES.has(mark)) return 'close';
  return 'either';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** An apostrophe: `don't`, `Kerry's`, `’90s`, `rock ’n’ roll` are not quotation marks. */
function isApostrophe(text: string, i: number): boolean {
  const before = i === 0 ? '' : text[i - 1];
  const after = i + 1 >= text.length ? '' : text[i + 1];
  if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return true;
  if (/\d/.test(after) && !LETTER_OR_DIGIT.test(before) && /^\d\ds\b/.test(text.slice(i + 1, i + 5))) return true;
  return false;
}

interface Mark {
  readonly index: number;
  readonly role: Role;
}

/**
 * Markup left in scraped text (`<tweet id="...">`): its attribute quotes are not quotations. A tag
 * can be cut by a line break, leaving its start at the end of one paragraph and `...">` opening the
 * next. One expression for all three: the tail of a cut tag, whole tags, the start of a cut tag.
 */
const MARKUP = /^[^<>"]*"\/?>|<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|<[A-Za-z][\w-]*\s[^<>]*="[^<>]*$/g;

/**
 * `text` with its markup blanked out (the same length, so offsets hold). Rare, and kept to one call
 * of a built-in: code the compiler has never seen run costs a recompilation of its callers when it does.
 */
function withoutMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('>')) return text;
  return text.replace(MARKUP, tag => ' '.repeat(tag.length));
}

/** Marks found in `visible` (the text without its markup), read by what stands around them in `text`. */
function marksOf(text: string, visible: string, pattern: RegExp, single: boolean): Mark[] {
  const marks: Mark[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(visible); m; m = pattern.exec(visible)) {
    if (single && isApostrophe(text, m.index)) continue;
    marks.push({ index: m.index, role: roleOf(text, m.index) });
  }
  return marks;
}

function trimmedEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * Pairs marks into outermost quotations. Quotes nested inside a quotation stay part of it. A
 * quotation still open at the end of the paragraph runs to its end; when a nested opening mark was
 * never closed, the outer quotation is taken to end before it and the inner one to run on.
 */
function pairMarks(text: string, marks: readonly Mark[], single: boolean): ScannedQuote[] {
  const quotes: ScannedQuote[] = [];
  let lastCurly = -1;
  marks.forEach((m, i) => { if (text[m.index] !== '"') lastCurly = i; });
  let from = 0;
  let strayDropped = false;
  let splitAtReopening = false;
  // One pass with a stack of open marks (a third at most, after dropping a stray or splitting): stray
  // marks by the thousand must not make a paragraph quadratic.
  for (;;) {
    const open: number[] = [];
    for (let i = from; i < marks.length; i++) {
      const mark = marks[i];
      if (open.length === 0) {
        if (mark.role !== 'close') open.push(i);
      } else if (mark.role === 'open') {
        open.push(i);
      } else {
        const outer = open[0];
        open.pop();
        if (open.length === 0) {
          const start = marks[outer].index;
          quotes.push({ start, end: mark.index + 1, innerStart: start + 1, innerEnd: mark.index, closed: true, single });
        }
      }
    }
    if (open.length === 0) return quotes;
    // A straight mark left open before curly pairs is a stray from copying (`"Kevin was snoring.
    // “Here he is,” she said.`): the curly pairs are the quotations.
    if (open.length === 1 && !strayDropped && text[marks[open[0]].index] === '"' && lastCurly > open[0]) {
      strayDropped = true;
      from = open[0] + 1;
      continue;
    }
    // A mark of the outer one's own shape opening inside it, then closed, starts a quotation of its
    // own (`“a lot like others, comparing it to “what they said.”`): the outer one was never closed.
    if (open.length === 1 && !splitAtReopening) {
      const shape = text[marks[open[0]].index];
      let reopening = open[0] + 1;
      while (reopening < marks.length && !(marks[reopening].role === 'open' && text[marks[reopening].index] === shape)) reopening++;
      if (reopening < marks.length) {
        splitAtReopening = true;
        const start = marks[open[0]].index;
        const end = trimmedEnd(text, start + 1, marks[reopening].index);
        quotes.push({ start, end, innerStart: start + 1, innerEnd: end, closed: false, single });
        from = reopening;
        continue;
      }
    }
    // Unclosed: each quotation left open runs to the next one left open, the last to the paragraph's end.
    open.forEach((at, k) => {
      const start = marks[at].index;
      const stop = k + 1 < open.length ? marks[open[k + 1]].index : text.length;
      const end = trimmedEnd(text, start + 1, stop);
      quotes.push({ start, end, innerStart: start + 1, innerEnd: end, closed: false, single });
    });
    return quotes;
  }
}

/**
 * Quoted stretches of a paragraph. Double marks are the rule; single marks count only in a
 * paragraph without double ones (headlines quote with single marks), and straight single marks
 * only when `allowStraightSingles` (the headline), since elsewhere they are mostly apostrophes.
 */
export function scanQuotes(text: string, allowStraightSingles: boolean): ScannedQuote[] {
  const visible = withoutMarkup(text);
  const doubles = marksOf(text, visible, DOUBLE_MARKS, false);
  if (doubles.length > 0) return pairMarks(text, doubles, false).filter(q => quotesWords(text, q));
  const singles = marksOf(text, visible, allowStraightSingles ? SINGLE_MARKS_ALL : SINGLE_MARKS_CURLY, true);
  // An unclosed single mark is an apostrophe we could not tell apart (`’90s`), not a quotation.
  return pairMarks(text, singles, true).filter(q => q.closed);
}

/** A mark left alone at the end of a paragraph (`They see that. “`) quotes nothing. */
function quotesWords(text: string, q: ScannedQuote): boolean {
  return q.closed || LETTER_OR_DIGIT.test(text.slice(q.innerStart, q.innerEnd));
}

/** True when the paragraph opens with a quotation mark (a quotation that runs on reopens so). */
export function opensWithQuote(text: string): boolean {
  return /^["“„«]/.test(text);
}
