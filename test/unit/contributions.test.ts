// The manifest and the code agree on what the editor shows: the semantic token legend, and the
// context keys that menus and welcome texts test in their `when` clauses.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tokenModifiers, tokenTypes } from '../../src/core/semanticTokens';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

suite('Contributions', () => {
  test('the semantic token legend is the one package.json declares, with a fallback scope for every type', () => {
    assert.deepStrictEqual(contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...tokenTypes]);
    assert.deepStrictEqual(contributes.semanticTokenModifiers.map((m: { id: string }) => m.id), [...tokenModifiers]);
    const scopes = contributes.semanticTokenScopes.find((s: { language?: string }) => s.language === 'news-article')?.scopes ?? {};
    for (const type of tokenTypes) assert.ok(scopes[type]?.length > 0, `no TextMate fallback scope for ${type}`);
    assert.strictEqual(contributes.configurationDefaults['[news-article]']['editor.semanticHighlighting.enabled'], true);
  });

  test('every extension context key a when clause reads is set somewhere in src/', () => {
    const code = sources(path.join(repoRoot, 'src')).join('\n');
    // Set directly, or through the context-key helper of the annotation commands.
    const set = new Set([...code.matchAll(/(?:'setContext',\s*|#set\()'(newsAnnotator\.[\w.]+)'/g)].map(m => m[1]));
    const whens: string[] = [
      ...Object.values(contributes.menus as Record<string, { when?: string }[]>).flat().map(entry => entry.when ?? ''),
      ...(contributes.viewsWelcome ?? []).map((entry: { when?: string }) => entry.when ?? ''),
    ];
    // `view == newsAnnotator.speakers` names a view, not a context key.
    const views = new Set(Object.values(contributes.views as Record<string, { id: string }[]>).flat().map(v => v.id));
    const read = new Set(whens.flatMap(when => [...when.matchAll(/\bnewsAnnotator\.[\w.]+/g)].map(m => m[0])).filter(key => !views.has(key)));
    assert.ok(read.size > 0);
    const unset = [...read].filter(key => !set.has(key));
    assert.deepStrictEqual(unset, [], `when clauses read context keys that nothing sets: ${unset.join(', ')}`);
  });
});
