/**
 * `news-annotator [--json] [--cue-verb VERB]... <file or folder>...`
 *
 * Analyses every article given (folders are searched for `*.txt`) and prints, per article, its
 * speakers and their quotations; `--json` prints the machine-readable report instead. A file that
 * cannot be read or decoded is reported on stderr and the exit code is 1, but every other file is
 * still analysed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, mergeSpeakers } from '../core/analyze';
import { matchArticles } from '../core/crossSource/matchArticles';
import { decodeArticle } from '../core/text';
import type { AnalysisOptions, ArticleAnalysis, Quote, Span } from '../core/types';

/** One analysed file: its path as the user gave it, its text and what the analysis found. */
export interface AnalysedDocument {
  readonly file: string;
  readonly text: string;
  readonly analysis: ArticleAnalysis;
}

/** A cross-source match in the `--json` shape; offsets as in the quotations. */
export interface JsonMatch {
  readonly a: { readonly file: string; readonly start: number; readonly end: number };
  readonly b: { readonly file: string; readonly start: number; readonly end: number };
  readonly kind: 'exact' | 'contained' | 'edited';
  readonly score: number;
}

/** Finds the cross-source matches among the analysed documents; the report's `matches`. */
export type MatchFinder = (documents: readonly AnalysedDocument[]) => JsonMatch[];

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: news-annotator [--json] [--cue-verb VERB]... <file or folder>...

Finds every quotation in news articles (plain-text files; folders are searched for *.txt)
and who said it.

  --json            print the report as JSON (documents, speakers, matches)
  --cue-verb VERB   count VERB as a speech verb too (repeatable), e.g. --cue-verb quip
  -h, --help        show this help
`;

interface Arguments {
  readonly json: boolean;
  readonly paths: string[];
  readonly cueVerbs: string[];
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const paths: string[] = [];
  const cueVerbs: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { paths.push(...argv.slice(i + 1)); break; }
    if (arg === '--json') json = true;
    else if (arg === '--cue-verb') {
      const verb = argv[++i];
      if (!verb) return '--cue-verb needs a verb';
      cueVerbs.push(verb);
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else paths.push(arg);
  }
  return { json, paths, cueVerbs };
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

/** Reads and analyses one file, or says why it cannot be. */
function analyseFile(file: string, options: AnalysisOptions): AnalysedDocument | string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return `${file}: not analysed: ${decoded.reason}`;
  return { file, text: decoded.text, analysis: analyzeArticle(decoded.text, options) };
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

function speakersJson(documents: readonly AnalysedDocument[]) {
  return mergeSpeakers(documents.map(d => d.analysis)).map(s => ({
    name: s.name, aliases: s.aliases, titles: s.titles, quotes: s.quotes, documents: s.documents,
  }));
}

/** Writes the `--json` report a document at a time, so a large corpus never becomes one string. */
function writeJson(documents: readonly AnalysedDocument[], matches: readonly JsonMatch[], output: Output): void {
  output.out('{"documents":[');
  documents.forEach((d, i) => {
    output.out(`${i ? ',' : ''}\n${JSON.stringify({ file: d.file, quotes: d.analysis.quotes.map(quoteJson) })}`);
  });
  output.out(`\n],"speakers":${JSON.stringify(speakersJson(documents))},\n"matches":${JSON.stringify(matches)}}\n`);
}

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

/** The readable summary: per article, each speaker with their quotations, then the workspace's speakers. */
function writeSummary(documents: readonly AnalysedDocument[], output: Output): void {
  for (const { file, text, analysis } of documents) {
    const starts = lineStarts(text);
    const quoted = analysis.quotes.filter(q => q.kind !== 'other');
    output.out(`${file}${analysis.headline ? `  "${clip(oneLine(analysis.headline.text), 70)}"` : ''}\n`);
    output.out(`  ${quoted.length} quotation${quoted.length === 1 ? '' : 's'}, ${analysis.speakers.length} speaker${analysis.speakers.length === 1 ? '' : 's'}\n`);
    const bySpeaker = new Map<string, Quote[]>();
    for (const q of quoted) {
      const key = q.speaker ?? '(no speaker found)';
      bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
    }
    for (const [speaker, quotes] of bySpeaker) {
      const record = analysis.speakers.find(s => s.name === speaker);
      const also = record && (record.titles.length || record.aliases.length) ? ` (${[...record.titles, ...record.aliases].join('; ')})` : '';
      output.out(`  ${speaker}${also}\n`);
      for (const q of quotes) {
        const how = q.cue ? `${q.speakerMention ? `${oneLine(q.speakerMention.text)} ` : ''}${q.cue.text}, ${q.evidence}, ${q.confidence.toFixed(2)}` : q.evidence;
        output.out(`    line ${lineOf(starts, q.start)}  ${q.kind.padEnd(8)} “${clip(oneLine(q.text), 80)}”  [${how}]\n`);
      }
    }
    output.out('\n');
  }
  const speakers = speakersJson(documents).filter(s => s.quotes > 0);
  if (documents.length > 1 && speakers.length) {
    output.out('Speakers across all articles\n');
    for (const s of speakers) output.out(`  ${s.name}: ${s.quotes} quotation${s.quotes === 1 ? '' : 's'} in ${s.documents} article${s.documents === 1 ? '' : 's'}\n`);
  }
}

/** Runs the command line; returns the exit code (0 fine, 1 some input unreadable, 2 usage). */
export function run(argv: readonly string[], output: Output, findMatches?: MatchFinder): number {
  const args = parseArguments(argv);
  if (typeof args === 'string' || argv.includes('-h') || argv.includes('--help') || args.paths.length === 0) {
    const wantedHelp = typeof args !== 'string' && args.paths.length > 0 || argv.includes('-h') || argv.includes('--help');
    if (typeof args === 'string') output.err(`news-annotator: ${args}\n`);
    (wantedHelp ? output.out : output.err)(USAGE);
    return wantedHelp ? 0 : 2;
  }
  const problems: string[] = [];
  const options: AnalysisOptions = { extraCueVerbs: args.cueVerbs };
  const documents: AnalysedDocument[] = [];
  for (const given of args.paths) {
    for (const file of collectFiles(given, problems)) {
      const result = analyseFile(file, options);
      if (typeof result === 'string') problems.push(result);
      else documents.push(result);
    }
  }
  for (const problem of problems) output.err(`news-annotator: ${problem}\n`);
  if (args.json) writeJson(documents, findMatches ? findMatches(documents) : [], output);
  else writeSummary(documents, output);
  return problems.length ? 1 : 0;
}

if (require.main === module) {
  // `news-annotator ... | head` closes the pipe early; that is not an error.
  process.stdout.on('error', e => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  process.exitCode = run(process.argv.slice(2), {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
  }, documents => matchArticles(documents) ?? []);
}
