/**
 * `npm run bench:analyze`: the command line over ../shared/eval-data/allsides-scale/articles
 * (10,000 articles, 60 MB), end to end (`--json` to a file, cross-source matches included), against
 * a bare pass over the same files in this process that only reads them and splits them into words.
 * Prints MB/s for both, their ratio, the command line's CPU time and peak memory, and the load
 * average, since other work on the machine slows both. The readable summary (no `--json`) is timed
 * too: it runs the analysis alone, without the cross-source matching. Skips when the corpus is absent.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'allsides-scale', 'articles');
const cli = path.join(repoRoot, 'dist', 'cli', 'main.js');

function bareReadAndSplit(files: readonly string[]): { seconds: number; bytes: number; words: number } {
  const began = process.hrtime.bigint();
  let bytes = 0;
  let words = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    words += text.split(/\s+/).length;
  }
  return { seconds: Number(process.hrtime.bigint() - began) / 1e9, bytes, words };
}

function main(): number {
  if (!fs.existsSync(corpus)) {
    console.log(`bench:analyze skipped: corpus not found at ${corpus}`);
    return 0;
  }
  if (!fs.existsSync(cli)) {
    console.log(`bench:analyze: build the command line first (npm run build); ${cli} is missing`);
    return 1;
  }
  const files = fs.readdirSync(corpus).filter(f => f.endsWith('.txt')).map(f => path.join(corpus, f));
  bareReadAndSplit(files.slice(0, 200)); // warm the page cache and the JIT alike for both runs
  const bare = bareReadAndSplit(files);
  const megabytes = bare.bytes / 1e6;

  const runCli = (args: readonly string[]) => {
    const output = path.join(os.tmpdir(), `news-annotator-bench-${process.pid}.out`);
    const began = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, ...args, '--stats', corpus], { stdio: ['ignore', fs.openSync(output, 'w'), 'pipe'], encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const stats = /CPU ([\d.]+) s, peak memory (\d+) MB/.exec(run.stderr ?? '');
    const result = { seconds, ok: run.status === 0 && stats !== null, stderr: run.stderr, cpu: stats?.[1] ?? '?', peak: Number(stats?.[2] ?? 0), outputBytes: fs.statSync(output).size, output: args.includes('--json') ? fs.readFileSync(output, 'utf8') : '' };
    fs.rmSync(output);
    return result;
  };
  const json = runCli(['--json']);
  const summary = runCli([]);
  if (!json.ok || !summary.ok) {
    console.log(`the command line failed: ${json.stderr}${summary.stderr}`);
    return 1;
  }
  const documents = (JSON.parse(json.output) as { documents: unknown[] }).documents.length;
  const { seconds } = json;
  const stats = [json.cpu, String(json.peak)];

  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB; ${os.cpus().length} cores, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
  console.log(`bare read + split into words (this process): ${bare.seconds.toFixed(2)} s, ${(megabytes / bare.seconds).toFixed(1)} MB/s, ${bare.words} words`);
  console.log(`news-annotator --json (end to end, ${documents} documents, ${(json.outputBytes / 1e6).toFixed(1)} MB of JSON, cross-source matches included): ${seconds.toFixed(2)} s, ${(megabytes / seconds).toFixed(1)} MB/s, CPU ${stats[0]} s, peak memory ${stats[1]} MB`);
  console.log(`news-annotator summary (analysis only, no cross-source matching): ${summary.seconds.toFixed(2)} s, ${(megabytes / summary.seconds).toFixed(1)} MB/s, CPU ${summary.cpu} s, peak memory ${summary.peak} MB`);
  console.log(`ratio, command line / bare pass: ${(seconds / bare.seconds).toFixed(1)}x`);
  const met = megabytes / seconds >= 10 && Number(stats[1]) < 1024;
  console.log(`bench:analyze: --json ${(megabytes / seconds).toFixed(1)} MB/s (summary ${(megabytes / summary.seconds).toFixed(1)} MB/s), peak ${stats[1]} MB, ${(seconds / bare.seconds).toFixed(1)}x the bare pass; target (>= 10 MB/s, < 1024 MB) ${met ? 'met' : 'not met'}`);
  return 0;
}

process.exitCode = main();
