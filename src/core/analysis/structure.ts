import type { ArticleStructure, Span } from '../types';

/** Lines that web pages leave behind in saved articles; matched against the trimmed line. */
const BOILERPLATE_LINES: readonly RegExp[] = [
  /^accessibility links$/i,
  /^(related|recommended) (content|stories|articles|coverage|video)$/i,
  /^(breaking news|advertisement|please wait|watch related video|skip to (main )?content)$/i,
  /^no media source currently available$/i,
  /^(share|share this( article| story)?|read more|continue reading|image copyright.*|image caption.*)$/i,
  /^(\d{1,2}:)?\d{1,2}:\d{2}( +(\d{1,2}:)?\d{1,2}:\d{2})*$/, // media player timestamps: 0:00 0:02:56 0:00
  /^["“]?follow (@\w|.{1,120}\bon twitter\b)/i, // the writer's social-media plug: Follow Ann Lee on Twitter @annlee.
];

const LINE = /[^\r\n]*(\r\n|\r|\n|$)/g;

interface Line extends Span {
  readonly blankBefore: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blankBefore = true;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m && m.index < text.length; m = LINE.exec(text)) {
    const raw = m[0].slice(0, m[0].length - m[1].length);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const start = m.index + lead;
      lines.push({ start, end: start + body.length, text: body, blankBefore });
      blankBefore = false;
    } else {
      blankBefore = true;
    }
    if (m[0].length === 0) break;
  }
  return lines;
}

/** True when most lines are cut at a fixed width, as in e-mailed or hard-wrapped copy. */
function looksHardWrapped(lines: readonly Line[]): boolean {
  if (lines.length < 6) return false;
  let wrapped = 0;
  for (const line of lines) if (line.text.length >= 55 && line.text.length <= 80) wrapped++;
  return wrapped / lines.length > 0.6 && lines.every(l => l.text.length <= 100);
}

export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINES.some(re => re.test(line));
}

/** A headline is short, and either has no closing full stop or stands apart from what follows. */
function readsAsHeadline(line: Line, next: Line | undefined): boolean {
  if (line.text.length > 250) return false;
  const endsLikeSentence = /[.!?]["'”’]?$/.test(line.text);
  return !endsLikeSentence || (next !== undefined && next.blankBefore && line.text.length < 160);
}

/**
 * Splits an article into headline, paragraphs and boilerplate. Each non-empty line is a
 * paragraph (news copy is not hard-wrapped), unless the whole text is hard-wrapped, in which case
 * blank lines separate paragraphs.
 */
export function articleStructure(text: string): ArticleStructure {
  const lines = splitLines(text);
  const paragraphs: Span[] = [];
  const boilerplate: Span[] = [];
  let headline: Span | null = null;
  const wrapped = looksHardWrapped(lines);
  let previous: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const span: Span = { start: line.start, end: line.end, text: line.text };
    if (isBoilerplateLine(line.text) || line.text === previous) {
      boilerplate.push(span);
      continue;
    }
    previous = line.text;
    // Indices are checked before reading: a read past an array's end throws away the compiled code.
    if (paragraphs.length === 0 && headline === null && readsAsHeadline(line, i + 1 < lines.length ? lines[i + 1] : undefined)) {
      headline = span;
      paragraphs.push(span);
      continue;
    }
    const last = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined;
    if (wrapped && last && last !== headline && !line.blankBefore) {
      const end = line.end;
      paragraphs[paragraphs.length - 1] = { start: last.start, end, text: text.slice(last.start, end) };
    } else {
      paragraphs.push(span);
    }
  }
  return { headline, paragraphs, boilerplate };
}
