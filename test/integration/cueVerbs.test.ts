// The newsAnnotator.cueVerbs setting extends the cue verbs the analysis reads, and every article is
// analysed again when it changes: a quotation with an unusual cue verb gets its speaker in the card.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { hoverMarkdown, waitFor } from './articles';

suite('Extra cue verbs from the settings', () => {
  const article = 'Invented harbour board delays its vote\n\nThe vote was delayed again on Monday.\n\n'
    + '\u201cWe will not be rushed into this,\u201d harbour chair Mara Quill harrumphed after the meeting.\n';
  let file: string;

  suiteSetup(() => {
    file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'samples', '974_0000000000000c01.txt');
    fs.writeFileSync(file, article);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('newsAnnotator').update('cueVerbs', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(file, { force: true });
  });

  test('a quotation cued by a verb the user added names its speaker', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.file(file);
    const offset = article.indexOf('not be rushed');
    const namesQuill = (cards: string[]) => cards.some(card => card.startsWith('**Mara Quill**'));
    const before = await waitFor(async () => {
      const cards = await hoverMarkdown(uri, offset);
      return cards.length > 0 ? cards : undefined;
    }, 20_000);
    assert.ok(before, 'no hover card on the quotation');
    assert.ok(!namesQuill(before), `"harrumphed" is no built-in cue verb, yet the card names Mara Quill:\n${before.join('\n---\n')}`);

    await vscode.workspace.getConfiguration('newsAnnotator').update('cueVerbs', ['harrumph'], vscode.ConfigurationTarget.Global);
    const after = await waitFor(async () => {
      const cards = await hoverMarkdown(uri, offset);
      return namesQuill(cards) ? cards : undefined;
    }, 20_000);
    assert.ok(after, 'after adding "harrumph" to newsAnnotator.cueVerbs the card still does not name Mara Quill');
  });
});
