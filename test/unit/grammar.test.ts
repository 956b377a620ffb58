// The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + vscode-oniguruma).
// Snapshots: the token scopes of the invented hard cases in test/fixtures/grammar/*.txt (stored with
// their text) and of the seed articles in ../shared/seeds (stored as offsets, lengths and scopes plus
// a hash of each file, never the text, which belongs to its publisher). A mismatch fails; run with
// UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change, then review the diff.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { isBoilerplateLine } from '../../src/core/analysis/structure';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(repoRoot, 'syntaxes', 'news-article.tmLanguage.json');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'grammar');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const seedSnapshotPath = path.join(fixturesDir, 'seeds.tokens.json');
const updating = process.env.UPDATE_SNAPSHOTS === '1';

const rootScope = 'text.news-article';
const suffix = '.news-article';

interface Token {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Scopes below the root, outermost first, without the `.news-article` suffix. */
  readonly scopes: readonly string[];
}

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async scopeName => scopeName === rootScope
      ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
      : null,
  });
  const grammar = await registry.loadGrammar(rootScope);
  assert.ok(grammar, `no grammar for ${rootScope}`);
  return grammar;
}

/** Every token that carries a scope besides the root, line by line as VS Code feeds them. */
function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    for (const t of result.tokens) {
      const scopes = t.scopes.slice(1).flatMap(s => s.split(' ')).map(s => s.endsWith(suffix) ? s.slice(0, -suffix.length) : s);
      if (scopes.length === 0) continue;
      const end = Math.min(t.endIndex, lineText.length);
      if (end > t.startIndex) tokens.push({ line, start: t.startIndex, end, text: lineText.slice(t.startIndex, end), scopes });
    }
  });
  return tokens;
}

/** The scopes at a character: the innermost token that covers it, or none. */
function scopesAt(tokens: readonly Token[], line: number, column: number): readonly string[] {
  return tokens.find(t => t.line === line && t.start <= column && column < t.end)?.scopes ?? [];
}

function lineColumnOf(text: string, needle: string, occurrence = 0): [number, number] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `fixture has no ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, index).split('\n');
  return [before.length - 1, before[before.length - 1].length];
}

/** Scopes of the `offset`-th character of the `occurrence`-th `needle` in a fixture. */
function scopesOf(fixture: Fixture, needle: string, offset = 0, occurrence = 0): readonly string[] {
  const [line, column] = lineColumnOf(fixture.text, needle, occurrence);
  return scopesAt(fixture.tokens, line, column + offset);
}

const isQuoteBoundary = (scopes: readonly string[]) => scopes.some(s => s.startsWith('punctuation.definition.string'));
const isInQuotation = (scopes: readonly string[]) => scopes.some(s => s.startsWith('string.quoted'));

interface Fixture { readonly text: string; readonly tokens: readonly Token[] }

/** A readable account of the first difference between two token lists. */
function firstDifference(actual: readonly unknown[][], expected: readonly unknown[][], describe: (row: unknown[]) => string): string | null {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i];
    const e = expected[i];
    if (JSON.stringify(a) === JSON.stringify(e)) continue;
    return `token ${i}: expected ${e ? describe(e) : '(none)'}, got ${a ? describe(a) : '(none)'}`;
  }
  return null;
}

function writeJson(file: string, value: unknown): void {
  // One token per line keeps snapshot diffs reviewable.
  const body = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
    if (Array.isArray(v)) return `  ${JSON.stringify(key)}: [\n${v.map(row => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(v)}`;
  });
  fs.writeFileSync(file, `{\n${body.join(',\n')}\n}\n`);
}

suite('TextMate grammar', () => {
  let grammar: textmate.IGrammar;
  const fixtures = new Map<string, Fixture>();
  const fixture = (name: string): Fixture => {
    const found = fixtures.get(name);
    assert.ok(found, `no fixture ${name}`);
    return found;
  };

  suiteSetup(async () => {
    grammar = await loadGrammar();
    for (const name of fs.readdirSync(fixturesDir).filter(n => n.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(fixturesDir, name), 'utf8');
      fixtures.set(name, { text, tokens: tokenize(grammar, text) });
    }
  });

  suite('hard cases: snapshots', () => {
    test('every hard case matches its checked-in token scopes', () => {
      assert.ok(fixtures.size >= 5, 'the hard-case fixtures are missing');
      for (const [name, { tokens }] of fixtures) {
        const snapshotPath = path.join(fixturesDir, name.replace(/\.txt$/, '.tokens.json'));
        const rows = tokens.map(t => [t.line, t.start, t.end, t.text, t.scopes.join(' ')]);
        if (updating) writeJson(snapshotPath, { file: name, tokens: rows });
        assert.ok(fs.existsSync(snapshotPath), `${name}: no snapshot; run with UPDATE_SNAPSHOTS=1`);
        const expected = JSON.parse(fs.readFileSync(snapshotPath, 'utf8')).tokens as unknown[][];
        const difference = firstDifference(rows, expected, ([line, start, end, text, scopes]) =>
          `line ${line} ${start}-${end} ${JSON.stringify(text)} [${scopes}]`);
        assert.strictEqual(difference, null, `${name}: ${difference}\n(after an intended grammar change: UPDATE_SNAPSHOTS=1 npm run test:unit)`);
      }
    });
  });

  suite('hard cases: what a reader sees', () => {
    test('the first line is the headline', () => {
      const f = fixture('headline-quotes.txt');
      assert.ok(scopesOf(f, 'Mayor Brook').includes('markup.heading'));
      assert.ok(!scopesOf(f, 'The harbour').includes('markup.heading'), 'the body is not a heading');
    });

    test("in the headline, 'We're Not Backing Down' is a quotation and the apostrophe in We're is not a boundary", () => {
      const f = fixture('headline-quotes.txt');
      assert.ok(scopesOf(f, "'We're").includes('punctuation.definition.string.begin'));
      assert.ok(scopesOf(f, "'We're").includes('string.quoted.single'));
      const apostrophe = scopesOf(f, "We're", 2);
      assert.ok(isInQuotation(apostrophe), 'still inside the quotation');
      assert.ok(!isQuoteBoundary(apostrophe), `the apostrophe in We're is not a boundary: ${apostrophe.join(' ')}`);
      assert.ok(scopesOf(f, "Down'", 4).includes('punctuation.definition.string.end'));
      assert.ok(scopesOf(f, "Down'", 4).includes('markup.heading'), 'the quotation stays inside the headline');
    });

    test('curly single quotes in a headline: ‘Fair Wages’ is a quotation, Dockworkers\' is not', () => {
      const f = fixture('headline-quotes.txt');
      assert.ok(scopesOf(f, '‘Fair').includes('punctuation.definition.string.begin'));
      assert.ok(scopesOf(f, 'Wages’', 5).includes('punctuation.definition.string.end'));
      assert.ok(!isInQuotation(scopesOf(f, "Dockworkers'", 11)));
    });

    test("apostrophes never make quotations: Brook's, inspectors', Texas', O'Hare’s, rock 'n' roll, the '90s", () => {
      const f = fixture('not-quotes.txt');
      for (const [needle, offset] of [["Brook's", 5], ["inspectors'", 10], ["Texas'", 5], ["O'Hare’s", 1], ["O'Hare’s", 6], ["'n'", 0], ["'n'", 2], ["'90s", 0], ["crane's", 5]] as const) {
        const scopes = scopesOf(f, needle, offset);
        assert.ok(!isInQuotation(scopes) && !isQuoteBoundary(scopes), `${needle} at ${offset}: ${scopes.join(' ')}`);
      }
    });

    test('inch and foot marks are not quotation marks, and cue verbs in a paragraph that quotes nobody stay plain', () => {
      const f = fixture('not-quotes.txt');
      assert.ok(!isInQuotation(scopesOf(f, '12"', 2)));
      assert.ok(!isInQuotation(scopesOf(f, 'bolts')));
      assert.ok(!scopesOf(f, 'report said', 7).includes('keyword.other.cue'));
      assert.ok(!scopesOf(f, 'aides said', 6).includes('keyword.other.cue'));
    });

    test('curly and straight marks pair with each other: “...," said X. "...”', () => {
      const f = fixture('mixed-marks.txt');
      assert.ok(scopesOf(f, '“The cranes').includes('punctuation.definition.string.begin'));
      assert.ok(scopesOf(f, 'days,"', 5).includes('punctuation.definition.string.end'));
      assert.ok(!isInQuotation(scopesOf(f, 'said Ada')), 'the attribution between the two parts is narrative');
      assert.ok(scopesOf(f, 'said Ada').includes('keyword.other.cue'));
      assert.ok(scopesOf(f, '"That costs').includes('punctuation.definition.string.begin'));
      assert.ok(scopesOf(f, 'admits.”', 7).includes('punctuation.definition.string.end'));
    });

    test('cue verbs beside quotations: told, added that, replied, according to', () => {
      const f = fixture('mixed-marks.txt');
      for (const cue of ['told', 'added', 'replied', 'According to']) {
        assert.ok(scopesOf(f, cue).includes('keyword.other.cue'), `${cue} is a cue`);
      }
      assert.ok(!scopesOf(f, 'voted').includes('keyword.other.cue'), 'words inside a quotation are not cues');
    });

    test('a quotation nested in a quotation: curly single marks inside double ones', () => {
      const f = fixture('mixed-marks.txt');
      const nested = scopesOf(f, 'wait until');
      assert.ok(nested.includes('string.quoted.double') && nested.includes('string.quoted.single'), nested.join(' '));
      assert.ok(scopesOf(f, 'and we waited').includes('string.quoted.double'), 'the outer quotation goes on after the nested one');
      assert.ok(!scopesOf(f, 'and we waited').includes('string.quoted.single'));
    });

    test('a quotation that runs on reopens at the start of the next paragraph without closing', () => {
      const f = fixture('run-on.txt');
      const [line] = lineColumnOf(f.text, '“Nobody wants');
      const open = scopesOf(f, '“Nobody');
      assert.ok(open.includes('punctuation.definition.string.begin'));
      assert.ok(open.includes('meta.quotation.unclosed'));
      const lineText = f.text.split('\n')[line];
      const last = scopesAt(f.tokens, line, lineText.length - 1);
      assert.ok(isInQuotation(last) && !isQuoteBoundary(last), 'coloured as quoted to the end of the paragraph, with no closing mark');
      assert.ok(scopesAt(f.tokens, line + 1, 0).length === 0, 'the blank line after it is plain');
      assert.ok(scopesOf(f, '“And that').includes('punctuation.definition.string.begin'), 'the next paragraph reopens it');
      assert.ok(scopesOf(f, 'Thursday.”', 9).includes('punctuation.definition.string.end'));
      assert.ok(!isInQuotation(scopesOf(f, 'The vote is')), 'and the paragraph after that is narrative again');
    });

    test('bracketed insertions inside quotations, and only there', () => {
      const f = fixture('insertions.txt');
      const inside = scopesOf(f, 'the port authority]', 4);
      assert.ok(isInQuotation(inside) && inside.includes('markup.italic.insertion'), inside.join(' '));
      assert.ok(scopesOf(f, '[the port').includes('punctuation.definition.insertion.begin'));
      assert.ok(scopesOf(f, '[the]', 1).includes('markup.italic.insertion'));
      assert.ok(!scopesOf(f, '[page 4]', 1).includes('markup.italic.insertion'), 'brackets in the narrative are not insertions');
    });

    test('web boilerplate lines are comments, and the headline is the first line after them', () => {
      const f = fixture('boilerplate.txt');
      for (const line of ['Accessibility links', 'Skip to main content', 'Breaking News', '0:00 0:02:56 0:00', 'Watch related video', 'Related Content']) {
        assert.ok(scopesOf(f, line).includes('comment.line.boilerplate'), line);
      }
      assert.ok(scopesOf(f, 'Dockworkers Vote').includes('markup.heading'));
      assert.ok(!scopesOf(f, 'The strike ended').includes('markup.heading'));
    });

    test('the grammar colours as boilerplate exactly the lines the analysis treats as boilerplate', () => {
      const lines = [
        'Accessibility links', 'Related Content', 'Recommended stories', 'Related video', 'Breaking News', 'Advertisement',
        'please wait', 'Watch related video', 'Skip to content', 'Skip to main content', 'No media source currently available',
        'Share', 'Share this story', 'Read more', 'Continue reading', 'Image copyright Harbour Photo Agency', 'Image caption Cranes at dawn',
        '0:00 0:02:56 0:00', '1:02:03', '12:30',
        // Near misses: prose that starts or ends like furniture.
        'Related content was removed from the site, the union said.', 'Share prices fell on Monday.', 'Read more carefully, the judge said.',
        'Breaking news travels fast in a port town.', 'At 0:00 the cranes stopped.', 'The meeting began at 9:30 and ended at noon.',
      ];
      const text = lines.join('\n\n');
      const tokens = tokenize(grammar, text);
      lines.forEach((line, i) => {
        const coloured = scopesAt(tokens, 2 * i, 0).includes('comment.line.boilerplate');
        assert.strictEqual(coloured, isBoilerplateLine(line), `${JSON.stringify(line)}: grammar ${coloured}, analysis ${isBoilerplateLine(line)}`);
      });
    });

    test('a file that opens with its lede, not a headline, has no heading', () => {
      const f = fixture('lede-first.txt');
      assert.ok(!f.tokens.some(t => t.scopes.includes('markup.heading')));
      assert.ok(scopesOf(f, '"We are').includes('punctuation.definition.string.begin'));
    });
  });

  suite('seed articles (../shared/seeds)', () => {
    const seedNames = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter(n => /^\d{3}_[0-9a-f]{16}\.txt$/.test(n)).sort() : [];
    const seedText = (name: string) => fs.readFileSync(path.join(seedsDir, name), 'utf8').replace(/^\uFEFF/, '');

    setup(function () {
      if (seedNames.length === 0) {
        console.log(`    (skipped: no seed articles at ${seedsDir})`);
        this.skip();
      }
    });

    test('every seed matches its snapshot of offsets and scopes', () => {
      const snapshot: Record<string, { sha256: string; tokens: unknown[][] }> = {};
      const problems: string[] = [];
      const expected = fs.existsSync(seedSnapshotPath) ? JSON.parse(fs.readFileSync(seedSnapshotPath, 'utf8')) : {};
      for (const name of seedNames) {
        const text = seedText(name);
        const sha256 = createHash('sha256').update(text).digest('hex');
        const rows = tokenize(grammar, text).map(t => [t.line, t.start, t.end - t.start, t.scopes.join(' ')]);
        snapshot[name] = { sha256, tokens: rows };
        const want = expected[name];
        if (!want) { problems.push(`${name}: no snapshot`); continue; }
        if (want.sha256 !== sha256) { problems.push(`${name}: the seed's text changed since the snapshot was taken`); continue; }
        const lines = text.split(/\r\n|\r|\n/);
        const difference = firstDifference(rows, want.tokens, ([line, start, length, scopes]) =>
          `line ${line} ${start}+${length} ${JSON.stringify(lines[line as number]?.slice(start as number, (start as number) + (length as number)))} [${scopes}]`);
        if (difference) problems.push(`${name}: ${difference}`);
      }
      if (updating) {
        const body = Object.entries(snapshot).map(([name, { sha256, tokens }]) =>
          `  ${JSON.stringify(name)}: {\n    "sha256": ${JSON.stringify(sha256)},\n    "tokens": [\n${tokens.map(r => `      ${JSON.stringify(r)}`).join(',\n')}\n    ]\n  }`);
        fs.writeFileSync(seedSnapshotPath, `{\n${body.join(',\n')}\n}\n`);
        return;
      }
      assert.deepStrictEqual(problems, [], 'after an intended grammar change: UPDATE_SNAPSHOTS=1 npm run test:unit');
    });

    test('no apostrophe inside a word is ever a quotation boundary', () => {
      for (const name of seedNames) {
        const text = seedText(name);
        const tokens = tokenize(grammar, text);
        text.split(/\r\n|\r|\n/).forEach((line, i) => {
          for (const m of line.matchAll(/(?<=\p{L})['’](?=\p{L})/gu)) {
            assert.ok(!isQuoteBoundary(scopesAt(tokens, i, m.index)), `${name} line ${i + 1} column ${m.index + 1}`);
          }
        });
      }
    });

    test('every seed has a headline (or opens with its lede), and every curly double quotation is coloured', () => {
      for (const name of seedNames) {
        const text = seedText(name);
        const tokens = tokenize(grammar, text);
        const headed = tokens.some(t => t.scopes.includes('markup.heading'));
        const firstLine = text.split(/\r\n|\r|\n/)[0];
        assert.ok(headed || /[.]\s*$/.test(firstLine), `${name}: no headline`);
        text.split(/\r\n|\r|\n/).forEach((line, i) => {
          for (const m of line.matchAll(/“/g)) {
            assert.ok(scopesAt(tokens, i, m.index).includes('punctuation.definition.string.begin'), `${name} line ${i + 1} column ${m.index + 1}`);
          }
        });
      }
    });
  });
});
