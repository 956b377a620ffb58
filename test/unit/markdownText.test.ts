import * as assert from 'assert';
import { escapeMarkdown } from '../../src/vscode/markdownText';

/** What a reader sees once Markdown has taken its backslash escapes out. */
function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200b/g, '');
}

suite('escapeMarkdown (article text in hover cards)', () => {
  const hostile = [
    '[click](command:workbench.action.quit)',
    '<command:newsAnnotator.openLocation>',
    '<img src=x onerror=alert(1)>',
    '**bold** __under__ `code` ~~struck~~',
    '| a | b |',
    '# heading',
    '1. list',
    '- item',
    '$(alert) &amp; ![image](http://x)',
    'mail me@example.com or www.example.com or http://example.com',
  ];

  test('leaves no unescaped Markdown mark behind', () => {
    for (const text of hostile) {
      const escaped = escapeMarkdown(text);
      assert.doesNotMatch(escaped, /(^|[^\\])[[\]()<>`*_|~#!$&:@]/, `${text} -> ${escaped}`);
    }
  });

  test('shows the text as written', () => {
    for (const text of hostile) assert.strictEqual(shown(escapeMarkdown(text)), text);
  });

  test('breaks the word command: so no renderer can link it', () => {
    const escaped = escapeMarkdown('see COMMAND:x and command:y');
    assert.doesNotMatch(escaped, /command\\?:/i);
  });

  test('keeps one line: runs of whitespace and line breaks become one space', () => {
    assert.strictEqual(escapeMarkdown('two\n\nparagraphs\r\n  here'), 'two paragraphs here');
  });

  test('leaves letters, digits and typographic quotes alone', () => {
    assert.strictEqual(escapeMarkdown('\u201cWe\u2019re here,\u201d she said'), '\u201cWe\u2019re here,\u201d she said');
  });
});
