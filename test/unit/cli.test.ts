import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProgressLine, ReportOutput } from '../../src/cli/main';
import { ArticleMatcher } from '../../src/core/crossSource/matchArticles';
import { quoteSpans } from '../../src/core/crossSource/quoteSpans';
import { decodeArticle } from '../../src/core/text';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The command line as `npm run build` bundles it, built afresh so the test runs the current source. */
let cli = '';
let work = '';

/** Runs the command line; stops it after `timeout` ms (its code is then null). */
function runCli(args: readonly string[], timeout = 60_000) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20, timeout });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const ARTICLE_ONE = [
  'Bridge Reopens: \u2018A Good Day\u2019',
  '',
  'Mayor Ana Ruiz said on Monday that the bridge would open in May.',
  '',
  '\u201cWe are ahead of schedule,\u201d said Tom Park, the city engineer. \u201cThe steel arrived early.\u201d',
  '',
].join('\n');
const ARTICLE_TWO = 'Council Meets\r\n\r\n\u201cIt is a good day,\u201d Ruiz told reporters.\r\n';

function decodeText(bytes: Uint8Array): string {
  const decoded = decodeArticle(bytes);
  assert.ok(decoded.ok);
  return decoded.text;
}

suite('Command line', function () {
  this.timeout(60_000);

  suiteSetup(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cli-'));
    cli = path.join(work, 'cli.js');
    esbuild.buildSync({ entryPoints: [path.join(repoRoot, 'src', 'cli', 'main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' });
    fs.mkdirSync(path.join(work, 'news', 'more'), { recursive: true });
    fs.writeFileSync(path.join(work, 'news', 'one.txt'), ARTICLE_ONE);
    // A BOM and Windows line ends: offsets count from the first character after the BOM.
    fs.writeFileSync(path.join(work, 'news', 'more', 'two.txt'), `\uFEFF${ARTICLE_TWO}`);
    fs.writeFileSync(path.join(work, 'news', 'notes.md'), '\u201cNot an article,\u201d nobody said.');
    fs.writeFileSync(path.join(work, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(work, 'latin1.txt'), Buffer.from('Caf\xe9 \x93quoted\x94 text', 'latin1'));
  });

  suiteTeardown(() => fs.rmSync(work, { recursive: true, force: true }));

  test('--json prints the documented shape, with offsets into the decoded text', () => {
    const { code, out, err } = runCli(['--json', 'news']);
    assert.strictEqual(code, 0, err);
    const report = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(report), ['documents', 'speakers', 'matches']);
    assert.deepStrictEqual(report.documents.map((d: { file: string }) => d.file), [path.join('news', 'more', 'two.txt'), path.join('news', 'one.txt')]);
    const one = report.documents[1];
    for (const q of one.quotes) {
      assert.deepStrictEqual(Object.keys(q), ['start', 'end', 'text', 'kind', 'speaker', 'speakerMention', 'cue', 'confidence']);
      assert.ok(['direct', 'partial', 'headline', 'other'].includes(q.kind));
      assert.ok(q.confidence >= 0 && q.confidence <= 1);
      const marked = ARTICLE_ONE.slice(q.start, q.end);
      assert.strictEqual(marked.slice(1, -1), q.text, 'start/end include the marks, text excludes them');
      if (q.speakerMention) assert.strictEqual(ARTICLE_ONE.slice(q.speakerMention.start, q.speakerMention.end), q.speakerMention.text);
      if (q.cue) assert.strictEqual(ARTICLE_ONE.slice(q.cue.start, q.cue.end), q.cue.text);
    }
    assert.deepStrictEqual(one.quotes.map((q: { text: string; speaker: string; kind: string }) => [q.text, q.speaker, q.kind]), [
      ['A Good Day', null, 'other'],
      ['We are ahead of schedule,', 'Tom Park', 'direct'],
      ['The steel arrived early.', 'Tom Park', 'direct'],
    ]);
    const two = report.documents[0].quotes[0];
    assert.strictEqual(ARTICLE_TWO.slice(two.start, two.end), '\u201cIt is a good day,\u201d', 'no BOM in the offsets, CRLF kept');
    assert.deepStrictEqual(two.speakerMention, { start: ARTICLE_TWO.indexOf('Ruiz'), end: ARTICLE_TWO.indexOf('Ruiz') + 4, text: 'Ruiz' });
    assert.deepStrictEqual(report.speakers.map((s: { name: string; quotes: number; documents: number }) => [s.name, s.quotes, s.documents]), [['Tom Park', 2, 1], ['Ruiz', 1, 1]]);
    assert.ok(Array.isArray(report.matches));
  });

  test('unreadable files get a clear message and exit code 1; the others are still analysed', () => {
    const { code, out, err } = runCli(['--json', 'binary.txt', 'latin1.txt', 'missing.txt', path.join('news', 'one.txt')]);
    assert.strictEqual(code, 1);
    assert.match(err, /binary\.txt: not analysed: it looks like a binary file/);
    assert.match(err, /latin1\.txt: not analysed: it is not valid UTF-8/);
    assert.match(err, /missing\.txt: no such file or folder/);
    const report = JSON.parse(out);
    assert.deepStrictEqual(report.documents.map((d: { file: string }) => d.file), [path.join('news', 'one.txt')]);
    assert.strictEqual(report.documents[0].quotes.length, 3);
  });

  test('the readable summary lists each speaker with their quotations', () => {
    const { code, out } = runCli(['news']);
    assert.strictEqual(code, 0);
    assert.match(out, /news\/one\.txt {2}"Bridge Reopens: ‘A Good Day’"/);
    assert.match(out, /Tom Park\n {4}line 5 {2}direct {3}“We are ahead of schedule,”/);
    assert.match(out, /Speakers across all articles\n {2}Tom Park: 2 quotations in 1 article\n {2}Ruiz: 1 quotation in 1 article/);
  });

  test('the summary of an article with 100,000 quotations by one speaker lists every one, in seconds', () => {
    const remarks = Array.from({ length: 50_000 }, (_, i) => `\u201cWe will build it, number ${i},\u201d Ann Lee said. \u201cIt is done.\u201d`);
    fs.writeFileSync(path.join(work, 'long.txt'), `Long Day\n\n${remarks.join(' ')}\n`);
    // About 2 s here; listing each speaker's quotations once took time growing with their square (25 s for 50,000; 100,000 did not finish in 30 s).
    const { code, out } = runCli(['long.txt'], 30_000);
    assert.strictEqual(code, 0, 'the command line did not finish in 30 s');
    assert.match(out, /^long\.txt {2}"Long Day"\n {2}100000 quotations, 1 speaker\n {2}Ann Lee\n/);
    assert.strictEqual(out.split('\n').filter(line => line.startsWith('    line 3  direct')).length, 100_000);
  });

  test('--cue-verb adds a speech verb', () => {
    fs.writeFileSync(path.join(work, 'chess.txt'), 'Chess Final\n\n\u201cNever,\u201d Ivan Petrov harrumphed.\n');
    const plain = JSON.parse(runCli(['--json', 'chess.txt']).out);
    const extended = JSON.parse(runCli(['--json', '--cue-verb', 'harrumph', 'chess.txt']).out);
    assert.strictEqual(plain.documents[0].quotes[0].speaker, null);
    assert.strictEqual(extended.documents[0].quotes[0].speaker, 'Ivan Petrov');
    assert.strictEqual(extended.documents[0].quotes[0].cue.text, 'harrumphed');
  });

  test('an empty file is an article without quotations; no paths is a usage error', () => {
    fs.writeFileSync(path.join(work, 'empty.txt'), '');
    const { code, out } = runCli(['--json', 'empty.txt']);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(out).documents, [{ file: 'empty.txt', quotes: [] }]);
    const usage = runCli([]);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.err, /^Usage: news-annotator/m);
    assert.strictEqual(runCli(['--bogus', 'x.txt']).code, 2);
  });

  test('a folder with no articles says so, and the report is empty', () => {
    fs.mkdirSync(path.join(work, 'nothing-here'));
    const { code, out, err } = runCli(['--json', 'nothing-here']);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(out), { documents: [], speakers: [], matches: [] });
    assert.match(err, /no articles found \(folders are searched for \*\.txt files\)/);
  });

  test('--help and -h print the usage on stdout, with no complaint', () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = runCli([flag]);
      assert.strictEqual(code, 0, flag);
      assert.match(out, /^Usage: news-annotator/m, flag);
      assert.strictEqual(err, '', flag);
    }
  });

  test('many files are analysed on several threads with the same result as one by one', () => {
    const folder = path.join(work, 'many');
    fs.mkdirSync(folder);
    for (let i = 0; i < 80; i++) fs.writeFileSync(path.join(folder, `a${String(i).padStart(3, '0')}.txt`), i % 4 === 1 || i % 4 === 2 ? ARTICLE_ONE : ARTICLE_TWO);
    const together = JSON.parse(runCli(['--json', 'many']).out);
    assert.strictEqual(together.documents.length, 80);
    const single = JSON.parse(runCli(['--json', path.join('many', 'a001.txt'), path.join('many', 'a002.txt')]).out);
    assert.deepStrictEqual(together.documents[1], single.documents[0]);
    assert.deepStrictEqual(together.documents[2], single.documents[1]);
    assert.deepStrictEqual(together.speakers.find((s: { name: string }) => s.name === 'Tom Park'), { name: 'Tom Park', aliases: [], titles: [], quotes: 80, documents: 40 });
    // The threads share out the pairing: the matches are those found on one thread, in the same order.
    const matcher = new ArticleMatcher();
    for (let i = 0; i < 80; i++) {
      const file = path.join('many', `a${String(i).padStart(3, '0')}.txt`);
      matcher.add(file, quoteSpans(decodeText(fs.readFileSync(path.join(work, file)))));
    }
    const expected = matcher.matches()!;
    assert.ok(expected.length > 80, `${expected.length} matches`);
    assert.deepStrictEqual(together.matches, JSON.parse(JSON.stringify(expected)));
  });

  test('the readable summary of many files, written on several threads, is each file\'s in order, then the speakers', () => {
    const many = (i: number) => path.join('many', `a${String(i).padStart(3, '0')}.txt`);
    if (!fs.existsSync(path.join(work, 'many'))) {
      fs.mkdirSync(path.join(work, 'many'));
      for (let i = 0; i < 80; i++) fs.writeFileSync(path.join(work, many(i)), i % 4 === 1 || i % 4 === 2 ? ARTICLE_ONE : ARTICLE_TWO);
    }
    const blocks = runCli(['many']).out.split('\n\n');
    // One by one (too few files for threads): the summary of each kind of article.
    const [two, one] = runCli([many(0), many(1)]).out.split('\n\n');
    assert.strictEqual(blocks.length, 80 + 1);
    for (let i = 0; i < 80; i++) {
      const template = i % 4 === 1 || i % 4 === 2 ? one.replace(many(1), many(i)) : two.replace(many(0), many(i));
      assert.strictEqual(blocks[i], template, many(i));
    }
    assert.strictEqual(blocks[80], 'Speakers across all articles\n  Tom Park: 80 quotations in 40 articles\n  Ruiz: 40 quotations in 40 articles\n');
  });
});

suite('Command line: the report as it comes', () => {
  test('parts are written together, a megabyte or a quarter of a second at a time, and the rest when flushed', () => {
    const written: string[] = [];
    let clock = 0;
    const report = new ReportOutput({ out: bytes => written.push(Buffer.from(bytes).toString()), err: () => {} }, () => clock);
    const part = (text: string) => new TextEncoder().encode(text);
    report.write(part('a'));
    clock = 100;
    report.write(part('b'));
    assert.deepStrictEqual(written, []);
    clock = 260;
    report.write(part('c'));
    assert.deepStrictEqual(written, ['abc']);
    report.write(part('x'.repeat(1 << 20)));
    assert.strictEqual(written.length, 2);
    report.write(part('d'));
    report.flush();
    assert.deepStrictEqual(written.slice(2), ['d']);
  });
});

suite('Command line: progress on a terminal', () => {
  test('a long run shows files done on one line, rewritten at most five times a second, then clears it', () => {
    const shown: string[] = [];
    let clock = 1000;
    const progress = new ProgressLine(text => shown.push(text), 3000, 1000, () => clock);
    for (let i = 0; i < 1000; i++) { clock += 1; progress.fileDone(); } // a file a millisecond: nothing for half a second
    assert.deepStrictEqual(shown, ['\r\x1b[Knews-annotator: 500 of 3000 files analysed', '\r\x1b[Knews-annotator: 700 of 3000 files analysed', '\r\x1b[Knews-annotator: 900 of 3000 files analysed']);
    progress.stage('matching quotations across articles…');
    progress.clear();
    progress.clear();
    assert.deepStrictEqual(shown.slice(3), ['\r\x1b[Knews-annotator: matching quotations across articles…', '\r\x1b[K']);
  });

  test('a short run shows nothing', () => {
    const shown: string[] = [];
    const progress = new ProgressLine(text => shown.push(text), 10, Date.now());
    for (let i = 0; i < 10; i++) progress.fileDone();
    progress.stage('matching quotations across articles…');
    progress.clear();
    assert.deepStrictEqual(shown, []);
  });
});
