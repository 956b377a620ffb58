// The live workspace index as files change outside the editor (a git pull, another program): new,
// renamed and deleted articles show up in hover cards, and files that cannot be read get a clear
// message in the Problems panel instead of a crash.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { articlesIn, baseName, commandLinks, hoverMarkdown, sharedQuotedRun, unescapeMarkdown, waitFor } from './articles';

/** The first article of the workspace that holds a quotation, and the offset of its middle. */
async function aQuotation(): Promise<{ uri: vscode.Uri; text: string; start: number; end: number }> {
  for (const uri of [...await articlesIn('seeds'), ...await articlesIn('samples')]) {
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const m = /\u201c([^\u201c\u201d]{60,400})\u201d/.exec(text);
    if (m) return { uri, text, start: m.index + 1, end: m.index + 1 + m[1].length };
  }
  throw new Error('no article in the test workspace holds a quotation of 60 characters or more');
}

/** The files a card's rows link to, by base name. */
function linkedFiles(cards: readonly string[]): string[] {
  return cards.flatMap(card => commandLinks(card))
    .filter(link => link.command === 'newsAnnotator.openLocation')
    .map(link => path.posix.basename(vscode.Uri.parse((link.args[0] as { uri: string }).uri).path));
}

function problemsOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'News Annotator').map(d => d.message);
}

/** Deterministic invented articles: a headline, narrative, and quotations by invented people. */
function inventedArticle(seed: number, remark?: string): string {
  let state = seed * 2654435761 % 4294967296 || 1;
  const next = (n: number) => (state = state * 1664525 + 1013904223 >>> 0) % n;
  const vocabulary = ('council budget river bridge school harvest market winter station library museum ' +
    'festival railway harbour clinic garden factory village orchard district mayor teacher farmer ' +
    'engineer nurse baker pilot sailor painter builder planned opened closed argued promised delayed ' +
    'repaired funded welcomed questioned expanded the a of to and in for with on by new old quiet busy ' +
    'northern southern early late careful modest sudden steady local regional weekly annual').split(' ');
  const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[next(vocabulary.length)]).join(' ');
  const names = ['Ada Quill', 'Bram Oster', 'Cleo Vand', 'Dov Marsh', 'Esme Trall', 'Fenn Ruddock'];
  const paragraphs = [sentence(8)];
  for (let p = 0; p < 6; p++) {
    paragraphs.push(`${sentence(25)}.`);
    paragraphs.push(`\u201c${sentence(18 + next(12))},\u201d said ${names[next(names.length)]}.`);
  }
  if (remark) paragraphs.push(`\u201c${remark}\u201d said ${names[next(names.length)]}.`);
  return paragraphs.join('\n\n') + '\n';
}

/** A remark of invented words that no other article holds, for pair `k`. */
function inventedRemark(k: number): string {
  const syllables = ['ka', 'lo', 'mir', 'tes', 'van', 'dru', 'pel', 'sor', 'qui', 'neb', 'hal', 'zet', 'rum', 'fio', 'gan', 'wy'];
  let state = (k + 7) * 40503 >>> 0;
  const next = () => (state = state * 1664525 + 1013904223 >>> 0) >>> 8;
  return Array.from({ length: 14 }, () => syllables[next() % 16] + syllables[next() % 16] + syllables[next() % 16]).join(' ');
}

/** Measures the longest time the extension host's event loop was blocked while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(probe);
  }
}


suite('Workspace index', () => {
  let folder: string;
  const made: string[] = [];

  suiteSetup(() => {
    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });

  teardown(async () => {
    for (const file of made.splice(0)) fs.rmSync(file, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an article written to disk outside the editor appears in hover cards, and goes when deleted', async function () {
    this.timeout(60_000);
    const quotation = await aQuotation();
    const middle = Math.floor((quotation.start + quotation.end) / 2);
    const remark = quotation.text.slice(quotation.start, quotation.end);
    const file = path.join(folder, 'samples', '960_0000000000000c01.txt');
    made.push(file);

    const written = Date.now();
    fs.writeFileSync(file, `An invented report\n\n\u201c${remark}\u201d said Quentin Invented.\n`);
    const cards = await waitFor(async () => {
      const found = await hoverMarkdown(quotation.uri, middle);
      return linkedFiles(found).includes(baseName(vscode.Uri.file(file))) ? found : undefined;
    }, 20_000);
    assert.ok(cards, `the new file never appeared in the card of ${baseName(quotation.uri)}`);
    console.log(`      index: a new file on disk showed in the hover ${Date.now() - written} ms after it was written`);
    const row = cards.join('\n').split('\n').find(line => line.includes('960\\_0000000000000c01'));
    assert.ok(row && unescapeMarkdown(row).includes('Quentin Invented'), `the row does not give the new article's speaker: ${row}`);

    fs.rmSync(file);
    const gone = await waitFor(async () => {
      const found = await hoverMarkdown(quotation.uri, middle);
      return linkedFiles(found).includes(baseName(vscode.Uri.file(file))) ? undefined : true;
    }, 20_000);
    assert.ok(gone, 'the deleted file still shows in the card');
  });

  test('an article renamed on disk keeps its matches under the new name', async function () {
    this.timeout(60_000);
    const quotation = await aQuotation();
    const middle = Math.floor((quotation.start + quotation.end) / 2);
    const remark = quotation.text.slice(quotation.start, quotation.end);
    const before = path.join(folder, 'samples', '961_0000000000000c02.txt');
    const after = path.join(folder, 'samples', '962_0000000000000c03.txt');
    made.push(before, after);
    fs.writeFileSync(before, `An invented report\n\n\u201c${remark}\u201d said Quentin Invented.\n`);
    assert.ok(await waitFor(async () => linkedFiles(await hoverMarkdown(quotation.uri, middle)).includes(path.basename(before)) || undefined, 20_000));

    fs.renameSync(before, after);
    const renamed = await waitFor(async () => {
      const files = linkedFiles(await hoverMarkdown(quotation.uri, middle));
      return files.includes(path.basename(after)) && !files.includes(path.basename(before)) ? true : undefined;
    }, 20_000);
    assert.ok(renamed, 'the card does not follow the rename');
  });

  test('a binary file named like an article gets a clear message, and the rest keeps working', async function () {
    this.timeout(60_000);
    const file = path.join(folder, 'samples', '970_0000000000000b01.txt');
    made.push(file);
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const uri = vscode.Uri.file(file);
    const messages = await waitFor(async () => problemsOf(uri).length > 0 ? problemsOf(uri) : undefined, 20_000);
    assert.ok(messages, 'no message in the Problems panel for the binary file');
    assert.match(messages[0], /970_0000000000000b01\.txt.*binary/, messages[0]);

    const quotation = await aQuotation();
    const cards = await hoverMarkdown(quotation.uri, Math.floor((quotation.start + quotation.end) / 2));
    assert.ok(cards.length > 0, 'hover cards stopped working after the binary file');

    fs.rmSync(file);
    assert.ok(await waitFor(async () => problemsOf(uri).length === 0 || undefined, 20_000), 'the message stays after the file is gone');
  });

  test('a file that is not UTF-8 is named in the Problems panel with what to do', async function () {
    this.timeout(60_000);
    const file = path.join(folder, 'samples', '971_0000000000000b02.txt');
    made.push(file);
    // "Caf\xe9 owners said" in Latin-1: not valid UTF-8.
    fs.writeFileSync(file, Buffer.from('Invented headline\n\n\u201cThe caf\u00e9 is open,\u201d the owner said.\n', 'latin1'));
    const uri = vscode.Uri.file(file);
    const messages = await waitFor(async () => problemsOf(uri).length > 0 ? problemsOf(uri) : undefined, 20_000);
    assert.ok(messages, 'no message for the Latin-1 file');
    assert.match(messages[0], /not valid UTF-8.*save it as UTF-8/, messages[0]);
  });

  test('an article over newsAnnotator.maxFileSizeKB is left out with the limit named', async function () {
    this.timeout(60_000);
    // A limit just above the largest article already there, so only the new file goes over it.
    const sizes = [...await articlesIn('seeds'), ...await articlesIn('samples')].map(uri => fs.statSync(uri.fsPath).size);
    const limitKB = Math.ceil(Math.max(...sizes) / 1024) + 1;
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    await settings.update('maxFileSizeKB', limitKB, vscode.ConfigurationTarget.Workspace);
    const file = path.join(folder, 'samples', '972_0000000000000b03.txt');
    made.push(file);
    try {
      const paragraph = '\u201cThis invented paragraph repeats so that the file grows past the limit,\u201d Jane Roe said.\n\n';
      fs.writeFileSync(file, `Invented headline\n\n${paragraph.repeat(Math.ceil(limitKB * 1024 / paragraph.length) + 1)}`);
      const uri = vscode.Uri.file(file);
      const messages = await waitFor(async () => problemsOf(uri).length > 0 ? problemsOf(uri) : undefined, 20_000);
      assert.ok(messages, 'no message for the oversized file');
      assert.match(messages[0], new RegExp(`over the ${limitKB} KB limit \\(newsAnnotator\\.maxFileSizeKB\\)`), messages[0]);
      assert.deepStrictEqual(await hoverMarkdown(uri, 30), [], 'the oversized file got a hover card');
    } finally {
      await settings.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('every article in the open folders is indexed at start', async function () {
    this.timeout(60_000);
    const all = [...await articlesIn('seeds'), ...await articlesIn('samples')];
    // A quotation in each article: its card exists, so the index holds the article.
    const without: string[] = [];
    let withQuotes = 0;
    for (const uri of all) {
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      const m = /\u201c([^\u201c\u201d]{20,})\u201d/.exec(text);
      if (!m) continue;
      withQuotes++;
      if ((await hoverMarkdown(uri, m.index + 5)).length === 0) without.push(baseName(uri));
    }
    assert.ok(withQuotes > 0);
    assert.deepStrictEqual(without, [], `${without.length} of ${withQuotes} articles with quotations show no card`);
  });

  test('no card links two articles that share no quoted words', async function () {
    this.timeout(120_000);
    const seeds = await articlesIn('seeds');
    const articles = seeds.length >= 2 ? seeds : await articlesIn('samples');
    if (seeds.length < 2) console.log('      (../shared/seeds is absent: checking the invented samples)');
    const texts = new Map<string, string>();
    for (const uri of articles) texts.set(uri.toString(), (await vscode.workspace.openTextDocument(uri)).getText());
    let checked = 0;
    for (const uri of articles) {
      const text = texts.get(uri.toString())!;
      const unrelated = articles.filter(other => other !== uri && !sharedQuotedRun(text, texts.get(other.toString())!, 3)
        && !sharedQuotedRun(texts.get(other.toString())!, text, 3)).map(baseName);
      if (unrelated.length === 0) continue;
      for (const m of text.matchAll(/[\u201c"]([^\u201c\u201d"]{3,})[\u201d"]/g)) {
        const linked = linkedFiles(await hoverMarkdown(uri, (m.index ?? 0) + 1));
        const wrong = linked.filter(name => unrelated.includes(name));
        assert.deepStrictEqual(wrong, [], `a quotation in ${baseName(uri)} links ${wrong.join(', ')}, which shares no quoted words with it`);
        checked++;
      }
    }
    console.log(`      index: ${checked} quotations hovered across ${articles.length} articles; none links an unrelated article`);
  });
  test('a git pull of 1,000 articles is taken in without stalling the editor', async function () {
    this.timeout(240_000);
    const bulk = path.join(folder, 'pulled');
    made.push(bulk);
    fs.mkdirSync(bulk, { recursive: true });
    // Articles 2k and 2k+1 share one invented remark; the card of one must list the other.
    const count = 1000;
    const file = (i: number) => path.join(bulk, `${String(i % 1000).padStart(3, '0')}_${(0xd000 + i).toString(16).padStart(16, '0')}.txt`);
    const remarkOffsetIn = (article: string) => fs.readFileSync(article, 'utf8').lastIndexOf('\u201c') + 5;
    const remarkOffset = (i: number) => remarkOffsetIn(file(i));
    const pairFound = async (k: number) => {
      const cards = await hoverMarkdown(vscode.Uri.file(file(2 * k)), remarkOffset(2 * k));
      return linkedFiles(cards).includes(path.basename(file(2 * k + 1))) || undefined;
    };
    let bytes = 0;
    const writing = performance.now();
    for (let i = 0; i < count; i++) {
      const text = inventedArticle(i + 1, inventedRemark(Math.floor(i / 2)));
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(file(i), text);
    }
    const written = performance.now();
    // The test shares the extension host with the extension: its stalls are the extension's.
    const hoverTimes: number[] = [];
    // Files arrive in no set order: the index has them all when the last pair and a sample of the others show.
    const { result: indexMs, stallMs } = await longestStall(async () => {
      const last = await waitFor(async () => {
        const t = performance.now();
        const found = await pairFound(count / 2 - 1);
        hoverTimes.push(performance.now() - t);
        return found;
      }, 200_000, 250);
      if (!last) return undefined;
      for (let k = 0; k < count / 2; k += 25) {
        const shown = await waitFor(() => pairFound(k), 10_000);
        const linked = shown ? [] : linkedFiles(await hoverMarkdown(vscode.Uri.file(file(2 * k)), remarkOffset(2 * k)));
        assert.ok(shown, `pulled pair ${k} does not show in a card (the card links ${linked.join(', ') || 'nothing'})`);
      }
      return performance.now() - written;
    });
    assert.ok(indexMs, 'the last pulled pair never showed in a card');
    hoverTimes.sort((a, b) => a - b);
    const p = (q: number) => hoverTimes[Math.min(hoverTimes.length - 1, Math.floor(q * hoverTimes.length))].toFixed(1);
    console.log(`      index: ${count} new articles (${(bytes / 1e6).toFixed(1)} MB) written in ${(written - writing).toFixed(0)} ms, ` +
      `all in hover cards ${indexMs.toFixed(0)} ms later (${(bytes / 1e6 / (indexMs / 1000)).toFixed(2)} MB/s through ` +
      `the watcher, debounce, read, analysis and matching, and the test opening 21 of them to check)`);
    console.log(`      index: during it, longest extension-host stall ${stallMs.toFixed(0)} ms; hover round trip ` +
      `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms (${hoverTimes.length} hovers)`);

    // An article outside the pulled folder that shares pair 0's remark lists both, until the folder goes.
    const survivor = path.join(folder, 'samples', '963_0000000000000c04.txt');
    made.push(survivor);
    fs.writeFileSync(survivor, inventedArticle(5000, inventedRemark(0)));
    const survivorUri = vscode.Uri.file(survivor);
    const pulled = [path.basename(file(0)), path.basename(file(1))];
    const linksBoth = async () => {
      const linked = linkedFiles(await hoverMarkdown(survivorUri, remarkOffsetIn(survivor)));
      return pulled.every(name => linked.includes(name));
    };
    assert.ok(await waitFor(async () => (await linksBoth()) || undefined, 20_000), 'the survivor does not list the pulled pair');
    fs.rmSync(bulk, { recursive: true, force: true });
    const cleared = await waitFor(async () => linkedFiles(await hoverMarkdown(survivorUri, remarkOffsetIn(survivor)))
      .every(name => !pulled.includes(name)) || undefined, 60_000, 250);
    assert.ok(cleared, 'the card still lists articles of the deleted folder');
  });
  test('a folder added by newsAnnotator.articlePatterns is indexed in the background, and dropped when the pattern goes', async function () {
    this.timeout(300_000);
    const clippings = path.join(folder, 'clippings');
    made.push(clippings);
    fs.mkdirSync(clippings, { recursive: true });
    const count = 3000;
    const file = (i: number) => path.join(clippings, `clip-${i}.txt`);
    const remarkAt = (article: string) => fs.readFileSync(article, 'utf8').lastIndexOf('\u201c') + 5;
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const text = inventedArticle(20_000 + i, inventedRemark(10_000 + Math.floor(i / 2)));
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(file(i), text);
    }
    const pairFound = async (k: number) => {
      const cards = await hoverMarkdown(vscode.Uri.file(file(2 * k)), remarkAt(file(2 * k)));
      return linkedFiles(cards).includes(path.basename(file(2 * k + 1))) || undefined;
    };
    // An article that shares the remark of clip-2 and clip-3, which no test opens (an open article stays indexed).
    const survivor = path.join(folder, 'samples', '964_0000000000000c05.txt');
    made.push(survivor);
    fs.writeFileSync(survivor, inventedArticle(6000, inventedRemark(10_001)));
    const survivorLinks = async () => linkedFiles(await hoverMarkdown(vscode.Uri.file(survivor), remarkAt(survivor)));
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    try {
      const started = performance.now();
      // Files are read in no set order: the index has them all when the last pair and a sample of the others show.
      // A clipping opens as Plain Text and switches to News Article mode a moment later (the pattern says so).
      const { result: indexMs, stallMs } = await longestStall(async () => {
        await settings.update('articlePatterns', ['clippings/**/*.txt'], vscode.ConfigurationTarget.Workspace);
        if (!await waitFor(() => pairFound(count / 2 - 1), 240_000, 500)) return undefined;
        for (let k = 0; k < count / 2; k += 100) assert.ok(await waitFor(() => pairFound(k), 10_000), `clipping pair ${k} does not show in a card`);
        return performance.now() - started;
      });
      assert.ok(indexMs, 'the clippings never reached the index');
      console.log(`      index: ${count} articles (${(bytes / 1e6).toFixed(1)} MB) indexed ${indexMs.toFixed(0)} ms after the pattern was added ` +
        `(${(bytes / 1e6 / (indexMs / 1000)).toFixed(2)} MB/s: listing, reading, analysis and matching, and the test opening 16 clippings ` +
        `to check them); longest extension-host stall ${stallMs.toFixed(0)} ms`);
      const linked = await waitFor(async () => {
        const names = await survivorLinks();
        return names.includes('clip-2.txt') && names.includes('clip-3.txt') || undefined;
      }, 20_000);
      assert.ok(linked, 'the article sharing a clipping\'s remark does not list the clippings');
    } finally {
      await settings.update('articlePatterns', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const dropped = await waitFor(async () => {
      const names = await survivorLinks();
      return !names.includes('clip-2.txt') && !names.includes('clip-3.txt') || undefined;
    }, 60_000, 250);
    assert.ok(dropped, `clippings stay in the index after their pattern was removed: ${(await survivorLinks()).join(', ')}`);
  });
  test('articles saved with a BOM and CRLF line ends: the link selects exactly the other passage', async function () {
    this.timeout(60_000);
    const remark = inventedRemark(77_777);
    const files = ['965_0000000000000c06.txt', '966_0000000000000c07.txt'].map(name => path.join(folder, 'samples', name));
    made.push(...files);
    files.forEach((file, i) => {
      const text = inventedArticle(7000 + i, remark).replace(/\n/g, '\r\n');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    });
    const [first, second] = files.map(file => vscode.Uri.file(file));
    const offset = (await vscode.workspace.openTextDocument(first)).getText().lastIndexOf('\u201c') + 5;
    const card = await waitFor(async () => (await hoverMarkdown(first, offset)).find(c => linkedFiles([c]).includes(path.basename(files[1]))), 20_000);
    assert.ok(card, 'no card links the CRLF twin');
    const link = commandLinks(card).find(l => l.command === 'newsAnnotator.openLocation' && (l.args[0] as { uri: string }).uri === second.toString());
    assert.ok(link);
    await vscode.commands.executeCommand(link.command, ...link.args);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === second.toString());
    assert.strictEqual(editor.document.eol, vscode.EndOfLine.CRLF);
    assert.strictEqual(editor.document.getText(editor.selection), `\u201c${remark}\u201d`);
  });
});
