/**
 * What the reader's views cost at scale: `npm run bench:views [-- --limit N]`.
 *
 * Over the articles of ../shared/eval-data/allsides-scale (read from there, never copied; the
 * benchmark says so and stops when they are absent), after analysing them all once, it times:
 * - the Speakers view's rows (`buildSpeakerTree`), as the view rebuilds them after a change, with
 *   the workspace speaker merge at hand (as the live model caches it) and with the merge included;
 * - semantic tokens for every article, as the editor asks for them one article at a time;
 * and, in the same run, a baseline that does the least any view must do: one pass over every
 * quotation of every article. Each figure is printed with its ratio to the baseline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, mergeSpeakers } from '../src/core/analyze';
import { semanticTokensFor } from '../src/core/semanticTokens';
import { buildSpeakerTree, type TreeArticle } from '../src/core/speakerTree';

const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;
const corpus = path.resolve(process.cwd(), '..', 'shared', 'eval-data', 'allsides-scale', 'articles');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : entry.name.endsWith('.txt') ? [file] : [];
  });
}

/** Median milliseconds of `runs` runs of `work` (the first run warms up and is not counted). */
function time(runs: number, work: () => unknown): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`bench:views: ${corpus} is absent; nothing to measure.`);
    return;
  }
  const files = filesUnder(corpus).sort().slice(0, limit);
  const started = Date.now();
  const articles: TreeArticle[] = files.map(file => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return { id: file, label: path.relative(corpus, file), text, analysis: analyzeArticle(text) };
  });
  const quotes = articles.reduce((n, a) => n + a.analysis.quotes.length, 0);
  console.log(`bench:views: ${articles.length} articles, ${quotes} quotations (read and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const baseline = time(5, () => {
    let words = 0;
    for (const article of articles) for (const quote of article.analysis.quotes) words += quote.text.length + (quote.speaker?.length ?? 0);
    return words;
  });
  const people = mergeSpeakers(articles.map(a => a.analysis));
  const rows = time(5, () => buildSpeakerTree(articles, { people }));
  const rowsWithMerge = time(3, () => buildSpeakerTree(articles));
  const tokens = time(3, () => {
    let count = 0;
    for (const article of articles) count += semanticTokensFor(article.text, article.analysis).length;
    return count;
  });

  const line = (name: string, ms: number, per: string) =>
    console.log(`  ${name.padEnd(46)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / baseline).toFixed(0).padStart(6)}x baseline  ${per}`);
  console.log(`  ${'baseline: one pass over every quotation'.padEnd(46)} ${baseline.toFixed(1).padStart(9)} ms`);
  line('Speakers view rows (speaker merge at hand)', rows, `${buildSpeakerTree(articles, { people }).length} rows`);
  line('Speakers view rows (merge included)', rowsWithMerge, '');
  line('semantic tokens, every article', tokens, `${(tokens / articles.length * 1000).toFixed(0)} µs per article`);
  console.log('bench:views: done');
}

main();
