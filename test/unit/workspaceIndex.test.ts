import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MAX_MATCHED_COPIES } from '../../src/core/crossSource/matcher';
import { analyzeArticle } from '../../src/core/analyze';
import { IndexChange, WorkspaceIndex } from '../../src/core/workspaceIndex';

const gazette = [
  'Harbour to reopen next week',
  '',
  '“The harbour will reopen for the fishing fleet on Monday, and the ferries will follow within the month,” Mayor Ada Brook said.',
  '',
  'The council met on Friday to approve the repairs.',
].join('\n');
const courier = [
  'Ferries return',
  '',
  'Brook told reporters that “the ferries will follow within the month.”',
].join('\n');
const farming = [
  'Orchards do well',
  '',
  '“The harvest came in early this year because of the warm spring,” Tomas Vance said.',
].join('\n');

function indexOf(articles: Record<string, string>, options?: ConstructorParameters<typeof WorkspaceIndex>[0]): WorkspaceIndex {
  const index = new WorkspaceIndex(options);
  for (const [uri, text] of Object.entries(articles)) index.upsert(uri, text);
  return index;
}

/** What a hover on the quotation that contains `words` in `uri` would list: label, line, kind, speaker. */
function hoverRows(index: WorkspaceIndex, uri: string, words: string): string[] {
  const text = index.textOf(uri)!;
  const [quote] = index.quotesAt(uri, text.indexOf(words));
  assert.ok(quote, `no quotation at "${words}"`);
  return index.matchesFor(uri, quote).map(m => `${m.label}:${m.line} ${m.kind} ${m.quote?.speaker}`);
}

suite('workspace index', () => {
  test('a hover on a quotation lists the other article, its line and the speaker it gives', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming });
    assert.deepStrictEqual(hoverRows(index, 'courier.txt', 'the ferries'), ['gazette.txt:2 contained Ada Brook']);
    assert.deepStrictEqual(hoverRows(index, 'farming.txt', 'harvest'), []);
  });

  test('given readText, the index reads texts back when it needs them, and takes in one that changed meanwhile', () => {
    const disk: Record<string, string> = { 'gazette.txt': gazette, 'courier.txt': courier };
    const reads: string[] = [];
    const index = indexOf(disk, { readText: uri => (reads.push(uri), disk[uri]) });
    assert.deepStrictEqual(hoverRows(index, 'courier.txt', 'the ferries'), ['gazette.txt:2 contained Ada Brook']);
    assert.ok(reads.includes('gazette.txt'), 'the other article is read back for the speaker it gives');
    disk['gazette.txt'] = gazette.replace('the ferries will follow within the month', 'the buses will run again soon');
    assert.strictEqual(index.textOf('gazette.txt'), disk['gazette.txt']);
    assert.deepStrictEqual(hoverRows(index, 'courier.txt', 'the ferries'), []);
    assert.strictEqual(index.analysisFor('missing.txt'), undefined);
  });

  test('a hover row whose article cannot be read back has its place but no quotation', () => {
    const disk: Record<string, string | undefined> = { 'gazette.txt': gazette, 'courier.txt': courier };
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier }, { readText: uri => disk[uri] });
    const [quote] = index.quotesAt('courier.txt', courier.indexOf('the ferries'));
    disk['gazette.txt'] = undefined;
    const [row] = index.matchesFor('courier.txt', quote);
    assert.deepStrictEqual([row.uri, row.line, gazette.slice(row.start, row.end).startsWith('“The harbour'), row.quote], ['gazette.txt', 2, true, undefined]);
  });

  test('allMatches gives each pair once with the quotations\' offsets', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming });
    const [match, ...rest] = index.allMatches()!;
    assert.strictEqual(rest.length, 0);
    const ends = [match.a, match.b].map(end => index.textOf(end.uri)!.slice(end.start, end.end));
    assert.deepStrictEqual(ends.sort(), [
      '“The harbour will reopen for the fishing fleet on Monday, and the ferries will follow within the month,”',
      '“the ferries will follow within the month.”',
    ]);
  });

  test('an unsaved edit replaces the text, and its matches follow', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier });
    assert.strictEqual(index.allMatches()!.length, 1);
    const edited = courier.replace('the ferries will follow within the month', 'the buses will run again soon');
    assert.ok(index.upsert('courier.txt', edited, 'Courier (unsaved)', 2));
    assert.strictEqual(index.textOf('courier.txt'), edited);
    assert.deepStrictEqual(index.allMatches(), []);
    assert.strictEqual(index.upsert('courier.txt', courier, undefined, 1), false, 'an older version is ignored');
    assert.ok(index.upsert('courier.txt', courier, 'Courier', 3));
    assert.deepStrictEqual(hoverRows(index, 'gazette.txt', 'The harbour'), ['Courier:2 contained Brook']);
  });

  test('removing and renaming an article update the matches other articles see', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier });
    assert.ok(index.rename('courier.txt', 'archive/courier.txt'));
    assert.deepStrictEqual(hoverRows(index, 'gazette.txt', 'The harbour'), ['archive/courier.txt:2 contained Brook']);
    assert.deepStrictEqual(index.documentIds().sort(), ['archive/courier.txt', 'gazette.txt']);
    assert.ok(index.remove('archive/courier.txt'));
    assert.strictEqual(index.remove('archive/courier.txt'), false);
    assert.deepStrictEqual(hoverRows(index, 'gazette.txt', 'The harbour'), []);
  });

  test('an article over the size limit is skipped with a reason, and its older text dropped', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier }, { maxTextLength: 300 });
    assert.strictEqual(index.upsert('gazette.txt', gazette + '\n\n' + 'More words. '.repeat(20)), false);
    assert.deepStrictEqual(index.skipped().map(s => s.uri), ['gazette.txt']);
    assert.match(index.skipped()[0].reason, /over the limit of 300/);
    assert.strictEqual(index.has('gazette.txt'), false);
    assert.deepStrictEqual(index.allMatches(), []);
    index.upsert('gazette.txt', gazette);
    assert.deepStrictEqual(index.skipped(), []);
    assert.strictEqual(index.allMatches()!.length, 1);
  });

  test('indexing in slices stops when cancelled and resumes later; events name the articles done', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming });
    const changes: IndexChange[] = [];
    const subscription = index.onDidChange(change => changes.push(change));
    assert.strictEqual(index.processPending(undefined, 1), false);
    assert.strictEqual(index.pendingCount, 2);
    const cancelled = { isCancellationRequested: true };
    assert.strictEqual(index.processPending(cancelled), false);
    assert.strictEqual(index.allMatches(cancelled), undefined);
    assert.strictEqual(index.pendingCount, 2);
    assert.strictEqual(index.processPending(), true);
    assert.deepStrictEqual(changes.map(c => c.changed.length), [1, 2]);
    subscription.dispose();
    index.remove('farming.txt');
    assert.strictEqual(changes.length, 2);
  });

  test('matches worked out ahead of hovers in slices are the ones a hover finds', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming });
    assert.strictEqual(index.resolveMatches(), false, 'nothing is indexed yet');
    index.processPending();
    assert.strictEqual(index.resolveMatches(undefined, 1), false);
    assert.strictEqual(index.resolveMatches({ isCancellationRequested: true }), false);
    assert.strictEqual(index.resolveMatches(), true);
    assert.deepStrictEqual(hoverRows(index, 'courier.txt', 'the ferries'), ['gazette.txt:2 contained Ada Brook']);
  });

  test('the speakers across the workspace follow the articles, beyond the cached analyses', () => {
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming }, { cachedAnalyses: 1 });
    const speakers = () => index.speakers().map(s => `${s.name} ${s.quotes}/${s.documents}`).sort();
    assert.deepStrictEqual(speakers(), ['Ada Brook 2/2', 'Tomas Vance 1/1']);
    index.remove('farming.txt');
    assert.deepStrictEqual(speakers(), ['Ada Brook 2/2']);
  });

  test('while analyses are held, reading every article again analyses none of them again; released, the cache shrinks back', () => {
    let analysed = 0;
    const analyze = (text: string) => { analysed++; return analyzeArticle(text); };
    const uris = ['gazette.txt', 'courier.txt', 'farming.txt'];
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': courier, 'farming.txt': farming }, { cachedAnalyses: 1, analyze });
    const readAll = () => uris.map(uri => index.analysisFor(uri)!.quotes.length);
    readAll();
    readAll();
    assert.strictEqual(analysed, 6, 'one cached analysis: every article analysed on each pass');
    const hold = index.holdAnalyses();
    analysed = 0;
    assert.deepStrictEqual(readAll(), [1, 1, 1]);
    assert.deepStrictEqual(readAll(), [1, 1, 1]);
    assert.strictEqual(analysed, 2, 'held: only the two articles the cache had let go are analysed, once');
    index.upsert('courier.txt', courier.replace('Brook told', 'Ada Brook told'));
    readAll();
    assert.strictEqual(analysed, 3, 'an article that changed is analysed again, the others are not');
    hold.dispose();
    analysed = 0;
    readAll();
    assert.strictEqual(analysed, 3, 'released: back to one cached analysis, so every article is analysed again');
  });

  test('a remark copied into a hundred of a thousand articles matches in all of them, however the index is driven', function () {
    this.timeout(20_000);
    const remark =
      'We will rebuild the eastern breakwater stone by stone before the autumn storms arrive, and every family that lost a boat ' +
      'this winter will have a berth in the new marina by the time the herring come back to the bay';
    const shortRemark = 'The ferry timetable stays as it is until spring';
    // Invented filler: two quotations of random made-up words per article, seeded so every run is the same.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'os', 'ru', 'pel', 'dia', 'nor', 'ush', 'bre'];
    const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const sentence = (words: number) => Array.from({ length: words }, word).join(' ');
    const articles: Record<string, string> = {};
    for (let n = 0; n < 1000; n++) {
      const quoted = n % 10 === 0 ? `“${remark},” Mayor Ada Brook said.` : `“${sentence(25)},” Ola Nord said.`;
      const added = n % 10 < 3 ? shortRemark : sentence(30);
      articles[`outlet${n}.txt`] = `Report ${n}\n\n${quoted}\n\n“${added},” Per Lund added.\n\n${sentence(60)}.`;
    }
    articles['seed.txt'] = `Breakwater plan\n\nThe mayor spoke on Monday. “${remark},” Ada Brook said.`;
    const start = articles['seed.txt'].indexOf('“');
    const quote = { start, end: articles['seed.txt'].indexOf('”', start) + 1 };
    const others = (index: WorkspaceIndex) => index.matchesFor('seed.txt', quote).filter(m => m.kind === 'exact').length;
    assert.strictEqual(others(indexOf(articles)), 100, 'hover straight after the upserts');
    const sliced = indexOf(articles);
    while (!sliced.processPending(undefined, 50));
    while (!sliced.resolveMatches(undefined, 50));
    assert.strictEqual(others(sliced), 100, 'hover after indexing and resolving in slices');
    const short = articles['outlet1.txt'].lastIndexOf('“');
    const shortMatches = sliced.matchesFor('outlet1.txt', { start: short, end: articles['outlet1.txt'].indexOf('”', short) + 1 });
    assert.strictEqual(shortMatches.filter(m => m.kind === 'exact').length, 299, 'a short remark in many articles still matches in all');
  });

  test('a remark in more articles than are matched in full: a hover on a later copy lists the article with the first copy', function () {
    this.timeout(20_000);
    const remark = 'We will build the new harbour bridge before the winter comes';
    const count = MAX_MATCHED_COPIES + 50;
    const articles: Record<string, string> = {};
    for (let n = 0; n < count; n++) articles[`outlet${n}.txt`] = `Bridge report ${n}\n\n“${remark},” Mayor Ada Brook said on day ${n}.`;
    const index = indexOf(articles);
    assert.deepStrictEqual(hoverRows(index, `outlet${count - 1}.txt`, 'We will'), ['outlet0.txt:2 exact Ada Brook']);
    assert.strictEqual(hoverRows(index, 'outlet0.txt', 'We will').length, count - 1);
    assert.strictEqual(hoverRows(index, 'outlet1.txt', 'We will').length, MAX_MATCHED_COPIES - 1);
  });

  test('a text with a BOM and CRLF line ends keeps its offsets', () => {
    const crlf = '\ufeff' + courier.replace(/\n/g, '\r\n');
    const index = indexOf({ 'gazette.txt': gazette, 'courier.txt': crlf });
    const [match] = index.allMatches()!;
    const end = match.a.uri === 'courier.txt' ? match.a : match.b;
    assert.strictEqual(crlf.slice(end.start, end.end), '“the ferries will follow within the month.”');
  });
});

const seeds = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

suite('workspace index on the seed articles', function () {
  const files = fs.existsSync(seeds) ? fs.readdirSync(seeds).filter(f => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).sort() : [];
  suiteSetup(function () {
    if (files.length < 5) {
      console.log(`    (skipped: the seed articles are not in ${seeds})`);
      this.skip();
    }
  });

  /** As the editor builds it: the texts read back from disk when needed, not kept. */
  function seedIndex(): WorkspaceIndex {
    const index = new WorkspaceIndex({ readText: file => fs.readFileSync(path.join(seeds, file), 'utf8') });
    for (const file of files) index.upsert(file, fs.readFileSync(path.join(seeds, file), 'utf8'));
    return index;
  }

  /** Each cross-article match as `NNN "prefix" ~ NNN "prefix" kind`, prefixes of the quoted words. */
  function described(index: WorkspaceIndex, sameArticle: boolean): string[] {
    const words = (end: { uri: string; start: number; end: number }) =>
      index.textOf(end.uri)!.slice(end.start + 1, end.end - 1).slice(0, 18);
    return index.allMatches()!
      .filter(m => m.sameArticle === sameArticle)
      .map(m => `${m.a.uri.slice(0, 3)} "${words(m.a)}" ~ ${m.b.uri.slice(0, 3)} "${words(m.b)}" ${m.kind}`)
      .sort();
  }

  test('every remark 000 and 001 share is found, most of them edited, and no other articles are linked', () => {
    assert.deepStrictEqual(described(seedIndex(), false), [
      '000 "And in a sense, we" ~ 001 "And in a sense, we" contained',
      '000 "And in the meantim" ~ 001 "And in the meantim" edited',
      '000 "Police forces, law" ~ 001 "Police forces, [th" edited',
      '000 "We\'re Flushing Out" ~ 001 "And in a sense, we" edited',
      '000 "dismayed" ~ 001 "I don’t think peop" contained',
      '000 "flushing them out." ~ 001 "And in a sense, we" contained',
      '000 "they should be enc" ~ 001 "I don’t think peop" contained',
      '000 "we always said thi" ~ 001 "We always said thi" contained',
      '000 "will be capable an" ~ 001 "We always said thi" edited',
    ]);
  });

  test('quoted headline fragments match the body of their own article, flagged apart', () => {
    const within = described(seedIndex(), true);
    assert.ok(within.includes('000 "Very Nihilistic, U" ~ 000 "And in a sense, we" contained'), within.join('\n'));
    assert.ok(within.includes('000 "We\'re Flushing Out" ~ 000 "And in a sense, we" edited'), within.join('\n'));
    assert.ok(within.every(row => row.slice(0, 3) === row.split(' ~ ')[1].slice(0, 3)));
  });

  test('the hover on Hammond\'s remark in 000 shows 001 with the speaker 001 gives', () => {
    const index = seedIndex();
    const uri = files[0];
    const [quote] = index.quotesAt(uri, index.textOf(uri)!.indexOf('we always said'));
    const [match] = index.matchesFor(uri, quote);
    assert.strictEqual(match.uri, files[1]);
    assert.strictEqual(match.quote?.speaker, quote.speaker);
    assert.match(match.quote?.speaker ?? '', /Hammond/);
  });
});
