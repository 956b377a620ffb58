/**
 * `npm run bench:analyze`: the command line over ../shared/eval-data/allsides-scale/articles
 * (10,000 articles, 60 MB), end to end (`--json` to a file, cross-source matches included), against
 * a bare pass over the same files in this process that only reads them and splits them into words.
 * Prints MB/s for both, their ratio, the command line's CPU time and peak memory, and the load
 * average, since other work on the machine slows both. The readable summary (no `--json`) is timed
 * too: it runs the analysis alone, without the cross-source matching. `--runs N` (3 unless given)
 * rounds of all three; the middle one is reported. Skips when the corpus is absent.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'eval-data', 'allsides-scale', 'articles');
const cli = path.join(repoRoot, 'dist', 'cli', 'main.js');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 1) : 3;

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
  const runCli = (args: readonly string[]) => {
    const output = path.join(os.tmpdir(), `news-annotator-bench-${process.pid}.out`);
    const began = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, ...args, '--stats', corpus], { stdio: ['ignore', fs.openSync(output, 'w'), 'pipe'], encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const stats = /CPU ([\d.]+) s, peak memory (\d+) MB/.exec(run.stderr ?? '');
    const result = { seconds, ok: run.status === 0 && stats !== null, stderr: run.stderr, cpu: Number(stats?.[1] ?? 0), peak: Number(stats?.[2] ?? 0), outputBytes: fs.statSync(output).size, output: args.includes('--json') ? fs.readFileSync(output, 'utf8') : '' };
    fs.rmSync(output);
    return result;
  };

  // The machine's speed varies from minute to minute: each round times the bare pass next to the
  // command line, and the round in the middle (by the command line's time) is the one reported.
  const rounds: { bare: ReturnType<typeof bareReadAndSplit>; json: ReturnType<typeof runCli>; summary: ReturnType<typeof runCli> }[] = [];
  const megabytes = bareReadAndSplit(files).bytes / 1e6;
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB; ${os.cpus().length} cores, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
  for (let round = 1; round <= runs; round++) {
    const bare = bareReadAndSplit(files);
    const json = runCli(['--json']);
    const summary = runCli([]);
    if (!json.ok || !summary.ok) {
      console.log(`the command line failed: ${json.stderr}${summary.stderr}`);
      return 1;
    }
    rounds.push({ bare, json, summary });
    console.log(`round ${round}: bare pass ${bare.seconds.toFixed(2)} s; --json ${json.seconds.toFixed(2)} s (${(megabytes / json.seconds).toFixed(1)} MB/s, CPU ${json.cpu.toFixed(2)} s, peak ${json.peak} MB, ${(json.seconds / bare.seconds).toFixed(1)}x the bare pass); summary ${summary.seconds.toFixed(2)} s (${(megabytes / summary.seconds).toFixed(1)} MB/s, CPU ${summary.cpu.toFixed(2)} s); load average ${os.loadavg()[0].toFixed(1)}`);
  }
  const { bare, json, summary } = [...rounds].sort((x, y) => x.json.seconds - y.json.seconds)[Math.floor((rounds.length - 1) / 2)];
  const documents = (JSON.parse(json.output) as { documents: unknown[] }).documents.length;
  const peak = Math.max(...rounds.map(r => r.json.peak), ...rounds.map(r => r.summary.peak));
  console.log(`median round of ${rounds.length}:`);
  console.log(`bare read + split into words (this process): ${bare.seconds.toFixed(2)} s, ${(megabytes / bare.seconds).toFixed(1)} MB/s, ${bare.words} words`);
  console.log(`news-annotator --json (end to end, ${documents} documents, ${(json.outputBytes / 1e6).toFixed(1)} MB of JSON, cross-source matches included): ${json.seconds.toFixed(2)} s, ${(megabytes / json.seconds).toFixed(1)} MB/s, CPU ${json.cpu.toFixed(2)} s, peak memory ${json.peak} MB`);
  console.log(`news-annotator summary (analysis only, no cross-source matching): ${summary.seconds.toFixed(2)} s, ${(megabytes / summary.seconds).toFixed(1)} MB/s, CPU ${summary.cpu.toFixed(2)} s, peak memory ${summary.peak} MB`);
  console.log(`ratio, command line / bare pass: ${(json.seconds / bare.seconds).toFixed(1)}x`);
  const met = megabytes / json.seconds >= 10 && peak < 1024;
  console.log(`bench:analyze: --json ${(megabytes / json.seconds).toFixed(1)} MB/s (summary ${(megabytes / summary.seconds).toFixed(1)} MB/s), peak ${peak} MB, ${(json.seconds / bare.seconds).toFixed(1)}x the bare pass; target (>= 10 MB/s, < 1024 MB) ${met ? 'met' : 'not met'}`);
  return 0;
}

process.exitCode = main();
