/**
 * `npm run bench:analyze`: the command line over ../shared/eval-data/allsides-scale/articles
 * (10,000 articles, 60 MB), end to end (`--json` to a file, cross-source matches included), against
 * a bare pass over the same files in this process that only reads them and splits them into words.
 * Prints MB/s for both, their ratio, the command line's CPU time and peak memory, and the load
 * average, since other work on the machine slows both. The readable summary (no `--json`) is timed
 * too: the analysis end to end, without the cross-source matching. The bare pass is also timed
 * shared among one thread per core, a baseline that uses the machine as the command line does.
 * `--runs N` (3 unless given) rounds of all; each mode's middle round is reported. Skips when the corpus is absent.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, Worker, workerData } from 'worker_threads';

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

/**
 * The bare pass with the files shared among one thread per core, as the command line shares them:
 * a baseline that, like the command line, needs every core, so that the ratio to it stays put when
 * another load on the machine takes part of a core. Each thread runs this script, which then does
 * `bareReadAndSplit` over its share (see the end of the file).
 */
async function bareOnEveryCore(files: readonly string[]): Promise<{ seconds: number }> {
  const threads = os.availableParallelism();
  const began = process.hrtime.bigint();
  await Promise.all(Array.from({ length: threads }, (_, t) => new Promise<void>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: files.filter((_, i) => i % threads === t) });
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  })));
  return { seconds: Number(process.hrtime.bigint() - began) / 1e9 };
}

async function main(): Promise<number> {
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
  // command line, and for each mode the round in the middle (by its time) is the one reported.
  const rounds: { bare: ReturnType<typeof bareReadAndSplit>; bareEveryCore: { seconds: number }; json: ReturnType<typeof runCli>; summary: ReturnType<typeof runCli> }[] = [];
  const megabytes = bareReadAndSplit(files).bytes / 1e6;
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB; ${os.cpus().length} cores, load average ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
  for (let round = 1; round <= runs; round++) {
    const bare = bareReadAndSplit(files);
    const bareEveryCore = await bareOnEveryCore(files);
    const json = runCli(['--json']);
    const summary = runCli([]);
    if (!json.ok || !summary.ok) {
      console.log(`the command line failed: ${json.stderr}${summary.stderr}`);
      return 1;
    }
    rounds.push({ bare, bareEveryCore, json, summary });
    console.log(`round ${round}: bare pass ${bare.seconds.toFixed(2)} s (on every core ${bareEveryCore.seconds.toFixed(2)} s); --json ${json.seconds.toFixed(2)} s (${(megabytes / json.seconds).toFixed(1)} MB/s, CPU ${json.cpu.toFixed(2)} s, peak ${json.peak} MB, ${(json.seconds / bare.seconds).toFixed(1)}x the bare pass); summary ${summary.seconds.toFixed(2)} s (${(megabytes / summary.seconds).toFixed(1)} MB/s, CPU ${summary.cpu.toFixed(2)} s); load average ${os.loadavg()[0].toFixed(1)}`);
  }
  // Each mode's middle round by its own time, and the bare passes of that round.
  const middle = (time: (r: typeof rounds[number]) => number) => [...rounds].sort((x, y) => time(x) - time(y))[Math.floor((rounds.length - 1) / 2)];
  const jsonRound = middle(r => r.json.seconds);
  const summaryRound = middle(r => r.summary.seconds);
  const { json } = jsonRound;
  const { summary } = summaryRound;
  const documents = (JSON.parse(json.output) as { documents: unknown[] }).documents.length;
  const peak = Math.max(...rounds.map(r => r.json.peak), ...rounds.map(r => r.summary.peak));
  const speed = (seconds: number) => `${(megabytes / seconds).toFixed(1)} MB/s`;
  const ratios = (seconds: number, round: typeof rounds[number]) =>
    `${(seconds / round.bare.seconds).toFixed(1)}x the bare pass, ${(seconds / round.bareEveryCore.seconds).toFixed(1)}x the bare pass on every core`;
  console.log(`middle round of ${rounds.length} for each:`);
  console.log(`bare read + split into words (this process): ${jsonRound.bare.seconds.toFixed(2)} s, ${speed(jsonRound.bare.seconds)}, ${jsonRound.bare.words} words`);
  console.log(`bare pass on every core (${os.availableParallelism()} threads, starting them included): ${jsonRound.bareEveryCore.seconds.toFixed(2)} s, ${speed(jsonRound.bareEveryCore.seconds)}`);
  console.log(`news-annotator (the readable summary: every quotation and its speaker, the speakers across articles): ${summary.seconds.toFixed(2)} s, ${speed(summary.seconds)}, CPU ${summary.cpu.toFixed(2)} s, peak memory ${summary.peak} MB; ${ratios(summary.seconds, summaryRound)}`);
  console.log(`news-annotator --json (${documents} documents, ${(json.outputBytes / 1e6).toFixed(1)} MB of JSON, cross-source matches included): ${json.seconds.toFixed(2)} s, ${speed(json.seconds)}, CPU ${json.cpu.toFixed(2)} s, peak memory ${json.peak} MB; ${ratios(json.seconds, jsonRound)}`);
  const verdict = (seconds: number) => (megabytes / seconds >= 10 && peak < 1024 ? 'met' : 'not met');
  console.log(`bench:analyze: analysis ${speed(summary.seconds)} (target >= 10 MB/s, < 1024 MB: ${verdict(summary.seconds)}); with cross-source matching (--json) ${speed(json.seconds)} (${verdict(json.seconds)}); peak ${peak} MB`);
  return 0;
}

if (isMainThread) main().then(code => { process.exitCode = code; });
else bareReadAndSplit(workerData as string[]);
