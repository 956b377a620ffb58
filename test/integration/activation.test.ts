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

suite('Activation', () => {
  test('opening a seed-style article opens it in News Article mode and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    assert.strictEqual(extension.isActive, false,
      'the extension was active before any article was opened: an activation event fires too eagerly');

    const articles = (await vscode.workspace.findFiles('**/*.txt'))
      .filter(uri => seedStyleName.test(path.posix.basename(uri.path)))
      .sort((a, b) => a.path.localeCompare(b.path));
    assert.ok(articles.length > 0, 'the test workspace holds no NNN_<16 hex>.txt article');

    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(articles[0]);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'news-article');
    const activated = await waitUntil(() => extension.isActive, 20_000);
    const elapsed = Date.now() - opened;
    assert.ok(activated, `the extension did not activate within 20 s of opening ${path.posix.basename(articles[0].path)}`);
    console.log(`activation: ${path.posix.basename(articles[0].path)} opened -> extension active in ${elapsed} ms`);
  });
});
