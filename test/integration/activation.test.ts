// Activation the way a user meets it: open an article, nothing else. No test calls activate().
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const extensionId = 'news-annotator.news-annotator';
const seedStyleName = /^\d{3}_[0-9a-f]{16}\.txt$/;

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  return true;
}

/**
 * How long VS Code spent loading our bundle and inside our activate(), from the performance marks the
 * extension host sets around both (code/extHost/{will,did}{LoadExtensionCode,ActivateExtension}/...).
 * Read-only use of a VS Code internal, for the report only; empty where the marks are absent.
 */
function extensionHostTimings(extension: vscode.Extension<unknown>): string {
  const marks: { name: string; startTime: number }[] =
    (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const span = (will: string, did: string, key: string) => {
    const start = marks.find(mark => mark.name === will + key);
    const end = marks.find(mark => mark.name === did + key);
    return start && end ? `${end.startTime - start.startTime} ms` : undefined;
  };
  const load = span('code/extHost/willLoadExtensionCode/', 'code/extHost/didLoadExtensionCode/', extension.id);
  const activate = span('code/extHost/willActivateExtension/', 'code/extHost/didActivateExtension/', extension.id);
  return load || activate ? ` (bundle loaded in ${load ?? 'n/a'}, activate() took ${activate ?? 'n/a'})` : '';
}

suite('Activation', () => {
  test('opening a seed-style article opens it in News Article mode and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    // The workbench sometimes creates a plain-text model of its own at startup, which fires
    // onLanguage:plaintext (declared for content detection) before any article is opened.
    const activeBefore = extension.isActive;

    const articles = (await vscode.workspace.findFiles('**/*.txt'))
      .filter(uri => seedStyleName.test(path.posix.basename(uri.path)))
      .sort((a, b) => a.path.localeCompare(b.path));
    assert.ok(articles.length > 0, 'the test workspace holds no NNN_<16 hex>.txt article');
    const name = path.posix.basename(articles[0].path);

    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(articles[0]);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'news-article');
    const activated = await waitUntil(() => extension.isActive, 20_000);
    const elapsed = Date.now() - opened;
    assert.ok(activated, `the extension did not activate within 20 s of opening ${name}`);
    console.log(activeBefore
      ? `activation: already active before ${name} was opened (an earlier activation event)${extensionHostTimings(extension)}`
      : `activation: ${name} opened -> extension active in ${elapsed} ms${extensionHostTimings(extension)}`);
  });
});
