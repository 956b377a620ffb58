/**
 * Re-anchoring benchmark: `npm run bench:anchoring [-- --seed N --split dev|train --limit N --misses N]`.
 *
 * Anchors an annotation on every gold quotation of the PolNeAR articles of one split (dev by
 * default) and on every double-quoted passage of the seed articles, applies one random realistic
 * edit at a time, re-anchors, and prints per edit kind how often the annotation lands exactly on
 * the expected span, lands elsewhere (wrong), or becomes an orphan, and the time per annotation.
 * Two baselines run on the same cases in the same run: the TextPositionSelector alone, and the
 * Hypothesis client's former quote anchoring (dom-anchor-text-quote: diff-match-patch slices,
 * nothing else). The RNG is seeded, so runs are reproducible. The data is read from ../shared and
 * never copied; the benchmark says so and stops when it is absent.
 */
import DiffMatchPatch from 'diff-match-patch';
import * as fs from 'fs';
import * as path from 'path';
import { TextAnchorer, describeSpan, locateSlices } from '../src/core/annotations/anchoring';
import type { TextPosition, TextQuote } from '../src/core/annotations/model';

const options = parseOptions(process.argv.slice(2));
const shared = path.resolve(process.cwd(), '..', 'shared');
const polnear = path.join(shared, 'eval-data', 'polnear');
const seeds = path.join(shared, 'seeds');

interface Case {
  readonly article: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A replacement in the original text's coordinates. Edits of one case never overlap. */
interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** An edit kind turns a case into edits; `orphan` says the annotation must not be found. */
interface EditKind {
  readonly name: string;
  readonly orphan: boolean;
  make(c: Case, random: () => number): Edit[] | undefined;
}

type Anchor = (text: string, quote: TextQuote, hint: TextPosition) => { start: number; end: number } | undefined;

const anchorers: { readonly name: string; readonly anchor: Anchor }[] = [
  {
    name: 'news-annotator',
    anchor: (text, quote, hint) => {
      const found = new TextAnchorer(text).anchor(quote, hint);
      return found.found ? found : undefined;
    },
  },
  { name: 'hypothesis (dmp only)', anchor: hypothesisBaseline },
  {
    name: 'position only',
    anchor: (text, quote, hint) => (text.slice(hint.start, hint.end) === quote.exact ? hint : undefined),
  },
];

function main(): void {
  const cases = [...polnearCases(), ...seedCases()];
  if (cases.length === 0) return;
  const limited = options.limit ? cases.slice(0, options.limit) : cases;
  console.log(`Re-anchoring benchmark: ${limited.length} annotated quotations (PolNeAR ${options.split} gold quotes + seed quotations), seed ${options.seed}\n`);

  const totals = new Map<string, Tally>();
  const rows: string[][] = [];
  for (const kind of EDIT_KINDS) {
    const random = mulberry32(options.seed + hash(kind.name));
    const prepared = limited.map(c => ({ c, edits: kind.make(c, random) })).filter((p): p is { c: Case; edits: Edit[] } => p.edits !== undefined);
    for (const { name, anchor } of anchorers) {
      const tally = new Tally();
      for (const { c, edits } of prepared) {
        const after = applyEdits(c.text, edits);
        const { quote, position } = describeSpan(c.text, c.start, c.end);
        const began = process.hrtime.bigint();
        const found = anchor(after, quote, position);
        tally.nanoseconds += Number(process.hrtime.bigint() - began);
        const expected = kind.orphan ? undefined : { start: mapOffset(c.start, edits, 'start'), end: mapOffset(c.end, edits, 'end') };
        tally.count(found, expected);
        if (name === anchorers[0].name && options.misses > 0 && !sameSpan(found, expected)) {
          options.misses--;
          console.log(`MISS ${JSON.stringify(edits).slice(0, 300)} ${kind.name} in ${c.article}: expected ${expected ? JSON.stringify(after.slice(expected.start, expected.end)) : 'an orphan'}, got ${found ? JSON.stringify(after.slice(found.start, found.end)) : 'an orphan'}`);
        }
      }
      rows.push([kind.name, name, ...tally.columns()]);
      const total = totals.get(name) ?? new Tally();
      total.add(tally);
      totals.set(name, total);
    }
  }
  for (const [name, tally] of totals) rows.push(['all edits', name, ...tally.columns()]);
  printTable(['edit', 'anchoring', 'cases', 'correct', 'wrong', 'orphan', 'µs/annotation'], rows);

  const ours = totals.get(anchorers[0].name)!;
  const hypothesis = totals.get(anchorers[1].name)!;
  console.log(`\nnews-annotator: ${pct(ours.correct, ours.cases)} correct (${ours.correct} of ${ours.cases}), ${pct(ours.wrong, ours.cases)} wrong (${ours.wrong}), ${pct(ours.orphaned, ours.cases)} orphaned; `
    + `${(ours.nanoseconds / ours.cases / 1000).toFixed(1)} µs per annotation, ${(ours.nanoseconds / Math.max(1, hypothesis.nanoseconds)).toFixed(2)}x the time of the dmp-only baseline `
    + `(${pct(hypothesis.correct, hypothesis.cases)} correct, ${pct(hypothesis.wrong, hypothesis.cases)} wrong).`);
}

class Tally {
  cases = 0;
  correct = 0;
  wrong = 0;
  orphaned = 0;
  nanoseconds = 0;

  count(found: { start: number; end: number } | undefined, expected: { start: number; end: number } | undefined): void {
    this.cases++;
    if (!found) {
      if (expected) this.orphaned++; else { this.orphaned++; this.correct++; }
    } else if (expected && found.start === expected.start && found.end === expected.end) {
      this.correct++;
    } else {
      this.wrong++;
    }
  }

  add(other: Tally): void {
    this.cases += other.cases;
    this.correct += other.correct;
    this.wrong += other.wrong;
    this.orphaned += other.orphaned;
    this.nanoseconds += other.nanoseconds;
  }

  columns(): string[] {
    return [String(this.cases), pct(this.correct, this.cases), pct(this.wrong, this.cases), pct(this.orphaned, this.cases), (this.nanoseconds / Math.max(1, this.cases) / 1000).toFixed(1)];
  }
}

// ---- Cases ----

function polnearCases(): Case[] {
  const articles = path.join(polnear, 'articles.jsonl');
  if (!fs.existsSync(articles)) {
    console.log(`SKIP PolNeAR: ${polnear} is absent (the benchmark reads it from ../shared and never copies it).`);
    return [];
  }
  const inSplit = new Set(readJsonl<{ file: string; split: string }>(articles).filter(a => a.split === options.split).map(a => a.file));
  const texts = new Map<string, string>();
  const cases: Case[] = [];
  for (const gold of readJsonl<{ file: string; split: string; quote: { start: number; end: number } }>(path.join(polnear, 'gold_quotes.jsonl'))) {
    if (!inSplit.has(gold.file)) continue;
    let text = texts.get(gold.file);
    if (text === undefined) {
      text = fs.readFileSync(path.join(polnear, gold.file), 'utf8').replace(/^\ufeff/, '');
      texts.set(gold.file, text);
    }
    cases.push({ article: gold.file, text, start: gold.quote.start, end: gold.quote.end });
  }
  return cases;
}

/** The seeds have no gold: every double-quoted passage on one line stands in for an annotated quotation. */
function seedCases(): Case[] {
  if (!fs.existsSync(seeds)) {
    console.log(`SKIP seeds: ${seeds} is absent.`);
    return [];
  }
  const cases: Case[] = [];
  for (const name of fs.readdirSync(seeds).filter(n => /^\d{3}_[0-9a-f]{16}\.txt$/.test(n)).sort()) {
    const text = fs.readFileSync(path.join(seeds, name), 'utf8').replace(/^\ufeff/, '');
    for (const match of text.matchAll(/[“"][^“”"\n]{3,}[”"]/g)) {
      cases.push({ article: `seeds/${name}`, text, start: match.index!, end: match.index! + match[0].length });
    }
  }
  return cases;
}

function readJsonl<T>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(line => line.trim()).map(line => JSON.parse(line) as T);
}

// ---- Edits ----

/** Invented sentences for inserted paragraphs. */
const INSERTED = [
  'Editor’s note: This story has been updated with additional reporting.',
  'Follow our live coverage for the latest developments throughout the day.',
  'An earlier version of this article misstated the date of the meeting.',
  'Officials did not immediately respond to requests for comment on Friday.',
  'The announcement came hours after a closed-door briefing with local leaders.',
];

const EDIT_KINDS: EditKind[] = [
  {
    name: 'paragraph inserted above',
    orphan: false,
    make: (c, random) => {
      const breaks = paragraphStarts(c.text).filter(p => p <= c.start);
      const at = pick(breaks, random) ?? 0;
      return [{ from: at, to: at, insert: `${pick(INSERTED, random)} ${pick(INSERTED, random)}\n\n` }];
    },
  },
  {
    name: 'sentence deleted elsewhere',
    orphan: false,
    make: (c, random) => {
      const sentences = sentenceSpans(c.text).filter(s => s.end <= c.start || s.start >= c.end);
      const s = pick(sentences, random);
      return s && [{ from: s.start, to: s.end, insert: '' }];
    },
  },
  {
    name: 'typo fixed inside quote',
    orphan: false,
    make: (c, random) => {
      const letters: number[] = [];
      for (let i = c.start + 2; i < c.end - 2; i++) if (/\p{L}/u.test(c.text[i]) && /\p{L}/u.test(c.text[i + 1])) letters.push(i);
      const at = pick(letters, random);
      if (at === undefined) return undefined;
      const roll = random();
      if (roll < 1 / 3) return [{ from: at, to: at + 2, insert: c.text[at + 1] + c.text[at] }];
      if (roll < 2 / 3) return [{ from: at, to: at + 1, insert: '' }];
      return [{ from: at, to: at, insert: c.text[at] }];
    },
  },
  {
    name: 'typo + paragraph above + marks',
    orphan: false,
    make: (c, random) => {
      const parts = ['typo fixed inside quote', 'paragraph inserted above', 'quote marks and punctuation']
        .map(name => EDIT_KINDS.find(kind => kind.name === name)!.make(c, random));
      if (parts.some(part => part === undefined)) return undefined;
      return withoutOverlaps(parts.flatMap(part => part!));
    },
  },
  {
    name: 'quote marks and punctuation',
    orphan: false,
    make: c => {
      const edits: Edit[] = [];
      const paragraph = paragraphAround(c.text, c.start);
      for (let i = paragraph.start; i < Math.max(paragraph.end, c.end); i++) {
        const swapped = SWAP_PUNCTUATION[c.text[i]];
        if (swapped !== undefined) edits.push({ from: i, to: i + 1, insert: swapped });
      }
      return edits.length ? edits : undefined;
    },
  },
  {
    name: 'whitespace reflowed',
    orphan: false,
    make: (c, random) => {
      const width = 60 + Math.floor(random() * 20);
      const edits: Edit[] = [];
      let column = 0;
      for (let i = 0; i < c.text.length; i++) {
        const ch = c.text[i];
        if (ch === '\n') { column = 0; continue; }
        column++;
        if (ch !== ' ') continue;
        if (column > width) { edits.push({ from: i, to: i + 1, insert: '\n' }); column = 0; }
        else if (c.text[i - 1] === '.' && random() < 0.5) edits.push({ from: i, to: i + 1, insert: '  ' });
      }
      return edits;
    },
  },
  {
    name: 'annotated passage deleted',
    orphan: true,
    make: c => {
      const exact = c.text.slice(c.start, c.end);
      if (c.text.indexOf(exact) !== c.start || c.text.indexOf(exact, c.start + 1) !== -1) return undefined;
      const first = paragraphAround(c.text, c.start);
      const last = paragraphAround(c.text, Math.max(c.start, c.end - 1));
      return [{ from: first.start, to: Math.min(c.text.length, last.end + 1), insert: '' }];
    },
  },
  {
    name: 'paragraph duplicated',
    orphan: false,
    make: (c, random) => {
      const paragraphs = paragraphStarts(c.text).map(p => paragraphAround(c.text, p)).filter(p => p.end > p.start);
      const p = pick(paragraphs, random);
      return p && [{ from: p.end, to: p.end, insert: `\n\n${c.text.slice(p.start, p.end)}` }];
    },
  },
];

const SWAP_PUNCTUATION: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '"': '“', '‘': "'", '’': "'", '—': '-', ';': ',',
};

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\n\s*\n/g)) starts.push(m.index! + m[0].length);
  return starts;
}

function paragraphAround(text: string, offset: number): { start: number; end: number } {
  const before = text.lastIndexOf('\n', offset - 1);
  const after = text.indexOf('\n', offset);
  return { start: before + 1, end: after === -1 ? text.length : after };
}

function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\s.!?][^.!?\n]*[.!?]+["”’]?\s*/g)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  return spans;
}

/** Keeps the earliest of overlapping edits (from different edit kinds). */
function withoutOverlaps(edits: Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const last = kept[kept.length - 1];
    if (last && (edit.from < last.to || (edit.from === last.from && edit.from === edit.to))) continue;
    kept.push(edit);
  }
  return kept;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.from - b.from)) {
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}

/**
 * Where a span's `start` or `end` lands after the edits. Text inserted exactly at either edge
 * stays outside the span: after its start moves, before its end does not.
 */
function mapOffset(offset: number, edits: readonly Edit[], edge: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    const before = edge === 'start' ? edit.to <= offset : edit.to <= offset && edit.from < offset;
    if (before) shift += edit.insert.length - (edit.to - edit.from);
  }
  return offset + shift;
}

// ---- The Hypothesis baseline (dom-anchor-text-quote's algorithm) ----

const dmp = new DiffMatchPatch();

function hypothesisBaseline(text: string, quote: TextQuote, hint: TextPosition): { start: number; end: number } | undefined {
  const { exact, prefix, suffix } = quote;
  dmp.Match_Threshold = 0.5;
  dmp.Match_Distance = text.length * 2;
  let loc = hint.start;
  let foundPrefix = false;
  if (prefix) {
    const at = dmp.match_main(text, prefix.slice(-32), Math.max(0, loc - prefix.length));
    if (at > -1) { loc = at + Math.min(32, prefix.length); foundPrefix = true; }
  }
  if (suffix && !foundPrefix) {
    const at = dmp.match_main(text, suffix.slice(0, 32), loc + exact.length);
    if (at > -1) loc = Math.max(0, at - exact.length);
  }
  return locateSlices(text, exact, loc, text.length * 2);
}

// ---- Plumbing ----

function sameSpan(a: { start: number; end: number } | undefined, b: { start: number; end: number } | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.start === b.start && a.end === b.end);
}

function parseOptions(args: string[]): { seed: number; split: string; limit: number; misses: number } {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  return { seed: Number(value('seed') ?? 1), split: value('split') ?? 'dev', limit: Number(value('limit') ?? 0), misses: Number(value('misses') ?? 0) };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined;
}

function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '-';
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

main();
