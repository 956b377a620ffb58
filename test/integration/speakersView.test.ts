// The Speakers view as a reader sees it: rows from the view's own tree provider (through
// `newsAnnotator.speakerRows`, which renders them with getTreeItem), after activation by opening an
// article. Expected counts were made by reading the seed articles by hand; no seed text is quoted.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SpeakerRow as Row } from '../../src/vscode/speakersView';
import { eventually, openArticle, seedArticle } from './editorSupport';

const rows = () => vscode.commands.executeCommand<Row[]>('newsAnnotator.speakerRows');
const speakerLabels = (list: readonly Row[]) => list.filter(r => r.contextValue?.startsWith('speaker')).map(r => r.label);

suite('Speakers view', () => {
  suiteSetup(async function () {
    const uri = await seedArticle('000');
    if (!uri) {
      console.log('skipped: ../shared/seeds is absent, so the seed speakers cannot be listed');
      return this.skip();
    }
    await openArticle(uri);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('newsAnnotator.clearSpeakerFilter');
    await vscode.commands.executeCommand('newsAnnotator.sortSpeakersByCount');
  });

  test('lists John Kerry and Philip Hammond with their quotation and article counts', async () => {
    // Hand count over the five seeds: Kerry speaks 36 quotations in all five articles (headline
    // quotes and partial quotes included, one record per paragraph and per interrupted part);
    // Hammond speaks 3 in each of the two articles about the London meeting.
    const list = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Philip Hammond') && found.some(r => r.label === 'John Kerry') ? found : undefined;
    }, 'the Speakers view does not list both John Kerry and Philip Hammond');
    const kerry = list.find(r => r.label === 'John Kerry')!;
    const hammond = list.find(r => r.label === 'Philip Hammond')!;
    assert.strictEqual(hammond.description, '6 quotations · 2 articles');
    assert.strictEqual(kerry.description, '36 quotations · 5 articles');
    assert.ok(list.indexOf(kerry) < list.indexOf(hammond), 'by default the most quoted speaker comes first');
    assert.deepStrictEqual(hammond.children?.map(a => a.description), ['3 quotations', '3 quotations']);
    assert.ok(hammond.children?.every(a => /^seeds\/00[01]_[0-9a-f]{16}\.txt$/.test(a.label)), 'Hammond is quoted in 000 and 001 only');
  });

  test('sorts by name and back by count, and filters by name or title', async () => {
    await vscode.commands.executeCommand('newsAnnotator.sortSpeakersByName');
    const byName = speakerLabels(await rows());
    const folded = (name: string) => name.toLowerCase();
    assert.deepStrictEqual(byName, [...byName].sort((a, b) => (folded(a) < folded(b) ? -1 : folded(a) > folded(b) ? 1 : 0)), 'not in alphabetical order, ignoring case');
    await vscode.commands.executeCommand('newsAnnotator.sortSpeakersByCount');
    const byCount = (await rows()).filter(r => r.contextValue?.startsWith('speaker')).map(r => Number(r.description?.split(' ')[0]));
    assert.deepStrictEqual(byCount, [...byCount].sort((a, b) => b - a));

    await vscode.commands.executeCommand('newsAnnotator.filterSpeakers', 'hammond');
    assert.deepStrictEqual(speakerLabels(await rows()), ['Philip Hammond']);
    await vscode.commands.executeCommand('newsAnnotator.filterSpeakers', 'foreign secretary');
    assert.deepStrictEqual(speakerLabels(await rows()), ['Philip Hammond'], 'the filter matches titles too');
    await vscode.commands.executeCommand('newsAnnotator.filterSpeakers', 'nobody by this name');
    assert.deepStrictEqual(await rows(), []);
    await vscode.commands.executeCommand('newsAnnotator.clearSpeakerFilter');
    assert.ok(speakerLabels(await rows()).includes('John Kerry'));
  });

  test('selecting a quotation opens its article with the quotation selected', async () => {
    const hammond = (await rows()).find(r => r.label === 'Philip Hammond')!;
    const quote = hammond.children![0].children![0];
    assert.ok(quote.command, 'a quotation row opens something when selected');
    await vscode.commands.executeCommand(quote.command.command, ...(quote.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    const selected = editor.document.getText(editor.selection);
    assert.ok(/^[\u201c"]/.test(selected) && /[\u201d"]$/.test(selected), 'the selection is the quotation, marks included');
    assert.ok(selected.replace(/\s+/g, ' ').includes(quote.label.replace(/…$/, '')), 'the selection holds the words the row shows');
    assert.strictEqual(`line ${editor.selection.start.line + 1}`, quote.description);
  });

  test('a quotation is copied with its citation', async () => {
    const hammond = (await rows()).find(r => r.label === 'Philip Hammond')!;
    const article = hammond.children![0];
    const quote = article.children![0];
    await vscode.commands.executeCommand('newsAnnotator.copyQuotation', ...(quote.command?.arguments ?? []));
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.includes(quote.label.replace(/…$/, '')), 'the copy holds the quotation');
    assert.ok(copied.includes('Philip Hammond'), 'the copy names the speaker');
    assert.ok(copied.includes(article.label), 'the copy names the file');
    assert.ok(copied.includes(quote.description!), 'the copy gives the line');
  });

  test('article text reaches the view as plain labels and escaped, untrusted tooltips', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'hostile.news.txt');
    const link = '[the full plan](command:newsAnnotator.removeAnnotation?%7B%7D)';
    const text = `Council Votes on Harbour Fees\n\n\u201cRead ${link} and <img src=x onerror=alert(1)> before you vote,\u201d said Lena Ortiz.\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      const ortiz = await eventually(async () => (await rows()).find(r => r.label === 'Lena Ortiz'), 'the speaker of the new article is not listed');
      const quote = ortiz.children![0].children![0];
      assert.ok(quote.label.includes(link), 'the label shows the words as they are');
      assert.ok(quote.tooltip && !quote.tooltip.trusted, 'the tooltip is untrusted Markdown');
      assert.ok(!/(^|[^\\])\[[^\]]*\]\(command:/.test(quote.tooltip.markdown), 'the tooltip holds a live command link');
      assert.ok(!/(^|[^\\])<img/.test(quote.tooltip.markdown), 'the tooltip holds live HTML');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await eventually(async () => !(await rows()).some(r => r.label === 'Lena Ortiz') || undefined, 'the deleted article still has a row');
  });
});
