// The annotation files as a reader and git see them: what lands on disk when annotations are
// added, what happens to an annotation file that cannot be read, and where annotations go when an
// article is renamed or moved in VS Code. Only invented text is written, in folders of its own
// that are removed again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, openArticle } from './editorSupport';

const sidecarName = 'news-annotations.jsonld';
const article = [
  'Library Opens Late on Thursdays',
  '',
  'The town library will stay open until nine on Thursdays from May.',
  '',
  '“Students asked for it, and the budget allows it,” said librarian Noor Haddad.',
  '',
].join('\n');
const words = 'stay open until nine';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function sidecarSources(folder: vscode.Uri): Promise<string[]> {
  const text = await readText(vscode.Uri.joinPath(folder, sidecarName));
  if (text === undefined) return [];
  return (JSON.parse(text).first?.items ?? []).map((item: { target: { source: string } }) => item.target.source);
}

async function addNote(uri: vscode.Uri, text: string): Promise<void> {
  const { document } = await openArticle(uri);
  const start = document.getText().indexOf(words);
  await vscode.commands.executeCommand('newsAnnotator.addNote', { uri: uri.toString(), start, end: start + words.length, text });
}

suite('Annotation files', () => {
  const folders: vscode.Uri[] = [];
  const folder = async (name: string, files: Record<string, string>) => {
    const uri = vscode.Uri.joinPath(root(), name);
    folders.push(uri);
    for (const [file, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(uri, file), encode(text));
    return uri;
  };

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of folders) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  test('an annotation lands in the folder’s sidecar: W3C JSON-LD, stable, with nothing left behind', async () => {
    const dir = await folder('store-written', { 'library.news.txt': article });
    const file = vscode.Uri.joinPath(dir, 'library.news.txt');
    await addNote(file, 'Check the budget line.');
    const text = await eventually(() => readText(vscode.Uri.joinPath(dir, sidecarName)), 'no sidecar was written');
    assert.ok(text.endsWith('}\n'), 'the file ends with a newline');
    const json = JSON.parse(text);
    assert.strictEqual(json.type, 'AnnotationCollection');
    assert.strictEqual(json['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    const [item] = json.first.items;
    assert.strictEqual(item.motivation, 'commenting');
    assert.strictEqual(item.body.value, 'Check the budget line.');
    assert.strictEqual(item.target.source, 'library.news.txt');
    assert.deepStrictEqual(item.target.selector.map((s: { type: string }) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.strictEqual(item.target.selector[0].exact, words);
    const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).sort();
    assert.deepStrictEqual(names, ['library.news.txt', sidecarName], 'no temporary file is left beside the sidecar');
  });

  test('an annotation file that cannot be read, or is from a newer version, is never written', async () => {
    const corrupt = '{ "type": "AnnotationCollection", "version": 1, "first": { "items": [ ';
    const newer = JSON.stringify({ type: 'AnnotationCollection', version: 99, first: { type: 'AnnotationPage', items: [] } });
    for (const [name, content] of [['store-corrupt', corrupt], ['store-newer', newer]]) {
      const dir = await folder(name, { 'library.news.txt': article, [sidecarName]: content });
      await addNote(vscode.Uri.joinPath(dir, 'library.news.txt'), 'This must not be written.');
      // The command reports the refusal; give a wrongful write the time it would take.
      await new Promise(resolve => setTimeout(resolve, 1000));
      assert.strictEqual(await readText(vscode.Uri.joinPath(dir, sidecarName)), content, `${name}: the file changed`);
      const names = (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).sort();
      assert.deepStrictEqual(names, ['library.news.txt', sidecarName], `${name}: something was written beside it`);
    }
    // Nor is the refused note kept anywhere else: the workspace export does not hold it.
    const exported = vscode.Uri.joinPath(root(), 'store-corrupt', 'export.jsonld');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format: 'jsonld', target: exported.toString() });
    const json = await eventually(() => readText(exported), 'the JSON-LD export was not written');
    assert.ok(!json.includes('This must not be written'), json);
  });

  test('Export Annotations writes CSV and brat with the notes, and Import brat Annotations reads an .ann back', async () => {
    const dir = await folder('store-exchange', { 'library.news.txt': article });
    const file = vscode.Uri.joinPath(dir, 'library.news.txt');
    const quotation = '“Students asked for it, and the budget allows it,”';
    const start = article.indexOf(quotation);
    await openArticle(file);
    await vscode.commands.executeCommand('newsAnnotator.addNote', { uri: file.toString(), start, end: start + quotation.length, text: 'Budget, "2026" line' });
    await eventually(async () => ((await sidecarSources(dir)).length === 1 ? true : undefined), 'the note did not reach the sidecar');

    const csvFile = vscode.Uri.joinPath(dir, 'out', 'quotations.csv');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format: 'csv', target: csvFile.toString() });
    const csv = await eventually(() => readText(csvFile), 'no CSV was written');
    const row = csv.split('\r\n').find(line => line.startsWith('store-exchange/library.news.txt,'));
    assert.ok(row, `no row for the article in:\n${csv}`);
    assert.ok(row.includes('"Students asked for it, and the budget allows it,"'), row);
    assert.ok(row.includes('"Budget, ""2026"" line"'), row);

    const bratDir = vscode.Uri.joinPath(dir, 'out', 'brat');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format: 'brat', target: bratDir.toString() });
    const ann = await eventually(() => readText(vscode.Uri.joinPath(bratDir, 'store-exchange', 'library.news.ann')), 'no .ann was written');
    assert.match(ann, new RegExp(`^T\\d+\tQuotation ${start} ${start + quotation.length}\t${quotation}$`, 'm'));
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tnote: Budget, "2026" line$/m);

    const other = await folder('store-import', { 'library.news.txt': article, 'library.ann': `T1\tQuotation ${start} ${start + quotation.length}\t${quotation}\n#1\tAnnotatorNotes T1\tspeaker: Noor Haddad\n` });
    await vscode.commands.executeCommand('newsAnnotator.importBratAnnotations', {
      uri: vscode.Uri.joinPath(other, 'library.news.txt').toString(), ann: vscode.Uri.joinPath(other, 'library.ann').toString(),
    });
    const imported = await eventually(async () => {
      const text = await readText(vscode.Uri.joinPath(other, sidecarName));
      return text ? JSON.parse(text).first.items : undefined;
    }, 'the import did not reach the sidecar');
    assert.strictEqual(imported.length, 1);
    assert.strictEqual(imported[0].motivation, 'classifying');
    assert.deepStrictEqual(imported[0].body, ['na:Quotation', { type: 'TextualBody', purpose: 'identifying', value: 'Noor Haddad' }]);
  });

  test('an article changed on disk while closed: the sidecar follows its words, or keeps them as an orphan', async () => {
    const dir = await folder('store-closed', { 'library.news.txt': article });
    const file = vscode.Uri.joinPath(dir, 'library.news.txt');
    await addNote(file, 'Follows the words.');
    await eventually(async () => ((await sidecarSources(dir)).length === 1 ? true : undefined), 'the note did not reach the sidecar');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const inserted = 'Opening hours were last changed in 2019.\n\n';
    const changed = article.replace('The town library', `${inserted}The town library`);
    await vscode.workspace.fs.writeFile(file, encode(changed));
    // VS Code's rename over a file deletes it first: between the two the sidecar is briefly absent.
    const item = async () => {
      const text = await readText(vscode.Uri.joinPath(dir, sidecarName));
      return text === undefined ? undefined : JSON.parse(text).first.items[0];
    };
    await eventually(async () => ((await item())?.target.selector[1].start === changed.indexOf(words) ? true : undefined),
      'the sidecar still has the old position');

    await vscode.workspace.fs.writeFile(file, encode(changed.replace(/The town library[^\n]*\n/, '')));
    const orphan = await eventually(async () => ((await item())?.orphaned ? await item() : undefined), 'the annotation whose words were deleted is not an orphan');
    assert.strictEqual(orphan.target.selector[0].exact, words);
    assert.strictEqual(orphan.body.value, 'Follows the words.');
  });

  test('a write interrupted between deleting the old sidecar and moving the new one in is restored', async () => {
    const dir = await folder('store-interrupted', { 'library.news.txt': article });
    const file = vscode.Uri.joinPath(dir, 'library.news.txt');
    await addNote(file, 'Written before the crash.');
    const written = await eventually(() => readText(vscode.Uri.joinPath(dir, sidecarName)), 'no sidecar was written');
    // The state a crash leaves: the sidecar gone, the complete new version beside it under a temporary name.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const leftover = vscode.Uri.joinPath(dir, `.${sidecarName}.crash.tmp`);
    await vscode.workspace.fs.rename(vscode.Uri.joinPath(dir, sidecarName), leftover);
    await vscode.commands.executeCommand('newsAnnotator.addTag', { uri: file.toString(), start: article.indexOf(words), end: article.indexOf(words) + words.length, tag: 'hours' });
    const restored = await eventually(async () => {
      const text = await readText(vscode.Uri.joinPath(dir, sidecarName));
      return text && JSON.parse(text).first.items.length === 2 ? text : undefined;
    }, 'the sidecar was not restored before the tag was added');
    assert.ok(restored.includes('Written before the crash.'));
    assert.ok(written.includes('Written before the crash.'));
    assert.strictEqual(await readText(leftover), undefined, 'the temporary file was moved into place');
  });

  test('renaming an article, then moving it to another folder, takes its annotations along', async () => {
    const dir = await folder('store-rename', { 'before.news.txt': article });
    const elsewhere = await folder('store-rename-target', {});
    await addNote(vscode.Uri.joinPath(dir, 'before.news.txt'), 'Follows the file.');
    await eventually(async () => ((await sidecarSources(dir)).length === 1 ? true : undefined), 'the note did not reach the sidecar');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const renamed = new vscode.WorkspaceEdit();
    renamed.renameFile(vscode.Uri.joinPath(dir, 'before.news.txt'), vscode.Uri.joinPath(dir, 'after.news.txt'));
    assert.ok(await vscode.workspace.applyEdit(renamed));
    await eventually(async () => (JSON.stringify(await sidecarSources(dir)) === '["after.news.txt"]' ? true : undefined),
      'the annotation did not follow the renamed article');

    const moved = new vscode.WorkspaceEdit();
    moved.renameFile(vscode.Uri.joinPath(dir, 'after.news.txt'), vscode.Uri.joinPath(elsewhere, 'after.news.txt'));
    assert.ok(await vscode.workspace.applyEdit(moved));
    await eventually(async () => (JSON.stringify(await sidecarSources(elsewhere)) === '["after.news.txt"]' ? true : undefined),
      'the annotation did not move with the article to its new folder');
    await eventually(async () => ((await sidecarSources(dir)).length === 0 ? true : undefined), 'the annotation stayed behind in the old folder too');
  });
});
