// The browser bundle (dist/web/extension.js) in VS Code's web worker extension host: a user opens an
// article and gets News Article mode and the speaker in the hover, with no Node.js underneath.
// Runs in a worker: no Node modules here, not even `assert`.
import * as vscode from 'vscode';

const extensionId = 'news-annotator.news-annotator';
// samples/100_...: Mayor Ada Brook's "We are not walking away from this table ..." on line 5
const article = { path: 'samples/100_dc533f7c6c9ce438.txt', quotationStart: 'We are not walking away from this table', speaker: 'Ada Brook' };

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

suite('Web extension host', () => {
  test('opening a sample article activates the browser bundle in News Article mode', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    check(extension, `${extensionId} is not loaded`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder, 'no workspace folder is open');

    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, article.path));
    await vscode.window.showTextDocument(document);
    check(document.languageId === 'news-article', `language is ${document.languageId}`);
    check(await waitFor(() => extension.isActive, 20_000), 'the extension did not activate');
    console.log(`      web activation: ${article.path} opened -> extension active in ${Date.now() - opened} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${vscode.env.appHost})`);
  });

  test('hovering a quotation names its speaker', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, article.path));
    const offset = document.getText().indexOf(article.quotationStart);
    check(offset > 0, 'the sample article changed: quotation not found');
    const position = document.positionAt(offset + 5);
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const text = hovers.flatMap(hover => hover.contents).map(part => (typeof part === 'string' ? part : part.value)).join('\n');
      return text.includes(article.speaker) ? text : undefined;
    };
    const text = await waitFor(hoverText, 20_000);
    check(text, `no hover names ${article.speaker}`);
  });
});
