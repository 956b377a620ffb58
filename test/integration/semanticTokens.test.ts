// Semantic highlighting as the editor receives it: tokens from VS Code's own command, decoded with
// the legend VS Code reports. The extension is activated by opening articles, never by hand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, longCurlyQuotations, openArticle, seedArticle, semanticTokens, type DecodedToken } from './editorSupport';

function covering(tokens: readonly DecodedToken[], type: string, range: vscode.Range): DecodedToken | undefined {
  return tokens.find(t => t.type === type && t.range.contains(range));
}

suite('Semantic highlighting', () => {
  test('semantic highlighting is on for news articles whatever the theme says, with styles for the modifiers', () => {
    const enabled = vscode.workspace.getConfiguration('editor', { languageId: 'news-article' }).get('semanticHighlighting.enabled');
    assert.strictEqual(enabled, true);
    // Themes know nothing of our modifiers: default rules make them visible as font styles.
    const rules = vscode.workspace.getConfiguration('editor').inspect<{ rules?: Record<string, unknown> }>('semanticTokenColorCustomizations')?.defaultValue?.rules ?? {};
    for (const selector of ['quotation.unattributed:news-article', 'quotation.crossSourced:news-article', '*.corrected:news-article']) {
      assert.ok(selector in rules, `no default style for ${selector}`);
    }
  });

  test('opening a seed article colours its quotations, speakers and cue verbs', async function () {
    const uri = await seedArticle('000');
    if (!uri) {
      console.log('skipped: ../shared/seeds is absent, so there is no seed article to open');
      return this.skip();
    }
    const { document } = await openArticle(uri);
    const tokens = await eventually(async () => {
      const found = await semanticTokens(document);
      return found.some(t => t.type === 'quotation') ? found : undefined;
    }, 'no quotation tokens for the seed article');

    const quotations = longCurlyQuotations(document.getText(), 60);
    assert.ok(quotations.length >= 3, 'the seed article has long quotations to check');
    for (const q of quotations) {
      const range = new vscode.Range(document.positionAt(q.start), document.positionAt(q.end));
      assert.ok(covering(tokens, 'quotation', range), `no quotation token covers the quotation on line ${range.start.line + 1}`);
    }
    assert.ok(tokens.some(t => t.type === 'speaker' && t.text === 'Kerry'), 'no speaker token covers "Kerry"');
    assert.ok(tokens.some(t => t.type === 'speaker' && /^the\b/i.test(t.text)), 'no speaker token covers a description standing for a speaker');
    assert.ok(tokens.some(t => t.type === 'cueVerb' && t.text === 'said'), 'no cue verb token covers "said"');
    for (const t of tokens.filter(t => t.type === 'quotation')) {
      assert.ok(!/\bKerry said\b/.test(t.text), `a quotation token runs over its attribution on line ${t.range.start.line + 1}`);
    }
  });

  test('a quotation that another outlet also carries is marked crossSourced', async function () {
    const uri = await seedArticle('000');
    if (!uri || !(await seedArticle('001'))) return this.skip();
    const { document } = await openArticle(uri);
    const crossSourced = await eventually(async () => {
      const found = (await semanticTokens(document)).filter(t => t.type === 'quotation' && t.modifiers.includes('crossSourced'));
      return found.length > 0 ? found : undefined;
    }, 'no quotation of 000 is marked as carried by another article, though 001 reports the same remarks');
    assert.ok(crossSourced.every(t => !t.modifiers.includes('unattributed')));
  });

  test('a pronoun that stands for a speaker is coloured as a speaker, a pronoun that does not is not', async function () {
    const uri = await seedArticle('001');
    if (!uri) return this.skip();
    const { document } = await openArticle(uri);
    const tokens = await eventually(async () => {
      const found = await semanticTokens(document);
      return found.some(t => t.type === 'speaker' && t.text === 'he') ? found : undefined;
    }, 'no "he" in 001 is coloured as the speaker it stands for');
    // Every `he` coloured is one that attributes a quotation: followed by its cue verb.
    for (const t of tokens.filter(x => x.type === 'speaker' && /^(he|she)$/i.test(x.text))) {
      const after = document.getText(new vscode.Range(t.range.end, t.range.end.translate(0, 12)));
      assert.ok(/^\s+(said|told|added|replied)\b/.test(after), `a pronoun on line ${t.range.start.line + 1} is coloured without attributing anything`);
    }
  });

  test('tokens follow edits: a quotation typed into an article is coloured, unattributed until someone says it', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'news-article',
      content: 'Harbour Board Approves Ferry Plan\n\nThe board met on Tuesday.\n',
    });
    const editor = await openArticle(document.uri);
    const typed = '\u201cThe ferries will run every hour from May,\u201d said Lena Ortiz, the harbour master.\n';
    await editor.edit(edit => edit.insert(new vscode.Position(3, 0), typed));
    const quoteRange = new vscode.Range(3, 0, 3, typed.indexOf('\u201d') + 1);
    const tokens = await eventually(async () => {
      const found = await semanticTokens(document);
      return covering(found, 'quotation', quoteRange) ? found : undefined;
    }, 'the typed quotation was not coloured');
    assert.ok(tokens.some(t => t.type === 'cueVerb' && t.text === 'said'));
    assert.ok(tokens.some(t => t.type === 'speaker' && t.text === 'Lena Ortiz'), 'the speaker of the typed quotation is not coloured');

    await editor.edit(edit => edit.replace(new vscode.Range(3, typed.indexOf('\u201d') + 1, 3, typed.length - 1), ' The board was pleased.'));
    const after = await eventually(async () => {
      const found = await semanticTokens(document);
      return found.some(t => t.type === 'quotation' && t.modifiers.includes('unattributed')) ? found : undefined;
    }, 'a quotation whose attribution was deleted is not shown as unattributed');
    assert.ok(!after.some(t => t.type === 'cueVerb'), 'a cue verb token survived the deletion of its verb');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
