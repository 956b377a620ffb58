// The cross-source hover card as a reader meets it: hover a quotation, see the same remark in another
// outlet, follow the link. Seeds are read where ../shared/seeds was copied into the workspace; the
// invented samples stand in where it was not.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SIDECAR_FILE_NAME, createAnnotation, serializeSidecar, targetFor } from '../../src/core/annotations';
import {
  articlesIn, baseName, commandLinks, hoverMarkdown, sharedQuotedRun, unescapeMarkdown, waitFor, words,
} from './articles';

interface Pair {
  readonly first: vscode.Uri;
  readonly second: vscode.Uri;
  /** A remark both carry, found by the test's own word comparison, with its offsets in `first`. */
  readonly run: { start: number; end: number; words: string[] };
}

async function read(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/** `000_...` and `001_...` from the seeds; else the two samples that share the longest quoted remark. */
async function findPair(): Promise<Pair> {
  const seeds = await articlesIn('seeds');
  const seed0 = seeds.find(uri => baseName(uri).startsWith('000_'));
  const seed1 = seeds.find(uri => baseName(uri).startsWith('001_'));
  if (seed0 && seed1) {
    const run = sharedQuotedRun(await read(seed0), await read(seed1), 5);
    assert.ok(run, 'the seeds 000 and 001 share no quoted run of five words');
    return { first: seed0, second: seed1, run };
  }
  console.log('      (../shared/seeds is absent: hover tests use the invented samples)');
  const samples = await articlesIn('samples');
  assert.ok(samples.length >= 2, 'the test workspace has neither the seeds nor two samples');
  let best: Pair | undefined;
  for (const first of samples) {
    for (const second of samples) {
      if (first === second) continue;
      const run = sharedQuotedRun(await read(first), await read(second), 5);
      if (run && run.words.length > (best?.run.words.length ?? 0)) best = { first, second, run };
    }
  }
  assert.ok(best, 'no two samples share a quoted run of five words');
  return best;
}

/** The list item of the card that links to `target`, and its two lines (place, wording). */
function rowFor(card: string, target: vscode.Uri): { place: string; wording: string } | undefined {
  const lines = card.split('\n');
  const at = lines.findIndex(line => line.startsWith('- ') &&
    commandLinks(line).some(link => link.command === 'newsAnnotator.openLocation' && (link.args[0] as { uri: string }).uri === target.toString()));
  return at < 0 ? undefined : { place: lines[at], wording: lines[at + 1] ?? '' };
}

/** True when `needle` appears in `haystack` in order, other words allowed between. */
function inOrder(haystack: readonly string[], needle: readonly string[]): boolean {
  let i = 0;
  for (const word of haystack) if (word === needle[i]) i++;
  return i === needle.length;
}

suite('Hover card across sources', () => {
  let pair: Pair;
  let middle: number;

  suiteSetup(async function () {
    this.timeout(60_000);
    pair = await findPair();
    middle = Math.floor((pair.run.start + pair.run.end) / 2);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('hovering a quotation shows the matching passage from the other article', async function () {
    this.timeout(60_000);
    const started = Date.now();
    const card = await waitFor(async () => (await hoverMarkdown(pair.first, middle)).find(c => rowFor(c, pair.second)), 45_000);
    assert.ok(card, `no hover row for ${baseName(pair.second)} on the shared remark in ${baseName(pair.first)} ` +
      `("${pair.run.words.join(' ')}")`);
    console.log(`      hover: first card with a cross-source row ${Date.now() - started} ms after the test asked`);

    const row = rowFor(card, pair.second)!;
    assert.match(card, /\*\*Also quoted in \d+ other sources?\*\*/);
    assert.ok(unescapeMarkdown(row.place).includes(`${baseName(pair.second)}, line `), row.place);
    assert.match(row.place, / (exact|contained|edited) \d+%/, 'the row names the kind of match and its score');
    // The row's wording is the other outlet's: every word of the shared remark shows, in order.
    const shown = words(unescapeMarkdown(row.wording).replace(/~~[^~]*~~/g, ' '));
    assert.ok(inOrder(shown, pair.run.words), `the row's wording lacks the shared words:\n${row.wording}`);
    // The first line says who speaks and how that was found.
    const attribution = unescapeMarkdown(card.split('\n')[0]);
    assert.match(attribution, /^(\*\*.+\*\* · .+ · confidence \d\.\d\d|\*No speaker\* · no speaker found)/, attribution);

    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await hoverMarkdown(pair.first, middle);
      timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    console.log(`      hover: executeHoverProvider round trip p50 ${timings[10].toFixed(1)} ms, max ${timings[19].toFixed(1)} ms (20 hovers)`);
  });

  test("following a row's link opens the other article with the passage selected", async function () {
    this.timeout(60_000);
    const card = await waitFor(async () => (await hoverMarkdown(pair.first, middle)).find(c => rowFor(c, pair.second)), 30_000);
    assert.ok(card);
    const link = commandLinks(rowFor(card, pair.second)!.place).find(l => l.command === 'newsAnnotator.openLocation');
    assert.ok(link, 'the row has no open link');

    await vscode.commands.executeCommand(link.command, ...link.args);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active after following the link');
    assert.strictEqual(baseName(editor.document.uri), baseName(pair.second));
    const selected = editor.document.getText(editor.selection);
    assert.ok(!editor.selection.isEmpty, 'nothing is selected');
    assert.ok(inOrder(words(selected), pair.run.words), `the selection is not the shared passage: ${selected}`);
    assert.match(selected, /^["\u201c\u2018']/, 'the selection starts at the quotation mark');
  });

  test('the compare link opens a side-by-side diff of the two passages', async function () {
    this.timeout(30_000);
    const card = (await hoverMarkdown(pair.first, middle)).find(c => rowFor(c, pair.second));
    assert.ok(card);
    const link = commandLinks(rowFor(card, pair.second)!.place).find(l => l.command === 'newsAnnotator.compareQuotation');
    assert.ok(link, 'the row has no compare link');
    await vscode.commands.executeCommand(link.command, ...link.args);
    const tab = await waitFor(async () => {
      const active = vscode.window.tabGroups.activeTabGroup.activeTab;
      return active?.input instanceof vscode.TabInputTextDiff ? active.input : undefined;
    }, 5_000);
    assert.ok(tab, 'no diff editor opened');
    const [left, right] = await Promise.all([tab.original, tab.modified].map(uri => vscode.workspace.openTextDocument(uri)));
    assert.ok(inOrder(words(left.getText()), pair.run.words), left.getText());
    assert.ok(inOrder(words(right.getText()), pair.run.words), right.getText());
    assert.ok(right.uri.path.includes(baseName(pair.second).replace(/\.txt$/, '')), right.uri.path);
  });

  test('the compare command from the palette works on the quotation under the cursor, asking which match when there are several', async function () {
    this.timeout(30_000);
    const editor = await vscode.window.showTextDocument(pair.first);
    const at = editor.document.positionAt(middle);
    editor.selection = new vscode.Selection(at, at);
    const running = vscode.commands.executeCommand('newsAnnotator.compareQuotation');
    // With several matches a list asks which: take the first (the best match); with one, nothing asks.
    await new Promise(resolve => setTimeout(resolve, 1000));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    const tab = await waitFor(async () => {
      const active = vscode.window.tabGroups.activeTabGroup.activeTab;
      return active?.input instanceof vscode.TabInputTextDiff ? active.input : undefined;
    }, 5_000);
    assert.ok(tab, 'no diff editor opened');
    const left = await vscode.workspace.openTextDocument(tab.original);
    assert.ok(inOrder(words(left.getText()), pair.run.words), `the left side is not the quotation under the cursor: ${left.getText()}`);
  });

  test('an unsaved edit of the other article shows in the card at once', async function () {
    this.timeout(30_000);
    const other = await vscode.workspace.openTextDocument(pair.second);
    const otherRun = sharedQuotedRun(other.getText(), await read(pair.first), 5);
    assert.ok(otherRun);
    // Replace one shared word with an invented one, and do not save.
    const wordAt = other.getText().slice(otherRun.start).match(/[\p{L}\p{N}]+/u)!;
    const at = other.positionAt(otherRun.start + (wordAt.index ?? 0));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(pair.second, new vscode.Range(at, at.translate(0, wordAt[0].length)), 'zanzibarian');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      assert.ok(other.isDirty);
      const card = await waitFor(async () => (await hoverMarkdown(pair.first, middle))
        .find(c => rowFor(c, pair.second)?.wording.includes('**zanzibarian**')), 10_000);
      assert.ok(card, 'the card does not show the unsaved wording of the other article as inserted');
    } finally {
      await vscode.window.showTextDocument(other);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!other.isDirty);
  });

  test('an unsaved new quotation in the hovered article gets its own card', async function () {
    this.timeout(30_000);
    const document = await vscode.workspace.openTextDocument(pair.first);
    const end = document.positionAt(document.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(pair.first, end, '\n\n\u201cEvery invented word in this sentence is ours alone,\u201d said Jane Roe.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const offset = document.getText().indexOf('invented word in this');
      const cards = await hoverMarkdown(pair.first, offset);
      assert.ok(cards.some(card => card.startsWith('**Jane Roe**')), `no card names Jane Roe:\n${cards.join('\n---\n')}`);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('article text in the card stays text: no links, HTML or commands of its own', async function () {
    this.timeout(45_000);
    const folder = path.dirname(pair.first.fsPath);
    const hostile = '\u201cClick [here](command:workbench.action.quit) or <command:workbench.action.quit> ' +
      'and <img src=x onerror=alert(1)> **now** `code` | pipes | ~~gone~~ $(alert) &amp; ok,\u201d said Jane [Roe](command:x).';
    const files = ['940_00000000000000a1.txt', '941_00000000000000a2.txt'].map(name => path.join(folder, name));
    fs.writeFileSync(files[0], `Invented headline one\n\n${hostile}\n`);
    fs.writeFileSync(files[1], `Invented headline two\n\nAn invented report.\n\n${hostile}\n`);
    try {
      const uri = vscode.Uri.file(files[0]);
      const offset = hostile.indexOf('pipes') + 'Invented headline one\n\n'.length;
      const card = await waitFor(async () => (await hoverMarkdown(uri, offset)).find(c => c.includes('Also quoted in')), 20_000);
      assert.ok(card, 'no cross-source card for the invented pair');
      const links = commandLinks(card);
      const targets = card.match(/\]\(command:/g) ?? [];
      assert.strictEqual(targets.length, links.length, 'a command link in the card is not one of the extension\'s own');
      for (const link of links) {
        assert.ok(['newsAnnotator.openLocation', 'newsAnnotator.compareQuotation'].includes(link.command), link.command);
        assert.ok(['940_', '941_'].some(prefix => (link.args[0] as { uri: string }).uri.includes(prefix)));
      }
      assert.doesNotMatch(card, /(^|[^\\])<(img|command|b)\b/, 'raw angle brackets reach the Markdown');
      assert.doesNotMatch(card, /(^|[^\\])`/, 'an unescaped backtick reaches the Markdown');
      assert.doesNotMatch(card, /(^|[^\\])\$\(/, 'a theme-icon pattern from the article reaches the Markdown');
      const shown = unescapeMarkdown(card);
      for (const piece of ['[here]', '<img src=x onerror=alert(1)>', '`code`', '| pipes |', '&amp;']) {
        assert.ok(shown.includes(piece), `the reader does not see "${piece}" as written`);
      }
    } finally {
      for (const file of files) fs.rmSync(file, { force: true });
    }
  });
  test("a hand correction pulled from git (the sidecar changed on disk) wins in the card", async function () {
    this.timeout(45_000);
    const document = await vscode.workspace.openTextDocument(pair.first);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pair.first, document.positionAt(middle));
    const range = hovers.find(h => h.range)?.range;
    assert.ok(range, 'the card has no range');
    const [start, end] = [document.offsetAt(range.start), document.offsetAt(range.end)];
    const sidecar = path.join(path.dirname(pair.first.fsPath), SIDECAR_FILE_NAME);
    assert.ok(!fs.existsSync(sidecar), 'the test folder already has annotations');
    const annotation = createAnnotation(targetFor(baseName(pair.first), document.getText(), start, end), { kind: 'speaker', speaker: 'Zora Invented' });
    fs.writeFileSync(sidecar, serializeSidecar({ annotations: [annotation], speakerOperations: [] }));
    try {
      const card = await waitFor(async () => (await hoverMarkdown(pair.first, middle)).find(c => c.startsWith('**Zora Invented** · set by hand')), 20_000);
      assert.ok(card, 'the card does not give the speaker set by hand');
      // The other outlet gives someone else: same words, different speaker.
      assert.match(rowFor(card, pair.second)?.place ?? '', /⚠ \*different speaker, same words\*/);
    } finally {
      fs.rmSync(sidecar, { force: true });
    }
    const restored = await waitFor(async () => (await hoverMarkdown(pair.first, middle)).find(c => !c.startsWith('**Zora Invented**')), 20_000);
    assert.ok(restored, 'the correction stays after its sidecar was deleted');
  });
});
