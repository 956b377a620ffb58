// Annotation through commands, as the palette, the context menu, quick fixes and the Speakers view
// run them: each command takes its target (and the answer a picker would ask for) as an argument,
// since a test cannot type into a QuickPick. What is checked is what a reader sees afterwards:
// the hover card, the Speakers view, the semantic tokens, the selection, and the sidecar file
// (the W3C JSON-LD that is also the export). Only invented text is written; everything written is
// removed again, so the suites after this one see the workspace as it was.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { articlesIn, hoverMarkdown, unescapeMarkdown, waitFor } from './articles';
import { eventually, openArticle, semanticTokens } from './editorSupport';

interface Row {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly command?: { readonly command: string; readonly arguments?: unknown[] };
  readonly children?: Row[];
}

interface Location { readonly uri: string; readonly start: number; readonly end: number }

interface SidecarAnnotation {
  readonly id: string;
  readonly body: unknown;
  readonly target: { readonly source: string; readonly selector: { type: string; exact?: string; start?: number; end?: number }[] };
  readonly orphaned?: boolean;
}

const sidecarName = 'news-annotations.jsonld';
const rows = () => vscode.commands.executeCommand<Row[]>('newsAnnotator.speakerRows');

function sidecarOf(article: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(article, '..', sidecarName);
}

/** The annotations in the sidecar beside `article`, or [] when there is none (yet). */
async function sidecarAnnotations(article: vscode.Uri): Promise<SidecarAnnotation[]> {
  try {
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarOf(article))));
    const items = json.first?.items ?? json.items ?? [];
    return items as SidecarAnnotation[];
  } catch {
    return [];
  }
}

function selector(annotation: SidecarAnnotation, type: string) {
  return annotation.target.selector.find(s => s.type === type);
}

function bodyValues(annotation: SidecarAnnotation): unknown[] {
  const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  return bodies.map(b => (b && typeof b === 'object' && 'value' in b ? (b as { value: unknown }).value : b));
}

/** A quotation that the Speakers view lists under `speaker` in `article`, as its row's command locates it. */
async function quotationOf(speaker: string, article: vscode.Uri): Promise<Location> {
  const list = await eventually(async () => {
    const found = await rows();
    return found.some(r => r.label === speaker) ? found : undefined;
  }, `the Speakers view never listed ${speaker}`);
  const articleRow = list.find(r => r.label === speaker)!.children!.find(a => article.path.endsWith(a.label));
  assert.ok(articleRow, `${speaker} is not quoted in ${article.path}`);
  return articleRow.children![0].command!.arguments![0] as Location;
}

/** The text of the hover cards at `offset`, as a reader reads them. */
async function hoverText(uri: vscode.Uri, offset: number): Promise<string> {
  return unescapeMarkdown((await hoverMarkdown(uri, offset)).join('\n'));
}

suite('Annotation commands', () => {
  let article: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    [article] = await articlesIn('samples');
    assert.ok(article, 'the test workspace holds the invented samples');
    document = (await openArticle(article)).document;
  });

  // Each test starts from the analysis alone, and no sidecar is left for the suites that follow.
  teardown(async () => {
    // The file watcher folds a create followed at once by a delete into nothing: let the test's
    // last write of the sidecar be reported before deleting it, as it would be for a reader.
    await new Promise(resolve => setTimeout(resolve, 1000));
    await vscode.workspace.fs.delete(sidecarOf(article)).then(undefined, () => undefined);
    const corrected = ['Rosa Quint', 'Tom Vance', 'Brook'];
    let left: string[] = [];
    const cleared = await waitFor(async () => {
      left = (await rows()).map(r => r.label).filter(label => corrected.includes(label));
      return left.length === 0 || undefined;
    }, 20_000);
    const back = await vscode.workspace.fs.stat(sidecarOf(article)).then(() => 'a sidecar is there again', () => 'no sidecar is there');
    assert.ok(cleared, `the view still shows ${left.join(', ')} after the sidecar holding the corrections was deleted (${back})`);
  });

  test('setting a speaker from the palette changes the hover, the view, the highlighting and the exported JSON', async () => {
    const quote = await quotationOf('Ada Brook', article);
    const before = (await rows()).find(r => r.label === 'Ada Brook')!.description!;
    await vscode.commands.executeCommand('newsAnnotator.setSpeaker', { ...quote, speaker: 'Rosa Quint' });

    await eventually(async () => (await hoverText(article, quote.start + 1)).includes('Rosa Quint') || undefined,
      'the hover card does not name the speaker set by hand');
    const list = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Rosa Quint') ? found : undefined;
    }, 'the Speakers view does not list the speaker set by hand');
    assert.strictEqual(list.find(r => r.label === 'Rosa Quint')!.description, '1 quotation · 1 article');
    assert.strictEqual(Number(list.find(r => r.label === 'Ada Brook')!.description!.split(' ')[0]), Number(before.split(' ')[0]) - 1,
      'the quotation left its old speaker');

    const range = new vscode.Range(document.positionAt(quote.start), document.positionAt(quote.end));
    const token = (await semanticTokens(document)).find(t => t.type === 'quotation' && t.range.intersection(range));
    assert.ok(token?.modifiers.includes('corrected'), 'the quotation is not highlighted as corrected by hand');

    const saved = await eventually(async () => (await sidecarAnnotations(article)).find(a => bodyValues(a).includes('Rosa Quint')),
      'the sidecar does not hold the correction');
    assert.strictEqual(selector(saved, 'TextQuoteSelector')?.exact, document.getText(range));
    assert.deepStrictEqual([selector(saved, 'TextPositionSelector')?.start, selector(saved, 'TextPositionSelector')?.end], [quote.start, quote.end]);

    // The exports the reader runs: W3C JSON-LD, and CSV with one row per quotation.
    const root = vscode.workspace.workspaceFolders![0].uri;
    const exported = { jsonld: vscode.Uri.joinPath(root, 'exported.jsonld'), csv: vscode.Uri.joinPath(root, 'exported.csv') };
    try {
      for (const [format, target] of Object.entries(exported)) {
        await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format, target: target.toString() });
      }
      const jsonld = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported.jsonld));
      assert.ok(JSON.stringify(JSON.parse(jsonld)).includes('"Rosa Quint"'), 'the JSON-LD export does not hold the correction');
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported.csv)).split(/\r?\n/);
      // The opening words of the quotation, between its marks, find its row.
      const quoteWords = document.getText(range).slice(1, -1).slice(0, 15);
      const row = csv.find(line => line.includes(quoteWords));
      assert.ok(row, 'the CSV has no row for the quotation');
      assert.ok(row?.includes('Rosa Quint'), 'the CSV row of the quotation does not give the speaker set by hand');
    } finally {
      for (const target of Object.values(exported)) await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }

    await vscode.commands.executeCommand('newsAnnotator.removeAnnotation', { uri: article.toString(), id: saved.id });
    await eventually(async () => !(await rows()).some(r => r.label === 'Rosa Quint') || undefined, 'removing the correction did not restore the view');
    assert.ok(!(await hoverText(article, quote.start + 1)).includes('Rosa Quint'));
  });

  test('a selection marked as a quotation is highlighted as one, and a found quotation marked as not one is not', async () => {
    const text = document.getText();
    const sentence = /\n([A-Z][^\u201c\u201d"\n]{30,}?\.)/.exec(text);
    assert.ok(sentence, 'the sample has a sentence without quotation marks');
    const start = sentence.index + 1;
    const marked: Location = { uri: article.toString(), start, end: start + sentence[1].length };
    await vscode.commands.executeCommand('newsAnnotator.markQuotation', marked);
    const range = new vscode.Range(document.positionAt(marked.start), document.positionAt(marked.end));
    await eventually(async () => (await semanticTokens(document)).some(t => t.type === 'quotation' && t.modifiers.includes('corrected') && t.range.isEqual(range)) || undefined,
      'the marked sentence is not highlighted as a quotation');

    const found = await quotationOf('Ada Brook', article);
    const foundRange = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
    await vscode.commands.executeCommand('newsAnnotator.markNotQuotation', found);
    await eventually(async () => !(await semanticTokens(document)).some(t => t.type === 'quotation' && t.range.intersection(foundRange)) || undefined,
      'a quotation marked as not one is still highlighted');

    const notQuotation = await eventually(async () => (await sidecarAnnotations(article)).find(a => a.target.selector.some(s => s.type === 'TextPositionSelector' && s.start === found.start)),
      'the mark is not in the sidecar');
    await vscode.commands.executeCommand('newsAnnotator.removeAnnotation', { uri: article.toString(), id: notQuotation.id });
    await eventually(async () => (await semanticTokens(document)).some(t => t.type === 'quotation' && t.range.intersection(foundRange)) || undefined,
      'removing the mark did not bring the quotation back');
  });

  test('quick fixes attribute a quotation to a nearby speaker in one click, or reject it', async () => {
    const text = document.getText();
    const sentence = /\n([A-Z][^\u201c\u201d"\n]{30,}?\.)/.exec(text)!;
    const start = sentence.index + 1;
    const marked: Location = { uri: article.toString(), start, end: start + sentence[1].length };
    await vscode.commands.executeCommand('newsAnnotator.markQuotation', marked);
    const range = new vscode.Range(document.positionAt(marked.start + 1), document.positionAt(marked.start + 1));
    const actions = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, range);
      return found?.some(a => a.title.startsWith('Attribute quotation to ') && a.title !== 'Attribute quotation to…') ? found : undefined;
    }, 'no quick fix offers a speaker for the unattributed quotation');
    const titles = actions.map(a => a.title);
    assert.ok(titles.includes('Attribute quotation to…'), 'no quick fix opens the speaker picker');
    assert.ok(titles.includes('Mark as not a quotation'));
    const oneClick = actions.find(a => a.title.startsWith('Attribute quotation to ') && a.isPreferred)!;
    const speaker = oneClick.title.slice('Attribute quotation to '.length);
    await vscode.commands.executeCommand(oneClick.command!.command, ...(oneClick.command!.arguments ?? []));
    await eventually(async () => (await hoverText(article, marked.start + 1)).includes(speaker) || undefined,
      `the hover card does not name ${speaker} after the quick fix`);
    const after = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, range);
    assert.ok(after.some(a => a.title === `Change speaker of quotation (now ${speaker})…`), 'the quick fixes do not know the new speaker');
  });

  test('notes and tags are added, visited with next and previous, edited and removed', async () => {
    const text = document.getText();
    const first = text.indexOf(' the ') + 1;
    const second = text.lastIndexOf(' the ') + 1;
    await vscode.commands.executeCommand('newsAnnotator.addNote', { uri: article.toString(), start: first, end: first + 3, text: 'Check this against the council minutes.' });
    await vscode.commands.executeCommand('newsAnnotator.addTag', { uri: article.toString(), start: second, end: second + 3, tag: 'follow-up' });
    const saved = await eventually(async () => {
      const all = await sidecarAnnotations(article);
      return all.length === 2 ? all : undefined;
    }, 'the note and the tag did not reach the sidecar');
    assert.ok(saved.some(a => bodyValues(a).includes('follow-up')));

    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.strictEqual(document.offsetAt(editor.selection.start), first);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.strictEqual(document.offsetAt(editor.selection.start), second);
    await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
    assert.strictEqual(document.offsetAt(editor.selection.start), first, 'next wraps around to the first annotation');
    await vscode.commands.executeCommand('newsAnnotator.previousAnnotation');
    assert.strictEqual(document.offsetAt(editor.selection.start), second, 'previous wraps around to the last annotation');

    const note = saved.find(a => bodyValues(a).includes('Check this against the council minutes.'))!;
    await vscode.commands.executeCommand('newsAnnotator.editAnnotation', { uri: article.toString(), id: note.id, text: 'Checked: the minutes agree.' });
    await eventually(async () => (await sidecarAnnotations(article)).find(a => a.id === note.id && bodyValues(a).includes('Checked: the minutes agree.')),
      'the edited note did not reach the sidecar');
    for (const a of saved) await vscode.commands.executeCommand('newsAnnotator.removeAnnotation', { uri: article.toString(), id: a.id });
    await eventually(async () => (await sidecarAnnotations(article)).length === 0 || undefined, 'removed annotations are still in the sidecar');
  });

  test('speakers are renamed, merged and split, and the sidecar keeps the operations', async () => {
    const count = (list: Row[], name: string) => Number(list.find(r => r.label === name)?.description?.split(' ')[0] ?? 0);
    const before = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Tomas Vance') && found.some(r => r.label === 'Helen Okafor') ? found : undefined;
    }, 'the samples\' speakers are not listed');

    await vscode.commands.executeCommand('newsAnnotator.renameSpeaker', { speaker: 'Tomas Vance', to: 'Tom Vance' });
    const renamed = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Tom Vance') && !found.some(r => r.label === 'Tomas Vance') ? found : undefined;
    }, 'the renamed speaker is not listed under the new name');
    assert.strictEqual(count(renamed, 'Tom Vance'), count(before, 'Tomas Vance'));

    await vscode.commands.executeCommand('newsAnnotator.mergeSpeaker', { speaker: 'Helen Okafor', into: 'Ada Brook' });
    const merged = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Helen Okafor') ? undefined : found;
    }, 'the merged speaker is still listed');
    assert.strictEqual(count(merged, 'Ada Brook'), count(before, 'Ada Brook') + count(before, 'Helen Okafor'));

    const brook = merged.find(r => r.label === 'Ada Brook')!;
    assert.ok(brook.contextValue === 'speaker.withAliases', 'Ada Brook has aliases to split out');
    await vscode.commands.executeCommand('newsAnnotator.splitSpeakerAlias', { speaker: 'Ada Brook', alias: 'Brook' });
    const split = await eventually(async () => {
      const found = await rows();
      return found.some(r => r.label === 'Brook') ? found : undefined;
    }, 'the alias split out is not listed as a speaker of its own');
    assert.strictEqual(count(split, 'Ada Brook') + count(split, 'Brook'), count(merged, 'Ada Brook'));

    const sidecar = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarOf(article))));
    assert.deepStrictEqual([...new Set((sidecar.speakerOperations as { op: string }[]).map(o => o.op))], ['rename', 'merge', 'split']);

  });

  suite('outside edits', () => {
    const folder = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'anchoring');
    const file = () => vscode.Uri.joinPath(folder(), 'tide.news.txt');
    const paragraphs = [
      'Tide Gauge Replaced at Harbour Mouth',
      'The harbour board replaced the old tide gauge on Friday.',
      '\u201cThe new gauge reads the water every ten seconds, not every hour,\u201d said Lena Ortiz, the harbour master.',
      'Fishing crews had complained about the old readings for years.',
    ];
    const write = (parts: string[]) => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(parts.join('\n\n') + '\n'));
    const annotated = 'complained about the old readings';

    suiteSetup(async () => {
      await write(paragraphs);
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
    });

    test('an annotation survives an outside edit that inserts a paragraph above it', async () => {
      const { document: tide } = await openArticle(file());
      const start = tide.getText().indexOf(annotated);
      await vscode.commands.executeCommand('newsAnnotator.addNote', { uri: file().toString(), start, end: start + annotated.length, text: 'Ask the crews.' });
      await eventually(async () => (await sidecarAnnotations(file())).length === 1 || undefined, 'the note did not reach the sidecar');

      const inserted = 'Harbour staff said the work took four hours and closed the slipway until noon.';
      await write([paragraphs[0], inserted, ...paragraphs.slice(1)]);
      const moved = start + inserted.length + 2;
      const editor = await vscode.window.showTextDocument(tide);
      await eventually(async () => (tide.getText().includes(inserted) ? true : undefined), 'the editor did not take in the outside edit');
      await eventually(async () => {
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('newsAnnotator.nextAnnotation');
        return tide.offsetAt(editor.selection.start) === moved || undefined;
      }, 'the note did not move with its words');
      assert.strictEqual(tide.getText(editor.selection), annotated);
    });

    test('an annotation whose words were deleted outside the editor is kept as an orphan and listed in the Problems panel', async () => {
      await write(paragraphs.slice(0, 3));
      const orphan = await eventually(async () => (await sidecarAnnotations(file())).find(a => a.orphaned),
        'the annotation whose words were deleted is not marked as an orphan');
      assert.strictEqual(selector(orphan, 'TextQuoteSelector')?.exact, annotated, 'the orphan keeps the words it was about');
      await eventually(async () => vscode.languages.getDiagnostics(file()).some(d => d.message.includes(annotated) && d.message.includes('Ask the crews')) || undefined,
        'the Problems panel does not list the orphan under its article');
    });
  });
});
