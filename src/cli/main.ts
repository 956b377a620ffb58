/**
 * `news-annotator [--json] [--cue-verb VERB]... <file or folder>...`
 *
 * Analyses every article given (folders are searched for `*.txt`) and prints, per article, its
 * speakers and their quotations; `--json` prints the machine-readable report instead. A file that
 * cannot be read or decoded is reported on stderr and the exit code is 1, but every other file is
 * still analysed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { analyzeArticle, type ArticleSpeakers, primeAnalysis, SpeakerMerger, type WorkspaceSpeaker } from '../core/analyze';
import { ArticleMatcher, shareOfMatches } from '../core/crossSource/matchArticles';
import type { CrossSourceMatch, MatcherSnapshot, QuoteInput } from '../core/crossSource/matcher';
import { quoteSpansOf } from '../core/crossSource/quoteSpans';
import { decodeArticle } from '../core/text';
import { EXPORT_FORMATS, type ExportFormat, exportAnnotations } from './exportAnnotations';
import type { AnalysisOptions, ArticleAnalysis, Quote, Span } from '../core/types';

/** What a run prints: the `--json` report, the readable summary, or an export of the annotations. */
type Mode = 'json' | 'summary' | 'export';

/** One analysed file: its path as the user gave it, and what the run needs of its text and analysis. */
export interface AnalysedDocument {
  readonly file: string;
  /** The decoded text, for exports; empty otherwise. */
  readonly text: string;
  /** Length of the decoded text, in UTF-16 code units. */
  readonly characters: number;
  /**
   * The parts of the analysis the run uses (structure stays behind in the worker). The quotations
   * are there for exports only: for a report, `entry` has them, and copying them between threads costs.
   */
  readonly analysis: Pick<ArticleAnalysis, 'headline' | 'quotes' | 'speakers'>;
  /** Who said each quotation (null: no one found), for the speakers across all documents. */
  readonly quoteSpeakers: readonly (string | null)[];
  /**
   * The document's part of the report (its `--json` entry, or its block of the summary) in UTF-8,
   * written where it was analysed; empty for exports. Bytes, not a string: the thread that writes
   * the report then has nothing to encode.
   */
  readonly entry: Uint8Array;
  /** The quotations as cross-source matching reads them (`--json`), found where it was analysed; empty otherwise. */
  readonly quoteSpans: readonly QuoteInput[];
}

/** A cross-source match in the `--json` shape; offsets as in the quotations. */
export interface JsonMatch {
  readonly a: { readonly file: string; readonly start: number; readonly end: number };
  readonly b: { readonly file: string; readonly start: number; readonly end: number };
  readonly kind: 'exact' | 'contained' | 'edited';
  readonly score: number;
}

export interface Output {
  /** Text, or UTF-8 bytes. */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  /** Where a long run shows how far it has got: a terminal line, rewritten in place. No progress when absent. */
  progress?(text: string): void;
}

/** A run shows its progress once it has taken this long (ms), and updates it at most this often. */
const PROGRESS_AFTER = 500;
const PROGRESS_EVERY = 200;

/** `1200 of 10000 files analysed` on one terminal line: shown once a run has taken a while, rewritten in place, cleared at the end. */
export class ProgressLine {
  private count = 0;
  private shownAt = 0;
  /** Something is on the line now. */
  private onLine = false;

  constructor(
    private readonly show: (text: string) => void,
    private readonly total: number,
    private readonly began: number,
    private readonly now: () => number = Date.now,
  ) {}

  fileDone(): void {
    this.count++;
    const now = this.now();
    if (now - this.began < PROGRESS_AFTER || now - this.shownAt < PROGRESS_EVERY) return;
    this.shownAt = now;
    this.write(`news-annotator: ${this.count} of ${this.total} files analysed`);
  }

  /** What the run does next, on the same line, once the run has been long enough to show any. */
  stage(text: string): void {
    if (this.shownAt) this.write(`news-annotator: ${text}`);
  }

  /** Clears the line, before anything else is written to the terminal. */
  clear(): void {
    if (this.onLine) this.show('\r\x1b[K');
    this.onLine = false;
  }

  private write(text: string): void {
    this.show(`\r\x1b[K${text}`);
    this.onLine = true;
  }
}

const USAGE = `Usage: news-annotator [--json] [--cue-verb VERB]... <file or folder>...

Finds every quotation in news articles (plain-text files; folders are searched for *.txt)
and who said it.

  --json            print the report as JSON (documents, speakers, matches)
  --cue-verb VERB   count VERB as a speech verb too (repeatable), e.g. --cue-verb quip
  --stats           print files, size, time and peak memory on stderr when done
  --export FORMAT   export the quotations with hand corrections and annotations (from each
                    folder's news-annotations.jsonld): jsonld (W3C Web Annotations), csv
                    (one row per quotation) or brat (.ann files, needs --out DIR)
  --out PATH        write the export to PATH (a file; a folder for brat) instead of stdout
  -h, --help        show this help
`;

interface Arguments {
  readonly json: boolean;
  readonly stats: boolean;
  readonly paths: string[];
  readonly cueVerbs: string[];
  readonly exportFormat?: ExportFormat;
  readonly out?: string;
}

const isHelp = (arg: string) => arg === '-h' || arg === '--help';

/** `-h` or `--help` anywhere among the options (not among the paths after `--`). */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some(isHelp);
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const paths: string[] = [];
  const cueVerbs: string[] = [];
  let json = false;
  let stats = false;
  let exportFormat: ExportFormat | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { paths.push(...argv.slice(i + 1)); break; }
    if (isHelp(arg)) continue; // answered before the arguments are read
    if (arg === '--json') json = true;
    else if (arg === '--stats') stats = true;
    else if (arg === '--cue-verb') {
      const verb = argv[++i];
      if (!verb) return '--cue-verb needs a verb';
      cueVerbs.push(verb);
    } else if (arg === '--export') {
      const format = argv[++i] as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) return `--export needs one of ${EXPORT_FORMATS.join(', ')}`;
      exportFormat = format;
    } else if (arg === '--out') {
      out = argv[++i];
      if (!out) return '--out needs a path';
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else paths.push(arg);
  }
  return { json, stats, paths, cueVerbs, exportFormat, out };
}

/** Files to analyse, in a stable order: files as given, folders searched for `*.txt`. */
function collectFiles(given: string, problems: string[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    problems.push(`${given}: no such file or folder`);
    return [];
  }
  if (!stat.isDirectory()) return [given];
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${dir}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
      if (isDir) walk(full);
      else if (entry.name.toLowerCase().endsWith('.txt')) files.push(full);
    }
  };
  walk(given);
  return files;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const utf8 = new TextEncoder();
const NO_BYTES = new Uint8Array(0);

/** Reads and analyses one file, or says why it cannot be. */
function analyseFile(file: string, options: AnalysisOptions, mode: Mode): AnalysedDocument | string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return `${file}: not analysed: ${decoded.reason}`;
  const { text } = decoded;
  const analysis = analyzeArticle(text, options);
  const { headline, quotes, speakers } = analysis;
  // Threads hand results over by copying: the text and the quotations go along only for exports.
  // Writing the document's part of the report and finding the spans to match here, on the analysis
  // threads, keeps that work off the single thread that writes the report.
  const entry = mode === 'json' ? utf8.encode(JSON.stringify({ file, quotes: quotes.map(quoteJson) }))
    : mode === 'summary' ? utf8.encode(documentSummary(file, text, analysis)) : NO_BYTES;
  const exported = mode === 'export';
  return {
    file, text: exported ? text : '', characters: text.length, analysis: { headline, quotes: exported ? quotes : [], speakers },
    quoteSpeakers: quotes.map(q => q.speaker), entry, quoteSpans: mode === 'json' ? quoteSpansOf(analysis) : [],
  };
}

/** Below this many files, starting worker threads costs more than it saves. */
const FILES_PER_WORKER = 32;
const WORKER_ROLE = 'news-annotator-analysis';

interface WorkerTask {
  readonly role: typeof WORKER_ROLE;
  readonly options: AnalysisOptions;
  readonly mode: Mode;
}

/** What a worker is asked once its files are analysed (`--json`): its share of the matching. */
interface PairingTask {
  readonly snapshot: MatcherSnapshot;
  readonly articles: readonly number[];
}

/**
 * Files go to a worker, and their results come back, sixteen at a time: each message costs, besides
 * its contents. They are handed out as the workers get through them, so that all finish together.
 */
const FILES_PER_MESSAGE = 16;

/** What a worker is asked: files to analyse (with their places in the list), its share of the matching, or nothing more. */
type TaskMessage = { readonly files: readonly (readonly [string, number])[] } | PairingTask | { readonly done: true };

type WorkerMessage = { readonly results: readonly (readonly [number, AnalysedDocument | string])[] } | { readonly share: CrossSourceMatch[] };

interface Analysis {
  /** The cross-source matches (`--json`), worked out on the analysis threads where there are any. */
  readonly matches: (matcher: ArticleMatcher) => Promise<JsonMatch[]>;
}

/** A copy of `value` whose typed arrays lie in shared memory: posted to several threads, they are not copied for each. */
function inSharedMemory<T>(value: T): T {
  if (ArrayBuffer.isView(value)) {
    const array = value as unknown as Uint8Array;
    const shared = new (array.constructor as Uint8ArrayConstructor)(new SharedArrayBuffer(array.byteLength));
    shared.set(array);
    return shared as unknown as T;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, inSharedMemory(field)])) as T;
}

/**
 * Analyses files on every core; each result is handed to `onResult`, in the order of `files`, as soon
 * as it and all before it are in, and is not kept. With `--json`, the workers then share out the
 * pairing of the quotations, which only starts once every article is indexed.
 */
function analyseFiles(
  files: readonly string[], options: AnalysisOptions, mode: Mode, onResult: (result: AnalysedDocument | string) => void,
): Promise<Analysis> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const workers = Math.min(cores, 8, Math.floor(files.length / FILES_PER_WORKER));
  if (workers < 2) {
    for (const file of files) onResult(analyseFile(file, options, mode));
    return Promise.resolve({ matches: matcher => Promise.resolve(matcher.matches() ?? []) });
  }
  /** Results in before some of those ahead of them, by place in `files`. */
  const early = new Map<number, AnalysedDocument | string>();
  const shares: CrossSourceMatch[][] = [];
  let handedOver = 0;
  let sharesDone: () => void;
  let failed: (e: Error) => void;
  const sharesIn = new Promise<void>((resolve, reject) => { sharesDone = resolve; failed = reject; });
  sharesIn.catch(() => {}); // a failure is reported through the analysis itself when nobody waits for the shares
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    let handedOut = 0;
    const fail = (e: Error) => { reject(e); failed(e); };
    const handOut = (worker: Worker) => {
      if (handedOut === files.length) return;
      const chunk = files.slice(handedOut, handedOut + FILES_PER_MESSAGE).map((file, k) => [file, handedOut + k] as const);
      handedOut += chunk.length;
      worker.postMessage({ files: chunk } satisfies TaskMessage);
    };
    const matches = (matcher: ArticleMatcher) => {
      const snapshot = inSharedMemory(matcher.snapshot());
      const articles = Array.from({ length: workers }, () => [] as number[]);
      for (let a = 0; a < matcher.size; a++) articles[a % workers].push(a);
      threads.forEach((thread, w) => thread.postMessage({ snapshot, articles: articles[w] } satisfies TaskMessage));
      return sharesIn.then(() => matcher.matchesFromShares(shares));
    };
    for (let w = 0; w < workers; w++) {
      const task: WorkerTask = { role: WORKER_ROLE, options, mode };
      const worker = new Worker(__filename, { workerData: task });
      threads.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if ('share' in message) {
          shares.push(message.share);
          if (shares.length === workers) sharesDone();
          return;
        }
        handOut(worker);
        for (const [index, result] of message.results) early.set(index, result);
        for (let next = early.get(handedOver); next !== undefined; next = early.get(handedOver)) {
          early.delete(handedOver++);
          onResult(next);
        }
        if (handedOver < files.length) return;
        if (mode !== 'json') threads.forEach(thread => thread.postMessage({ done: true } satisfies TaskMessage));
        resolve({ matches: mode === 'json' ? matches : () => Promise.resolve([]) });
      });
      worker.on('error', fail);
      worker.on('exit', code => { if (code !== 0) fail(new Error(`an analysis worker stopped with code ${code}`)); });
      // Two messages ahead: a worker never waits for its next files.
      handOut(worker);
      handOut(worker);
    }
  });
}

const spanJson = (s: Span | null) => (s ? { start: s.start, end: s.end, text: s.text } : null);

function quoteJson(q: Quote) {
  return {
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    speakerMention: spanJson(q.speakerMention),
    cue: spanJson(q.cue),
    confidence: q.confidence,
  };
}

/** What the speakers across documents are merged from. */
const articleSpeakers = (d: AnalysedDocument): ArticleSpeakers => ({ quotes: d.quoteSpeakers.map(speaker => ({ speaker })), speakers: d.analysis.speakers });

const speakersJson = (speakers: readonly WorkspaceSpeaker[]) =>
  speakers.map(s => ({ name: s.name, aliases: s.aliases, titles: s.titles, quotes: s.quotes, documents: s.documents }));

/**
 * A report's bytes are gathered up to this many, or for this long (ms), before they are written: one
 * write per document would cost a system call each, and a reader watching the output should not
 * wait for a megabyte.
 */
const REPORT_CHUNK = 1 << 20;
const REPORT_EVERY = 250;

/**
 * A report written as its parts come in, so that a large corpus never becomes one string and no
 * document waits for the others: each document's part as soon as it and those before it are
 * analysed, then what takes them all.
 */
export class ReportOutput {
  private chunk: Uint8Array[] = [];
  private chunkLength = 0;
  private writtenAt: number;

  constructor(private readonly output: Output, private readonly now: () => number = Date.now) {
    this.writtenAt = now();
  }

  write(bytes: Uint8Array): void {
    this.chunk.push(bytes);
    this.chunkLength += bytes.length;
    if (this.chunkLength >= REPORT_CHUNK || this.now() - this.writtenAt >= REPORT_EVERY) this.flush();
  }

  flush(): void {
    if (this.chunk.length) this.output.out(Buffer.concat(this.chunk, this.chunkLength));
    this.chunk = [];
    this.chunkLength = 0;
    this.writtenAt = this.now();
  }
}

/** The `--json` report: the documents, then the speakers, then the matches. */
class JsonReport {
  private documents = 0;

  constructor(private readonly out: ReportOutput) {
    out.write(utf8.encode('{"documents":['));
  }

  /** `entry`: the document's entry, in UTF-8. */
  document(entry: Uint8Array): void {
    this.out.write(this.documents++ ? DOCUMENT_AFTER_FIRST : DOCUMENT_FIRST);
    this.out.write(entry);
  }

  async finish(speakers: readonly WorkspaceSpeaker[], matches: Promise<readonly JsonMatch[]>): Promise<void> {
    this.out.write(utf8.encode(`\n],"speakers":${JSON.stringify(speakersJson(speakers))},\n`));
    this.out.flush();
    this.out.write(utf8.encode(`"matches":${JSON.stringify(await matches)}}\n`));
    this.out.flush();
  }
}

const DOCUMENT_FIRST = utf8.encode('\n');
const DOCUMENT_AFTER_FIRST = utf8.encode(',\n');

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** An article's part of the readable summary: each speaker with their quotations, and the line each starts on. */
function documentSummary(file: string, text: string, analysis: ArticleAnalysis): string {
  const starts = lineStarts(text);
  const quoted = analysis.quotes.filter(q => q.kind !== 'other');
  const lines = [
    `${file}${analysis.headline ? `  "${clip(oneLine(analysis.headline.text), 70)}"` : ''}`,
    `  ${quoted.length} quotation${quoted.length === 1 ? '' : 's'}, ${analysis.speakers.length} speaker${analysis.speakers.length === 1 ? '' : 's'}`,
  ];
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of quoted) {
    const key = q.speaker ?? '(no speaker found)';
    const theirs = bySpeaker.get(key);
    if (theirs) theirs.push(q);
    else bySpeaker.set(key, [q]);
  }
  const records = new Map(analysis.speakers.map(s => [s.name, s]));
  for (const [speaker, quotes] of bySpeaker) {
    const record = records.get(speaker);
    const also = record && (record.titles.length || record.aliases.length) ? ` (${[...record.titles, ...record.aliases].join('; ')})` : '';
    lines.push(`  ${speaker}${also}`);
    for (const q of quotes) {
      const how = q.cue ? `${q.speakerMention ? `${oneLine(q.speakerMention.text)} ` : ''}${q.cue.text}, ${q.evidence}, ${q.confidence.toFixed(2)}` : q.evidence;
      lines.push(`    line ${lineOf(starts, q.start)}  ${q.kind.padEnd(8)} “${clip(oneLine(q.text), 80)}”  [${how}]`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

/** The summary's closing part, when there are several articles: their speakers taken together. */
function speakersSummary(speakers: readonly WorkspaceSpeaker[], documents: number): string {
  const quoted = speakers.filter(s => s.quotes > 0);
  if (documents < 2 || quoted.length === 0) return '';
  const lines = quoted.map(s => `  ${s.name}: ${s.quotes} quotation${s.quotes === 1 ? '' : 's'} in ${s.documents} article${s.documents === 1 ? '' : 's'}\n`);
  return `Speakers across all articles\n${lines.join('')}`;
}

/** Runs the command line; returns the exit code (0 fine, 1 some input unreadable, 2 usage). */
export async function run(argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE);
    return 0;
  }
  const args = parseArguments(argv);
  if (typeof args === 'string' || args.paths.length === 0) {
    if (typeof args === 'string') output.err(`news-annotator: ${args}\n`);
    output.err(USAGE);
    return 2;
  }
  const began = Date.now();
  const problems: string[] = [];
  const options: AnalysisOptions = { extraCueVerbs: args.cueVerbs };
  const documents: AnalysedDocument[] = [];
  let analysed = 0;
  let characters = 0;
  const files = args.paths.flatMap(given => collectFiles(given, problems));
  if (files.length === 0 && problems.length === 0) output.err('news-annotator: no articles found (folders are searched for *.txt files)\n');
  const mode: Mode = args.exportFormat ? 'export' : args.json ? 'json' : 'summary';
  const matcher = new ArticleMatcher();
  const reportOutput = new ReportOutput(output);
  const json = mode === 'json' ? new JsonReport(reportOutput) : null;
  const speakers = new SpeakerMerger();
  const progress = output.progress ? new ProgressLine(output.progress, files.length, began) : undefined;
  const onResult = (result: AnalysedDocument | string) => {
    progress?.fileDone();
    if (typeof result === 'string') {
      problems.push(result);
      return;
    }
    analysed++;
    characters += result.characters;
    if (mode === 'export') {
      documents.push(result);
      return;
    }
    // Written, indexed and merged now: nothing of the document is kept.
    if (json) {
      json.document(result.entry);
      matcher.add(result.file, result.quoteSpans);
    } else reportOutput.write(result.entry);
    speakers.add(articleSpeakers(result));
  };
  const analysis = await analyseFiles(files, options, mode, onResult);
  progress?.clear();
  for (const problem of problems) output.err(`news-annotator: ${problem}\n`);
  if (args.exportFormat) {
    const exported = exportAnnotations(documents, args.exportFormat, args.out, output);
    return Math.max(exported, problems.length ? 1 : 0);
  }
  if (json) {
    const matches = analysis.matches(matcher);
    progress?.stage('matching quotations across articles…');
    await json.finish(speakers.merged(), matches);
    progress?.clear();
  } else {
    reportOutput.write(utf8.encode(speakersSummary(speakers.merged(), analysed)));
    reportOutput.flush();
  }
  if (args.stats) {
    const megabytes = characters / 1e6;
    const seconds = (Date.now() - began) / 1000;
    const usage = process.resourceUsage();
    const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    output.err(`news-annotator: ${analysed} files, ${megabytes.toFixed(1)} M characters in ${seconds.toFixed(2)} s (${(megabytes / seconds).toFixed(1)} M/s), CPU ${cpu.toFixed(2)} s, peak memory ${(usage.maxRSS / 1024).toFixed(0)} MB\n`);
  }
  return problems.length ? 1 : 0;
}

if (!isMainThread && (workerData as WorkerTask | undefined)?.role === WORKER_ROLE) {
  const task = workerData as WorkerTask;
  // Each thread compiles the analysis afresh: primed, it compiles it for the paths articles take.
  primeAnalysis(task.options);
  parentPort!.on('message', (message: TaskMessage) => {
    if ('files' in message) {
      const results = message.files.map(([file, index]) => [index, analyseFile(file, task.options, task.mode)] as const);
      parentPort!.postMessage({ results } satisfies WorkerMessage);
      return;
    }
    if ('snapshot' in message) parentPort!.postMessage({ share: shareOfMatches(message.snapshot, message.articles) } satisfies WorkerMessage);
    parentPort!.close();
  });
} else if (require.main === module) {
  // `news-annotator ... | head` closes the pipe early; that is not an error.
  process.stdout.on('error', e => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  // Progress goes to a terminal, and not where a report is being written as it comes (exports are written at the end).
  const showProgress = process.stderr.isTTY && !(process.stdout.isTTY && !process.argv.includes('--export'));
  run(process.argv.slice(2), {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    progress: showProgress ? text => process.stderr.write(text) : undefined,
  }).then(
    code => { process.exitCode = code; },
    e => { process.stderr.write(`news-annotator: ${(e as Error).message}\n`); process.exitCode = 3; },
  );
}
