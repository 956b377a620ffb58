/**
 * `npm run bench`: speed and memory of the workspace index and cross-source matching, over
 * ../shared/eval-data/allsides-scale (10,000 articles) and a synthetic corpus ten times its size,
 * generated from those articles into bench-output/ (git-ignored) on the first run. Every figure is
 * measured in this run, next to the baseline it is compared with. Run with `--max-old-space-size`
 * (set in package.json) so the 100,000-article corpus fits in the heap.
 *
 * Options: `--skip-synthetic` runs the real corpus only (the synthetic one runs in a process of its
 * own, so its memory is measured from a fresh start; `--synthetic-only` is that process).
 */
import { spawnSync } from 'child_process';
import { diffArrays } from 'diff';
import * as fs from 'fs';
import * as path from 'path';
import { alignWords, alignWordsByBisection } from '../src/core/crossSource/align';
import { forEachWord, tokenize } from '../src/core/crossSource/tokens';
import { decodeArticle } from '../src/core/text';
import { IndexedMatch, WorkspaceIndex } from '../src/core/workspaceIndex';

const repoRoot = path.resolve(__dirname, '..', '..');
const allsides = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'allsides-scale');
const syntheticDir = path.join(repoRoot, 'bench-output', 'synthetic-100000-v2');
const SYNTHETIC_ARTICLES = 100_000;

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A small seeded generator, so every run draws the same samples. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `run`, returning its result, the wall-clock time and the CPU time this process spent (ms). */
function timed<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const wall = performance.now() - started;
  const spent = process.cpuUsage(cpu);
  return [result, wall, (spent.user + spent.system) / 1000];
}

function time<T>(run: () => T): [T, number] {
  const [result, wall] = timed(run);
  return [result, wall];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'target met' : 'TARGET NOT MET');

function readText(file: string): string {
  const decoded = decodeArticle(fs.readFileSync(file));
  return decoded.ok ? decoded.text : '';
}

/** Sizes of the files, in bytes. */
function corpusBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
}

/** The baseline pass: read every file and split it into normalised words, nothing kept. */
function readAndTokenize(files: readonly string[]): number {
  let words = 0;
  for (const file of files) forEachWord(readText(file), () => words++);
  return words;
}

/** As the editor builds it: each file indexed as it is read, its text read back from disk when needed. */
function buildIndex(files: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex({ readText });
  for (const file of files) {
    index.upsert(file, readText(file));
    index.processPending();
  }
  return index;
}

interface QuoteSample {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** Random quotations of random articles, drawn from the index's own analysis of them. */
function sampleQuotes(index: WorkspaceIndex, files: readonly string[], count: number, seed: number): QuoteSample[] {
  const next = random(seed);
  const samples: QuoteSample[] = [];
  for (let attempts = 0; samples.length < count && attempts < count * 20; attempts++) {
    const file = files[Math.floor(next() * files.length)];
    const quotes = index.analysisFor(file)?.quotes ?? [];
    if (quotes.length === 0) continue;
    const quote = quotes[Math.floor(next() * quotes.length)];
    samples.push({ file, start: quote.start, end: quote.end });
  }
  return samples;
}

/**
 * quotesAt + matchesFor, as a hover does; returns the time of each lookup, without and with reading
 * the other articles' quotations (which analyses those articles for their speakers).
 */
function hoverTimes(index: WorkspaceIndex, samples: readonly QuoteSample[]): { rows: number[]; rowsCpu: number[]; speakers: number[] } {
  const rows: number[] = [];
  const rowsCpu: number[] = [];
  const speakers: number[] = [];
  for (const sample of samples) {
    index.analysisFor(sample.file); // the hovered article is open, so already analysed
    const [matches, lookup, lookupCpu] = timed(() => {
      const [quote] = index.quotesAt(sample.file, sample.start + 1);
      return quote ? index.matchesFor(sample.file, quote) : [];
    });
    const [, reading] = time(() => matches.map(m => m.quote?.speaker));
    rows.push(lookup);
    rowsCpu.push(lookupCpu);
    speakers.push(lookup + reading);
  }
  return { rows, rowsCpu, speakers };
}

/** Edits one quotation of an article that has matches, as a user typing in it would, and times the update (re-index and rematch). */
function updateTimes(index: WorkspaceIndex, matches: readonly IndexedMatch[], count: number): { wall: number[]; cpu: number[] } {
  const next = random(7);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const match = matches[Math.floor(next() * matches.length)];
    const text = index.textOf(match.a.uri)!;
    const at = match.a.start + Math.floor((match.a.end - match.a.start) / 2);
    const edited = text.slice(0, at) + ' really' + text.slice(at);
    const [, elapsed, spent] = timed(() => {
      index.upsert(match.a.uri, edited);
      index.processPending();
    });
    wall.push(elapsed);
    cpu.push(spent);
    index.upsert(match.a.uri, text);
    index.processPending();
  }
  return { wall, cpu };
}

const normalise = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ');

interface SilverPair {
  readonly a: { file: string; start: number; end: number; text: string };
  readonly b: { file: string; start: number; end: number; text: string };
}

/** Inner words of a quotation span (marks dropped) as the editor's search would be given them. */
const searchTextOf = (text: string) => normalise(text.replace(/^[\s"'“”‘’]+|[\s"'“”‘’.,;:!?]+$/g, ''));

/**
 * The baseline a user has without the index: search each quotation's text in every file, as the
 * editor's search does (case-insensitive, marks and whitespace normalised). Timed on a sample of
 * quotations and extrapolated to all of them; its recall on the silver pairs is exact.
 */
function baseline(files: readonly string[], quoteTexts: readonly string[], silver: readonly SilverPair[], totalQuotes: number) {
  const texts = files.map(file => normalise(readText(file)));
  const [hits, elapsed] = time(() => {
    let found = 0;
    for (const quote of quoteTexts) {
      const needle = searchTextOf(quote);
      if (needle.length === 0) continue;
      for (const text of texts) if (text.includes(needle)) found++;
    }
    return found;
  });
  const perQuote = elapsed / quoteTexts.length;
  const contains = (x: string, y: string) => {
    const needle = searchTextOf(x);
    return needle.length > 0 && normalise(y).includes(needle);
  };
  const recalled = silver.filter(p => contains(p.a.text, p.b.text) || contains(p.b.text, p.a.text)).length;
  return { perQuote, extrapolated: perQuote * totalQuotes, hits, recalled };
}

function silverRecall(matches: readonly IndexedMatch[], silver: readonly SilverPair[], root: string): number {
  const byFile = new Map<string, IndexedMatch[]>();
  for (const m of matches) for (const end of [m.a, m.b]) byFile.set(end.uri, [...(byFile.get(end.uri) ?? []), m]);
  const overlaps = (x: { file: string; start: number; end: number }, y: { uri: string; start: number; end: number }) =>
    path.join(root, x.file) === y.uri && x.start < y.end && y.start < x.end;
  return silver.filter(p =>
    (byFile.get(path.join(root, p.a.file)) ?? []).some(m =>
      (overlaps(p.a, m.a) && overlaps(p.b, m.b)) || (overlaps(p.a, m.b) && overlaps(p.b, m.a)))).length;
}

/** The word alignments one could use, on the word sequences of the matched pairs. */
function compareAligners(index: WorkspaceIndex, matches: readonly IndexedMatch[]): void {
  const ids = new Map<string, number>();
  const words = (end: IndexedMatch['a']) =>
    tokenize(index.textOf(end.uri)!.slice(end.start, end.end)).map(t => ids.get(t.norm) ?? ids.set(t.norm, ids.size).get(t.norm)!);
  const pairs = matches.slice(0, 5000).map(m => [words(m.a), words(m.b)] as const);
  const long = pairs.filter(([a, b]) => a.length >= 100 && b.length >= 100);
  // Candidates that turn out not to match look like this: two long quotations with little in common.
  const unrelated = long.map(([a], k) => [a, long[(k + 1) % long.length][1]] as const);
  const sets = [['matched, all', pairs], ['matched, both 100+ words', long], ['unrelated, both 100+ words', unrelated]] as const;
  for (const [label, set] of sets) {
    const [, table] = time(() => set.forEach(([a, b]) => alignWords(a, b)));
    const [, dmp] = time(() => set.forEach(([a, b]) => alignWordsByBisection(a, b)));
    const [, jsdiff] = time(() => set.forEach(([a, b]) => diffArrays(a, b)));
    console.log(`  word alignment of ${set.length} pairs (${label}): LCS table (used) ${ms(table)}, ` +
      `diff-match-patch over words ${ms(dmp)}, jsdiff diffArrays ${ms(jsdiff)}`);
  }
}

function memory(label: string, baseRss: number, bytes: number): void {
  gc();
  const usage = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`  memory ${label}: RSS ${(usage.rss / MB).toFixed(0)} MB (peak so far ${(peakRss / MB).toFixed(0)} MB), ` +
    `heap ${(usage.heapUsed / MB).toFixed(0)} MB, array buffers ${(usage.arrayBuffers / MB).toFixed(0)} MB; ` +
    `corpus ${(bytes / MB).toFixed(0)} MB; (RSS - ${(baseRss / MB).toFixed(0)} MB at start) / corpus = ${((usage.rss - baseRss) / bytes).toFixed(2)}x, ` +
    `peak RSS / corpus = ${(peakRss / bytes).toFixed(2)}x, (heap + array buffers) / corpus = ${((usage.heapUsed + usage.arrayBuffers) / bytes).toFixed(2)}x`);
}

function benchCorpus(name: string, files: readonly string[], silver: readonly SilverPair[] | null, isTargetRun: boolean): void {
  const bytes = corpusBytes(files);
  console.log(`\n== ${name}: ${files.length.toLocaleString('en-US')} articles, ${(bytes / MB).toFixed(1)} MB`);
  gc();
  const baseRss = process.memoryUsage().rss;
  readAndTokenize(files); // warms the file cache for both passes
  const [words, tokenizeMs, tokenizeCpu] = timed(() => readAndTokenize(files));
  console.log(`  bare read-and-tokenize pass: ${ms(tokenizeMs)} (CPU ${ms(tokenizeCpu)}; ${words.toLocaleString('en-US')} words, ${(bytes / MB / (tokenizeMs / 1000)).toFixed(1)} MB/s)`);
  const [index, buildMs, buildCpu] = timed(() => buildIndex(files));
  const buildRatio = buildMs / tokenizeMs;
  const buildCpuRatio = buildCpu / tokenizeCpu;
  console.log(`  index build (read, find quotations, index their words): ${ms(buildMs)} (CPU ${ms(buildCpu)}), ${(bytes / MB / (buildMs / 1000)).toFixed(1)} MB/s; ` +
    `${buildRatio.toFixed(2)}x the read-and-tokenize pass (CPU ${buildCpuRatio.toFixed(2)}x)${isTargetRun ? ` (<= 3x: ${verdict(Math.max(buildRatio, buildCpuRatio) <= 3)})` : ''}`);
  memory('after build', baseRss, bytes);

  // Warm-up hovers on other quotations first, so the figures measure the lookup rather than the JIT compiling it.
  const warmUp = hoverTimes(index, sampleQuotes(index, files, 200, 41)).rows.length;
  const samples = sampleQuotes(index, files, 1000, 42);
  const firstHovers = hoverTimes(index, samples);
  const p99 = percentile(firstHovers.rows, 99);
  console.log(`  hover lookup (quotesAt + matchesFor), ${samples.length} random quotations of open articles, first hover after indexing, before matches are worked out (a hover while the editor is still resolving them in the background), after ${warmUp} warm-up hovers:`);
  console.log(`    matches: p50 ${ms(percentile(firstHovers.rows, 50))}, p99 ${ms(p99)} (CPU p50 ${ms(percentile(firstHovers.rowsCpu, 50))}, p99 ${ms(percentile(firstHovers.rowsCpu, 99))})` +
    (isTargetRun ? ` (p99 <= 5 ms: ${verdict(p99 <= 5)})` : ''));
  console.log(`    matches and the speaker each other article gives (analysing those articles): p50 ${ms(percentile(firstHovers.speakers, 50))}, p99 ${ms(percentile(firstHovers.speakers, 99))}`);

  memory('after hovers', baseRss, bytes);
  const [matches, matchMs, matchCpu] = timed(() => index.allMatches()!);
  const across = matches.filter(m => !m.sameArticle).length;
  const quoteCount = index.quoteCount;
  console.log(`  all matches of all ${quoteCount.toLocaleString('en-US')} quotations: ${ms(matchMs)} (CPU ${ms(matchCpu)}) ` +
    `(${matches.length.toLocaleString('en-US')} pairs, ${across.toLocaleString('en-US')} between articles)`);
  memory('after matching', baseRss, bytes);
  const laterHovers = hoverTimes(index, sampleQuotes(index, files, 1000, 43));
  const laterP99 = percentile(laterHovers.rows, 99);
  console.log(`  hover lookup once all matches are worked out (as the editor does in the background with resolveMatches after indexing): matches p50 ${ms(percentile(laterHovers.rows, 50))}, p99 ${ms(laterP99)}` +
    (isTargetRun ? ` (p99 <= 5 ms: ${verdict(laterP99 <= 5)})` : '') + '; ' +
    `with the other articles' speakers p50 ${ms(percentile(laterHovers.speakers, 50))}, p99 ${ms(percentile(laterHovers.speakers, 99))}`);

  console.log(`  hover lookup p99: ${ms(p99)} before the background resolve of the hovered article's matches, ${ms(laterP99)} after` +
    (isTargetRun ? ` (both <= 5 ms: ${verdict(Math.max(p99, laterP99) <= 5)})` : ''));

  const updates = updateTimes(index, matches.filter(m => !m.sameArticle), 100);
  const updateP90 = percentile(updates.wall, 90);
  console.log(`  one-article update (edit a quotation; re-index the article and rematch it), ${updates.wall.length} edits: ` +
    `median ${ms(percentile(updates.wall, 50))}, p90 ${ms(updateP90)}, max ${ms(Math.max(...updates.wall))} ` +
    `(CPU median ${ms(percentile(updates.cpu, 50))}, p90 ${ms(percentile(updates.cpu, 90))}, max ${ms(Math.max(...updates.cpu))})` +
    (isTargetRun ? ` (<= 10 ms: ${verdict(updateP90 <= 10)} at p90)` : ''));
  if (silver) {
    compareAligners(index, matches);
    const next = random(5);
    const sampleTexts = Array.from({ length: 200 }, () => samples[Math.floor(next() * samples.length)])
      .map(s => index.textOf(s.file)!.slice(s.start, s.end));
    const base = baseline(files, sampleTexts, silver, quoteCount);
    const ours = silverRecall(matches, silver, allsides);
    const speedup = base.extrapolated / matchMs;
    console.log(`  baseline, searching each quotation's text in every file: ${ms(base.perQuote)} per quotation ` +
      `(${sampleTexts.length} sampled), so ${(base.extrapolated / 1000).toFixed(0)} s for all ${quoteCount.toLocaleString('en-US')} (extrapolated)`);
    console.log(`  speed: all-quotes matching ${speedup.toFixed(0)}x faster than the baseline (>= 100x: ${verdict(speedup >= 100)}); ` +
      `with the index build counted too, ${(base.extrapolated / (matchMs + buildMs)).toFixed(0)}x`);
    console.log(`  recall on the ${silver.length} silver pairs: ours ${(ours / silver.length).toFixed(3)} (${ours}), ` +
      `baseline ${(base.recalled / silver.length).toFixed(3)} (${base.recalled}) (higher: ${verdict(ours > base.recalled)})`);
  }
}

/**
 * A corpus ten times the size, with overlap like real coverage's: each synthetic article is a real
 * article, paragraphs shuffled, with a share of its words (quotations included) replaced by words
 * drawn from the corpus. Most get a heavy share replaced, so they read as other stories with the
 * corpus's word statistics; one in twenty gets a light share, so it carries the same quotations
 * lightly edited, as a second outlet's copy would; one in ten also borrows a paragraph of another.
 */
function ensureSynthetic(realFiles: readonly string[]): string[] {
  const marker = path.join(syntheticDir, 'complete');
  const files = Array.from({ length: SYNTHETIC_ARTICLES }, (_, i) => path.join(syntheticDir, `synthetic-${String(i).padStart(6, '0')}.txt`));
  if (fs.existsSync(marker)) return files;
  console.log(`\nGenerating ${SYNTHETIC_ARTICLES.toLocaleString('en-US')} synthetic articles into ${path.relative(repoRoot, syntheticDir)} (once)...`);
  fs.mkdirSync(syntheticDir, { recursive: true });
  const articles = realFiles.map(file => readText(file).split('\n\n'));
  const next = random(2024);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const pool = articles.slice(0, 500).flatMap(paragraphs => paragraphs.join(' ').match(/\p{L}+/gu) ?? []);
  files.forEach(file => {
    const [headline, ...body] = pick(articles);
    const paragraphs = [...body];
    if (next() < 0.1) paragraphs.push(pick(pick(articles).slice(1)));
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
    }
    const share = next() < 0.05 ? 0.02 : 0.5;
    const replaced = paragraphs.map(p => p.replace(/\p{L}+/gu, word => (next() < share ? pick(pool) : word)));
    fs.writeFileSync(file, [headline, ...replaced].join('\n\n'));
  });
  fs.writeFileSync(marker, '');
  return files;
}

function main(): void {
  const articlesDir = path.join(allsides, 'articles');
  if (!fs.existsSync(articlesDir)) {
    console.log(`Skipped: the benchmark corpus is not in ${allsides}.`);
    return;
  }
  const realFiles = fs.readdirSync(articlesDir).filter(f => f.endsWith('.txt')).sort().map(f => path.join(articlesDir, f));
  const silver = fs.readFileSync(path.join(allsides, 'cross_source_quote_matches_auto.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map(line => JSON.parse(line) as SilverPair);
  console.log(`Node ${process.version}, ${(process.memoryUsage().rss / MB).toFixed(0)} MB RSS at start.`);
  if (process.argv.includes('--synthetic-only')) {
    benchCorpus('synthetic, 10x', ensureSynthetic(realFiles), null, false);
    return;
  }
  benchCorpus('allsides-scale', realFiles, silver, true);
  if (process.argv.includes('--skip-synthetic')) return;
  // In a process of its own, so that its memory figures start from Node's own, not from this run's.
  spawnSync(process.execPath, [...process.execArgv, __filename, '--synthetic-only'], { stdio: 'inherit' });
}

main();
