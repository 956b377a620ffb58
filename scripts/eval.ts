/**
 * `npm run eval`: scores the analysis against PolNeAR's gold quotations (../shared/eval-data/polnear).
 * Tune on `--split train`, report on `--split dev` (the default). Prints quote precision, recall and
 * F1 (exact span and by overlap), speaker-mention accuracy over the quotations found (named, pronoun,
 * description), cue accuracy, the worst misses, and a closing line. Skips when the data is absent.
 *
 * Conventions (from the corpus README): a gold quotation is found when a predicted one overlaps it;
 * a gold quotation over several paragraphs is matched exactly by our one-record-per-paragraph pieces
 * when they start and end where it does. Our quotations are the stretches of kind `direct`, `partial`
 * and `headline`; kind `other` (quoted words nobody is said to have spoken) is not a quotation.
 * Quoted stretches inside no attribution (`other_quoted_spans.jsonl`: scare quotes, titles) are
 * "don't care" in the main rows, as the corpus README advises; the strict row counts each of them
 * that we call a quotation as an error. The scanner row scores every quoted stretch we find, kind
 * `other` included, and the last row how well kind `other` picks out the scare quotes and titles.
 * Two corrections to the reference, each counted in the output, with the uncorrected rows printed too:
 * - The gold quotations are derived from PolNeAR's attributions and miss some quoted words the
 *   annotators did attribute (straight single marks, an opening mark turned the wrong way, transcript
 *   lines whose speaker label sits inside the marks). A quotation we find on such words is "don't
 *   care" in the main rows, like a scare quote; the rows marked "as derived" count it as an error.
 * - Where an annotation has its source and cue swapped (the source is a cue verb such as `said` and
 *   the cue is not), the two are swapped back before speakers and cues are scored, and the speaker
 *   kind is worked out again from the corrected source.
 * A speaker mention is right when it overlaps the gold source span; a cue when it overlaps the gold cue.
 *
 * `npm run eval -- --compare` runs the scoring three times, with people's names from the rules alone,
 * from compromise and from wink-nlp, and prints accuracy, speed and the size each adds to a browser
 * bundle (esbuild, minified).
 */
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeArticle } from '../src/core/analyze';
import { cueForms } from '../src/core/analysis/cueVerbs';
import { DETERMINERS, PRONOUNS } from '../src/core/analysis/lexicon';
import type { Quote, Span } from '../src/core/types';

interface Range { start: number; end: number }
interface GoldQuote {
  file: string;
  quote: Range & { text: string };
  speaker: string | null;
  speakerSpan: Range | null;
  cueSpan: Range | null;
  speakerKind: 'named' | 'pronoun' | 'nominal' | null;
  multiParagraph: boolean;
  split: string;
  attributionId: string;
  sourceAndCueSwapped?: boolean;
}
interface AttributionRecord { file: string; attributionId: string; speakerSpans: Range[] | null; contentSpans: Range[] | null }
interface OtherSpan { file: string; quote: Range }

const repoRoot = path.resolve(__dirname, '..', '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'polnear');

const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const split = argValue('--split', 'dev');
const worstCount = Number(argValue('--worst', '8'));
/** `--people compromise|wink`: names of people found by that library join the rules' own. */
const peopleFrom = argValue('--people', 'rules');

const wink = peopleFrom === 'wink' ? winkNLP(model) : undefined;

/** People's names as the chosen library finds them. */
function libraryPeople(text: string): Span[] {
  if (peopleFrom === 'compromise') {
    return (nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[])
      .map(p => ({ start: p.offset.start, end: p.offset.start + p.offset.length }))
      .map(({ start, end }) => ({ start, end, text: text.slice(start, end).replace(/[\s.,;:]+$/, '') }))
      .map(s => ({ ...s, end: s.start + s.text.length }));
  }
  if (wink) {
    // Runs of two or more proper nouns (wink's model tags parts of speech; it has no person entities).
    const its = wink.its;
    const doc = wink.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    const spans: Span[] = [];
    let at = 0;
    let run: { start: number; end: number; count: number } | null = null;
    values.forEach((value, i) => {
      const start = text.indexOf(value, at);
      if (start < 0) return;
      at = start + value.length;
      if (tags[i] === 'PROPN') run = run ? { ...run, end: at, count: run.count + 1 } : { start, end: at, count: 1 };
      else {
        if (run && run.count >= 2) spans.push({ start: run.start, end: run.end, text: text.slice(run.start, run.end) });
        run = null;
      }
    });
    return spans;
  }
  return [];
}

const cueWords = cueForms();
const isCueWord = (words: string) => cueWords.has(words.toLowerCase());

/** The speaker kind of a corrected source, by the corpus's own heuristic: pronoun, proper name, or description. */
function kindOfSource(source: string): GoldQuote['speakerKind'] {
  const first = source.split(/\s+/)[0].toLowerCase();
  if (first in PRONOUNS) return 'pronoun';
  return /^\p{Lu}/u.test(source) && !DETERMINERS.has(first) ? 'named' : 'nominal';
}

/** The gold record with a swapped source and cue (source `said`, cue `Robert Lee`) swapped back. */
function withSourceAndCueInOrder(g: GoldQuote, text: string): GoldQuote {
  if (!g.speakerSpan || !g.cueSpan || !g.speaker || !isCueWord(g.speaker)) return g;
  const cue = text.slice(g.cueSpan.start, g.cueSpan.end);
  if (isCueWord(cue)) return g;
  return { ...g, speaker: cue, speakerSpan: g.cueSpan, cueSpan: g.speakerSpan, speakerKind: kindOfSource(cue), sourceAndCueSwapped: true };
}

const readJsonl = <T>(file: string): T[] =>
  fs.readFileSync(path.join(dataDir, file), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as T);

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const ratio = (n: number, d: number) => (d ? n / d : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => x.toFixed(3);

function main(): number {
  if (!fs.existsSync(path.join(dataDir, 'gold_quotes.jsonl'))) {
    console.log(`eval skipped: PolNeAR data not found at ${dataDir}`);
    return 0;
  }
  const files = readJsonl<{ file: string; split: string }>('articles.jsonl').filter(a => a.split === split).map(a => a.file);
  const gold = readJsonl<GoldQuote>('gold_quotes.jsonl').filter(g => g.split === split);
  const speakerSpans = new Map<string, Range[]>();
  const attributedWords = new Map<string, Range[]>();
  for (const a of readJsonl<AttributionRecord>('attributions.jsonl')) {
    if (a.speakerSpans) speakerSpans.set(`${a.file}#${a.attributionId}`, a.speakerSpans);
    if (a.contentSpans) attributedWords.set(a.file, [...(attributedWords.get(a.file) ?? []), ...a.contentSpans]);
  }
  const others = readJsonl<OtherSpan>('other_quoted_spans.jsonl');

  const all = { predicted: 0, exact: 0, overlap: 0, scare: 0, goldExact: 0, goldOverlap: 0, attributedOnly: 0 };
  const scanner = { predicted: 0, overlap: 0, goldOverlap: 0 };
  const strict = { predicted: 0, overlap: 0 };
  const otherKind = { marked: 0, markedOnScare: 0, scareFound: 0, scareMarked: 0 };
  const speaker = { named: [0, 0], pronoun: [0, 0], nominal: [0, 0] } as Record<string, [number, number]>;
  let cueRight = 0, cueTotal = 0;
  const missed: string[] = [];
  const inexact: string[] = [];
  const wrongSpeaker: string[] = [];
  const spurious: string[] = [];
  let chars = 0;
  let elapsed = 0;
  let swappedRecords = 0;

  for (const file of files) {
    const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
    chars += text.length;
    const began = process.hrtime.bigint();
    const analysis = analyzeArticle(text, peopleFrom === 'rules' ? undefined : { people: libraryPeople(text) });
    elapsed += Number(process.hrtime.bigint() - began) / 1e9;
    const golds = gold.filter(g => g.file === file).map(g => withSourceAndCueInOrder(g, text));
    swappedRecords += golds.filter(g => g.sourceAndCueSwapped).length;
    const scare = others.filter(o => o.file === file).map(o => o.quote);
    const context = (r: Range) => JSON.stringify(text.slice(Math.max(0, r.start - 40), Math.min(text.length, r.end + 40)).replace(/\s+/g, ' '));
    const isGold = (p: Range) => golds.some(g => overlaps(g.quote, p));
    const isScare = (p: Range) => scare.some(s => overlaps(s, p));

    const exactFor = (p: Quote) => golds.some(g => (g.quote.start === p.start && g.quote.end === p.end)
      || (g.multiParagraph && p.start >= g.quote.start && p.end <= g.quote.end));
    for (const p of analysis.quotes) {
      const gold = isGold(p);
      const onScare = !gold && isScare(p);
      if (onScare) {
        otherKind.scareFound++;
        if (p.kind === 'other') otherKind.scareMarked++;
      } else {
        scanner.predicted++;
        if (gold) scanner.overlap++;
      }
      if (p.kind === 'other') {
        otherKind.marked++;
        if (onScare) otherKind.markedOnScare++;
        continue;
      }
      strict.predicted++;
      if (gold) strict.overlap++;
      if (onScare) { all.scare++; continue; }
      all.predicted++;
      if (gold) all.overlap++;
      else {
        const attributed = (attributedWords.get(file) ?? []).some(a => overlaps(a, p));
        if (attributed) all.attributedOnly++;
        spurious.push(`${file}${attributed ? ' (words of an annotated attribution)' : ''}: ${context(p)}`);
      }
      if (exactFor(p)) all.exact++;
    }
    for (const g of golds) {
      const hits = analysis.quotes.filter(p => overlaps(g.quote, p));
      if (hits.length === 0) { missed.push(`${file}: ${context(g.quote)}`); continue; }
      scanner.goldOverlap++;
      const quotations = hits.filter(p => p.kind !== 'other');
      if (quotations.length === 0) missed.push(`${file} (kind other): ${context(g.quote)}`);
      else all.goldOverlap++;
      const exact = g.multiParagraph
        ? quotations.some(p => p.start === g.quote.start) && quotations.some(p => p.end === g.quote.end)
        : quotations.some(p => p.start === g.quote.start && p.end === g.quote.end);
      if (exact) all.goldExact++;
      else if (quotations.length) inexact.push(`${file}: gold ${JSON.stringify(text.slice(g.quote.start, g.quote.end).slice(0, 100))} found ${hits.map(p => JSON.stringify(text.slice(p.start, p.end).slice(0, 100))).join(' + ')}`);
      const best = hits.find(p => p.start === g.quote.start) ?? hits[0];
      const spans = (g.sourceAndCueSwapped ? undefined : speakerSpans.get(`${g.file}#${g.attributionId}`)) ?? (g.speakerSpan ? [g.speakerSpan] : []);
      if (g.speakerKind && spans.length) {
        const right = best.speakerMention !== null && spans.some(s => overlaps(s, best.speakerMention!));
        speaker[g.speakerKind][0] += right ? 1 : 0;
        speaker[g.speakerKind][1]++;
        if (!right) wrongSpeaker.push(`${file}: gold ${JSON.stringify(g.speaker)} [${g.speakerKind}], found ${JSON.stringify(best.speakerMention?.text ?? null)} (${best.evidence}) for ${context(g.quote).slice(0, 140)}`);
      }
      if (g.cueSpan) {
        cueTotal++;
        if (best.cue && overlaps(best.cue, g.cueSpan)) cueRight++;
      }
    }
  }

  const scored = all.predicted - all.attributedOnly;
  const exactP = ratio(all.exact, scored), exactR = ratio(all.goldExact, gold.length);
  const overlapP = ratio(all.overlap, scored), overlapR = ratio(all.goldOverlap, gold.length);
  const derivedExactP = ratio(all.exact, all.predicted), derivedOverlapP = ratio(all.overlap, all.predicted);
  const strictP = ratio(strict.overlap, strict.predicted), strictR = overlapR;
  const scannerP = ratio(scanner.overlap, scanner.predicted), scannerR = ratio(scanner.goldOverlap, gold.length);
  const otherP = ratio(otherKind.markedOnScare, otherKind.marked), otherR = ratio(otherKind.scareMarked, otherKind.scareFound);
  const speakerRight = Object.values(speaker).reduce((s, [r]) => s + r, 0);
  const speakerTotal = Object.values(speaker).reduce((s, [, t]) => s + t, 0);
  const acc = (k: string) => ratio(speaker[k][0], speaker[k][1]);

  const rows: [string, number, number][] = [
    ['quotations, exact span', exactP, exactR],
    ['quotations, overlap', overlapP, overlapR],
    ['quotations, exact span, as derived', derivedExactP, exactR],
    ['quotations, overlap, as derived', derivedOverlapP, overlapR],
    ['quotations, overlap, strict (scare quotes are errors)', strictP, strictR],
    ['every quoted stretch, kind other too, overlap', scannerP, scannerR],
    ['kind `other` as scare quote / title', otherP, otherR],
  ];
  console.log(`PolNeAR ${split}, people's names from ${peopleFrom === 'rules' ? 'the rules alone' : `the rules and ${peopleFrom}`}: ${files.length} articles, ${gold.length} gold quotations; we find ${scanner.predicted + otherKind.scareFound} quoted stretches, ${strict.predicted} of them quotations (${all.scare} of those on scare quotes or titles and ${all.attributedOnly} on attributed words the derived gold leaves out, don't care); ${swappedRecords} gold records with source and cue swapped, swapped back\n`);
  console.log(`${'measure'.padEnd(54)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)}`);
  for (const [name, p, r] of rows) console.log(`${name.padEnd(54)} ${fmt(p).padStart(9)} ${fmt(r).padStart(9)} ${fmt(f1(p, r)).padStart(9)}`);
  console.log('');
  console.log(`${'speaker mention accuracy, found quotations'.padEnd(54)} ${'accuracy'.padStart(9)} ${'n'.padStart(9)}`);
  console.log(`${'  all'.padEnd(54)} ${fmt(ratio(speakerRight, speakerTotal)).padStart(9)} ${String(speakerTotal).padStart(9)}`);
  for (const [k, label] of [['named', 'named'], ['pronoun', 'pronoun'], ['nominal', 'description']]) {
    console.log(`${`  ${label}`.padEnd(54)} ${fmt(acc(k)).padStart(9)} ${String(speaker[k][1]).padStart(9)}`);
  }
  console.log(`${'cue accuracy, found quotations'.padEnd(54)} ${fmt(ratio(cueRight, cueTotal)).padStart(9)} ${String(cueTotal).padStart(9)}`);
  console.log(`${'analysis speed, library included (one core, cold)'.padEnd(54)} ${(chars / 1e6 / elapsed).toFixed(2).padStart(9)} M chars/s`);

  const show = (title: string, list: string[]) => {
    if (!list.length || worstCount <= 0) return;
    console.log(`\n${title} (${list.length}; first ${Math.min(worstCount, list.length)}):`);
    for (const line of list.slice(0, worstCount)) console.log(`  ${line}`);
  };
  show('Missed quotations', missed);
  show('Quotations found with other bounds', inexact);
  show('Quotations with the wrong speaker mention', wrongSpeaker);
  show('Predicted quotations that are not in the gold', spurious);

  const targets = [
    f1(overlapP, overlapR) >= 0.99, f1(exactP, exactR) >= 0.98, ratio(speakerRight, speakerTotal) >= 0.9,
    acc('pronoun') >= 0.85, acc('nominal') >= 0.85,
  ];
  console.log(`\neval ${split}: quotes overlap F1 ${fmt(f1(overlapP, overlapR))}, exact F1 ${fmt(f1(exactP, exactR))}, strict F1 ${fmt(f1(strictP, strictR))}, as derived overlap F1 ${fmt(f1(derivedOverlapP, overlapR))} exact F1 ${fmt(f1(derivedExactP, exactR))}, speaker ${fmt(ratio(speakerRight, speakerTotal))} (pronoun ${fmt(acc('pronoun'))}, description ${fmt(acc('nominal'))}), cue ${fmt(ratio(cueRight, cueTotal))}; targets met ${targets.filter(Boolean).length}/${targets.length}`);
  return 0;
}

/** Minified browser bundle size of a module that imports `source`. */
function bundleBytes(source: string): number {
  const result = esbuild.buildSync({
    stdin: { contents: source, resolveDir: repoRoot, loader: 'ts' },
    bundle: true, minify: true, platform: 'browser', format: 'cjs', write: false, logLevel: 'silent',
  });
  return result.outputFiles[0].contents.length;
}

function compare(): number {
  const core = bundleBytes("import { analyzeArticle } from './src/core/analyze'; console.log(analyzeArticle('x'));");
  const libraries: Record<string, number> = {
    rules: 0,
    compromise: bundleBytes("import nlp from 'compromise'; console.log(nlp('x').people());"),
    wink: bundleBytes("import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; console.log(winkNLP(model).readDoc('x'));"),
  };
  console.log(`people's names from    speaker  named  pronoun  descr.  quotes F1  M chars/s  bundle (core ${(core / 1024).toFixed(0)} KB)`);
  for (const [name, bytes] of Object.entries(libraries)) {
    const run = spawnSync(process.execPath, [__filename, '--split', split, '--people', name, '--worst', '0'], { encoding: 'utf8' });
    const closing = /quotes overlap F1 ([\d.]+).*speaker ([\d.]+) \(pronoun ([\d.]+), description ([\d.]+)\)/.exec(run.stdout);
    const named = /^ {2}named\s+([\d.]+)/m.exec(run.stdout);
    const speed = /cold\)\s+([\d.]+) M chars/.exec(run.stdout);
    if (!closing || !named || !speed) {
      console.log(`${name}: the evaluation failed: ${run.stderr}`);
      return 1;
    }
    const label = name === 'rules' ? 'rules alone' : `rules + ${name}`;
    const size = bytes ? `+${(bytes / 1024).toFixed(0)} KB` : '+0 KB';
    console.log(`${label.padEnd(20)} ${closing[2].padStart(8)} ${named[1].padStart(6)} ${closing[3].padStart(8)} ${closing[4].padStart(7)} ${closing[1].padStart(10)} ${speed[1].padStart(10)}  ${size}`);
  }
  console.log(`\neval --compare ${split}: see the table; the analysis ships with the rules alone`);
  return 0;
}

process.exitCode = process.argv.includes('--compare') ? compare() : main();
