/**
 * `npm run eval`: scores the analysis against PolNeAR's gold quotations (../shared/eval-data/polnear).
 * Tune on `--split train`, report on `--split dev` (the default). Prints quote precision, recall and
 * F1 (exact span and by overlap), speaker-mention accuracy over the quotations found (named, pronoun,
 * description), cue accuracy, the worst misses, and a closing line. Skips when the data is absent.
 *
 * Conventions (from the corpus README): a gold quotation is found when a predicted one overlaps it;
 * a gold quotation over several paragraphs is matched exactly by our one-record-per-paragraph pieces
 * when they start and end where it does. Quoted stretches that nobody is said to have spoken
 * (`other_quoted_spans.jsonl`) are not gold: predicting one as a quotation counts against precision
 * in the main figures, and is left out in the "scare quotes as don't care" row.
 * A speaker mention is right when it overlaps the gold source span; a cue when it overlaps the gold cue.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle } from '../src/core/analyze';
import type { Quote } from '../src/core/types';

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
}
interface AttributionRecord { file: string; attributionId: string; speakerSpans: Range[] | null }
interface OtherSpan { file: string; quote: Range }

const repoRoot = path.resolve(__dirname, '..', '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'polnear');

const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const split = argValue('--split', 'dev');
const worstCount = Number(argValue('--worst', '8'));

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
  for (const a of readJsonl<AttributionRecord>('attributions.jsonl')) {
    if (a.speakerSpans) speakerSpans.set(`${a.file}#${a.attributionId}`, a.speakerSpans);
  }
  const others = readJsonl<OtherSpan>('other_quoted_spans.jsonl');

  let predicted = 0, predictedExact = 0, predictedOverlap = 0, predictedScare = 0;
  let goldExact = 0, goldOverlap = 0;
  const speaker = { named: [0, 0], pronoun: [0, 0], nominal: [0, 0] } as Record<string, [number, number]>;
  let cueRight = 0, cueTotal = 0;
  const missed: string[] = [];
  const wrongSpeaker: string[] = [];
  const spurious: string[] = [];
  let chars = 0;
  let elapsed = 0;

  for (const file of files) {
    const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
    chars += text.length;
    const began = process.hrtime.bigint();
    const analysis = analyzeArticle(text);
    elapsed += Number(process.hrtime.bigint() - began) / 1e9;
    const preds = analysis.quotes.filter(q => q.kind !== 'other');
    const golds = gold.filter(g => g.file === file);
    const scare = others.filter(o => o.file === file).map(o => o.quote);
    const context = (r: Range) => JSON.stringify(text.slice(Math.max(0, r.start - 40), Math.min(text.length, r.end + 40)).replace(/\s+/g, ' '));

    const exactFor = (p: Quote) => golds.some(g => (g.quote.start === p.start && g.quote.end === p.end)
      || (g.multiParagraph && p.start >= g.quote.start && p.end <= g.quote.end));
    predicted += preds.length;
    for (const p of preds) {
      const hit = golds.some(g => overlaps(g.quote, p));
      if (hit) predictedOverlap++;
      else if (scare.some(s => overlaps(s, p))) predictedScare++;
      else spurious.push(`${file}: ${context(p)}`);
      if (exactFor(p)) predictedExact++;
    }
    for (const g of golds) {
      const hits = preds.filter(p => overlaps(g.quote, p));
      if (hits.length === 0) { missed.push(`${file}: ${context(g.quote)}`); continue; }
      goldOverlap++;
      const exact = g.multiParagraph
        ? hits.some(p => p.start === g.quote.start) && hits.some(p => p.end === g.quote.end)
        : hits.some(p => p.start === g.quote.start && p.end === g.quote.end);
      if (exact) goldExact++;
      const best = hits.find(p => p.start === g.quote.start) ?? hits[0];
      const spans = speakerSpans.get(`${g.file}#${g.attributionId}`) ?? (g.speakerSpan ? [g.speakerSpan] : []);
      if (g.speakerKind && spans.length) {
        const right = best.speakerMention !== null && spans.some(s => overlaps(s, best.speakerMention!));
        speaker[g.speakerKind][0] += right ? 1 : 0;
        speaker[g.speakerKind][1]++;
        if (!right) wrongSpeaker.push(`${file}: gold ${JSON.stringify(g.speaker)} [${g.speakerKind}], found ${JSON.stringify(best.speakerMention?.text ?? null)} for ${context(g.quote).slice(0, 120)}`);
      }
      if (g.cueSpan) {
        cueTotal++;
        if (best.cue && overlaps(best.cue, g.cueSpan)) cueRight++;
      }
    }
  }

  const exactP = ratio(predictedExact, predicted), exactR = ratio(goldExact, gold.length);
  const overlapP = ratio(predictedOverlap, predicted), overlapR = ratio(goldOverlap, gold.length);
  const lenientP = ratio(predictedOverlap, predicted - predictedScare);
  const speakerRight = Object.values(speaker).reduce((s, [r]) => s + r, 0);
  const speakerTotal = Object.values(speaker).reduce((s, [, t]) => s + t, 0);
  const acc = (k: string) => ratio(speaker[k][0], speaker[k][1]);

  const rows: [string, string, string, string][] = [
    ['quotes, exact span', fmt(exactP), fmt(exactR), fmt(f1(exactP, exactR))],
    ['quotes, overlap', fmt(overlapP), fmt(overlapR), fmt(f1(overlapP, overlapR))],
    ['quotes, overlap, scare quotes as don\'t care', fmt(lenientP), fmt(overlapR), fmt(f1(lenientP, overlapR))],
  ];
  console.log(`PolNeAR ${split}: ${files.length} articles, ${gold.length} gold quotations, ${predicted} predicted (${predictedScare} of them on scare quotes or titles)\n`);
  console.log(`${'measure'.padEnd(46)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)}`);
  for (const [name, p, r, f] of rows) console.log(`${name.padEnd(46)} ${p.padStart(9)} ${r.padStart(9)} ${f.padStart(9)}`);
  console.log('');
  console.log(`${'speaker mention accuracy, found quotations'.padEnd(46)} ${'accuracy'.padStart(9)} ${'n'.padStart(9)}`);
  console.log(`${'  all'.padEnd(46)} ${fmt(ratio(speakerRight, speakerTotal)).padStart(9)} ${String(speakerTotal).padStart(9)}`);
  for (const [k, label] of [['named', 'named'], ['pronoun', 'pronoun'], ['nominal', 'description']]) {
    console.log(`${`  ${label}`.padEnd(46)} ${fmt(acc(k)).padStart(9)} ${String(speaker[k][1]).padStart(9)}`);
  }
  console.log(`${'cue accuracy, found quotations'.padEnd(46)} ${fmt(ratio(cueRight, cueTotal)).padStart(9)} ${String(cueTotal).padStart(9)}`);
  console.log(`${'analysis speed'.padEnd(46)} ${(chars / 1e6 / elapsed).toFixed(1).padStart(9)} M chars/s`);

  const show = (title: string, list: string[]) => {
    if (!list.length || worstCount <= 0) return;
    console.log(`\n${title} (${list.length}; first ${Math.min(worstCount, list.length)}):`);
    for (const line of list.slice(0, worstCount)) console.log(`  ${line}`);
  };
  show('Missed quotations', missed);
  show('Quotations with the wrong speaker mention', wrongSpeaker);
  show('Predicted quotations that are not in the gold', spurious);

  const targets = [
    f1(overlapP, overlapR) >= 0.99, f1(exactP, exactR) >= 0.98, ratio(speakerRight, speakerTotal) >= 0.9,
    acc('pronoun') >= 0.85, acc('nominal') >= 0.85,
  ];
  console.log(`\neval ${split}: quotes overlap F1 ${fmt(f1(overlapP, overlapR))}, exact F1 ${fmt(f1(exactP, exactR))}, speaker ${fmt(ratio(speakerRight, speakerTotal))} (pronoun ${fmt(acc('pronoun'))}, description ${fmt(acc('nominal'))}), cue ${fmt(ratio(cueRight, cueTotal))}; targets met ${targets.filter(Boolean).length}/${targets.length}`);
  return 0;
}

process.exitCode = main();
