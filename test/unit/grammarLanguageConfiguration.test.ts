// The language contribution hangs together (every file it names exists, the grammar's scope and
// includes resolve) and language-configuration.json behaves as a reader of prose needs: quote pairs
// that close and wrap, and a word pattern that keeps don't, al-Qaida and Kerry’s whole.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const readJson = (relative: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8'));
const manifest = readJson('package.json');
const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'news-article');
const grammarEntry = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'news-article');
const configuration = readJson(language.configuration);
const grammar = readJson(grammarEntry.path);

/** The word pattern compiled the way VS Code compiles it: the given flags plus `g`. */
function words(text: string): string[] {
  const { pattern, flags } = configuration.wordPattern;
  return text.match(new RegExp(pattern, `${flags}g`)) ?? [];
}

suite('News Article language contribution', () => {
  test('every file the contribution names exists', () => {
    for (const relative of [language.configuration, language.icon.light, language.icon.dark, grammarEntry.path, manifest.icon]) {
      assert.ok(fs.existsSync(path.join(repoRoot, relative)), relative);
    }
  });

  test('the grammar has the scope name the manifest declares, and every include resolves', () => {
    assert.strictEqual(grammar.scopeName, grammarEntry.scopeName);
    const includes: string[] = [];
    const names: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'include' && typeof value === 'string') includes.push(value);
        else if ((key === 'name' || key === 'contentName') && typeof value === 'string') names.push(...value.split(' '));
        else walk(value);
      }
    };
    walk(grammar.patterns);
    walk(grammar.repository);
    for (const include of includes) assert.ok(include.startsWith('#') && include.slice(1) in grammar.repository, include);
    for (const name of names) assert.ok(name.endsWith('.news-article'), `scope ${name} lacks the language suffix`);
  });

  test('the marketplace icon is a 128x128 PNG', () => {
    const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.strictEqual(png.toString('ascii', 12, 16), 'IHDR');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});

suite('language-configuration.json', () => {
  test("the word pattern keeps contractions, hyphenated names and curly possessives whole", () => {
    assert.deepStrictEqual(words("They don't trust al-Qaida, Kerry’s aides said."), ['They', "don't", 'trust', 'al-Qaida', 'Kerry’s', 'aides', 'said']);
    assert.deepStrictEqual(words("O'Hare, the dockworkers' union and ISIS’ advance"), ["O'Hare", 'the', 'dockworkers', 'union', 'and', 'ISIS', 'advance']);
    assert.deepStrictEqual(words('“Quoted,” he said — 9.5 percent'), ['Quoted', 'he', 'said', '9.5', 'percent']);
  });

  test('curly and straight double quotes, curly single quotes and brackets close themselves', () => {
    const pairs = new Set(configuration.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close));
    for (const pair of ['“”', '‘’', '""', '[]', '()']) assert.ok(pairs.has(pair), pair);
    assert.ok(!pairs.has("''"), 'a straight single quote is mostly an apostrophe: it must not insert a second one');
    const straightDouble = configuration.autoClosingPairs.find((p: { open: string }) => p.open === '"');
    assert.deepStrictEqual(straightDouble.notIn, ['string'], 'typing the closing mark inside a quotation does not open another');
  });

  test('a selection can be wrapped in any of the quote marks or brackets', () => {
    const pairs = new Set(configuration.surroundingPairs.map(([open, close]: [string, string]) => open + close));
    for (const pair of ['“”', '‘’', '""', "''", '[]', '()']) assert.ok(pairs.has(pair), pair);
  });
});
