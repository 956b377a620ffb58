// Which files open in News Article mode, in a real VS Code: by name (the manifest), by the
// newsAnnotator.articlePatterns setting, by content (newsAnnotator.detectByContent), and by the
// "News: Open as News Article" command. Files are written into the scratch test workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';

const newsLanguage = 'news-article';

const newsLikeText = [
  'Harbour Ferry Returns After Two-Day Storm',
  '',
  'The harbour ferry ran again on Sunday after two days tied up in port, its operator said.',
  '',
  '"The crossing was rough but safe, and every sailing after noon is already full," operator Lena Sato said.',
  '',
  'Commuters at the north pier said they had waited since dawn. "We were told nine o\'clock, then ten," said Omar Reyes, a nurse.',
  '',
  'Sato added that "the timetable will be back to normal by Tuesday, weather permitting."',
].join('\n');

const plainText = 'Shopping\n\nmilk, eggs, bread\n\nCall the garage about the brakes before Friday.\n';

function folder(): vscode.WorkspaceFolder {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the integration tests run with a workspace folder open');
  return first;
}

async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder().uri, 'language-mode', relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The language VS Code gives the document at `uri` now (a language change reopens the document). */
function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())?.languageId;
}

async function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = 5_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (languageOf(uri) !== languageId && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 25));
  return languageOf(uri);
}

/** Shows the file in an editor, as a user opening it does. */
async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('newsAnnotator').update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('News Article mode', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('articlePatterns', undefined);
    await setSetting('detectByContent', undefined);
  });

  test('*.news.txt and seed-style names open as news articles; other .txt files stay Plain Text', async () => {
    await setSetting('detectByContent', 'off');
    const byExtension = await writeFile('ferry.news.txt', plainText);
    const bySeedName = await writeFile('900_0123456789abcdef.txt', plainText);
    const other = await writeFile('notes.txt', newsLikeText);
    assert.strictEqual((await show(byExtension)).languageId, newsLanguage);
    assert.strictEqual((await show(bySeedName)).languageId, newsLanguage);
    assert.strictEqual((await show(other)).languageId, 'plaintext', 'with detection off, a .txt named like anything else stays Plain Text');
  });

  test('newsAnnotator.articlePatterns switches matching files when they open', async () => {
    await setSetting('detectByContent', 'off');
    // Patterns are relative to the workspace folder; this test's files live under language-mode/.
    await setSetting('articlePatterns', ['language-mode/clippings/**/*.txt']);
    const matching = await writeFile('clippings/2026/harbour.txt', plainText);
    const notMatching = await writeFile('drafts/harbour.txt', plainText);
    await show(matching);
    assert.strictEqual(await waitForLanguage(matching, newsLanguage), newsLanguage);
    await show(notMatching);
    await new Promise(resolve => setTimeout(resolve, 300));
    assert.strictEqual(languageOf(notMatching), 'plaintext');
  });

  test('detectByContent "switch": a .txt that reads as news switches when shown; one that does not stays', async () => {
    await setSetting('detectByContent', 'switch');
    const news = await writeFile('ferry-report.txt', newsLikeText);
    const list = await writeFile('shopping.txt', plainText);
    await show(news);
    assert.strictEqual(await waitForLanguage(news, newsLanguage), newsLanguage);
    await show(list);
    await new Promise(resolve => setTimeout(resolve, 300));
    assert.strictEqual(languageOf(list), 'plaintext');
  });

  test('detectByContent "off": a .txt that reads as news is left alone', async () => {
    await setSetting('detectByContent', 'off');
    const news = await writeFile('ferry-report-2.txt', newsLikeText);
    await show(news);
    await new Promise(resolve => setTimeout(resolve, 300));
    assert.strictEqual(languageOf(news), 'plaintext');
  });

  test('a file switched back to Plain Text by the user is not switched again', async () => {
    await setSetting('detectByContent', 'switch');
    const news = await writeFile('ferry-report-3.txt', newsLikeText);
    await show(news);
    assert.strictEqual(await waitForLanguage(news, newsLanguage), newsLanguage);
    const current = vscode.workspace.textDocuments.find(d => d.uri.toString() === news.toString());
    assert.ok(current);
    await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(current, 'plaintext'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await show(news);
    await new Promise(resolve => setTimeout(resolve, 300));
    assert.strictEqual(languageOf(news), 'plaintext');
  });

  test('"News: Open as News Article" switches the current file', async () => {
    await setSetting('detectByContent', 'off');
    const uri = await writeFile('memo.txt', plainText);
    await show(uri);
    assert.strictEqual(languageOf(uri), 'plaintext');
    await vscode.commands.executeCommand('newsAnnotator.openAsNewsArticle');
    assert.strictEqual(await waitForLanguage(uri, newsLanguage), newsLanguage);
    assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, newsLanguage, 'the editor shows it in News Article mode');
  });
});
