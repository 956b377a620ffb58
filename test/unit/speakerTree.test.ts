import * as assert from 'assert';
import { buildSpeakerTree, lineIndex, type TreeArticle } from '../../src/core/speakerTree';
import type { Quote, SpeakerRecord } from '../../src/core/types';

function article(id: string, text: string, quotes: [string, string | null, Quote['kind']?][], speakers: SpeakerRecord[]): TreeArticle {
  return {
    id, label: id, text,
    analysis: {
      headline: null, paragraphs: [], boilerplate: [], speakers,
      quotes: quotes.map(([quoted, speaker, kind]) => {
        const start = text.indexOf(quoted);
        assert.ok(start >= 0);
        return { start, end: start + quoted.length, text: quoted, kind: kind ?? 'direct', speaker, speakerMention: null, cue: null, confidence: 0.9, evidence: speaker ? 'explicit' : 'none', paragraph: 0 };
      }),
    },
  };
}

const brook: SpeakerRecord = { name: 'Ada Brook', aliases: ['Brook'], titles: ['Mayor'] };
const vance: SpeakerRecord = { name: 'Tomas Vance', aliases: [], titles: ['Engineer'] };
const gazette = article('gazette.news.txt', 'Bridge\n\n"It is sound," Brook said.\n"Open soon," she said.\n"A mess," Vance said.', [
  ['"It is sound,"', 'Ada Brook'], ['"Open soon,"', 'Ada Brook'], ['"A mess,"', 'Tomas Vance'],
], [brook, vance]);
const courier = article('courier.news.txt', 'Bridge reopens\n"Open soon," Brook said. The "fix" held. "Who knows," one asked.', [
  ['"Open soon,"', 'Brook'], ['"fix"', null, 'other'], ['"Who knows,"', null],
], [{ name: 'Brook', aliases: [], titles: [] }]);

suite('speaker tree', () => {
  test('speakers by quotation count, then quotations grouped by article, with lines', () => {
    const roots = buildSpeakerTree([gazette, courier]);
    assert.deepStrictEqual(roots.map(r => r.kind === 'speaker' ? `${r.name} ${r.quoteCount}/${r.articleCount}` : `unattributed ${r.quoteCount}`),
      ['Ada Brook 3/2', 'Tomas Vance 1/1', 'unattributed 1']);
    const brookNode = roots[0];
    assert.ok(brookNode.kind === 'speaker');
    assert.deepStrictEqual(brookNode.aliases, ['Brook']);
    assert.deepStrictEqual(brookNode.articles.map(a => [a.article.id, a.quotes.map(q => q.line)]),
      [['gazette.news.txt', [2, 3]], ['courier.news.txt', [1]]]);
  });

  test('sorted by name, and filtered by name, alias or title', () => {
    const names = (opts: Parameters<typeof buildSpeakerTree>[1]) => buildSpeakerTree([gazette, courier], opts).map(r => r.kind === 'speaker' ? r.name : r.kind);
    assert.deepStrictEqual(names({ sort: 'name' }), ['Ada Brook', 'Tomas Vance', 'unattributed']);
    assert.deepStrictEqual(names({ filter: 'engin' }), ['Tomas Vance']);
    assert.deepStrictEqual(names({ filter: ' BROOK ' }), ['Ada Brook']);
    assert.deepStrictEqual(names({ filter: 'nobody' }), []);
  });

  test('scare quotes are left out', () => {
    const all = buildSpeakerTree([courier]).flatMap(r => r.articles.flatMap(a => a.quotes.map(q => q.quote.text)));
    assert.ok(!all.includes('"fix"'));
  });

  test('a surname two people share stays apart; an unnamed speaker gets a row per article', () => {
    const plain = (name: string) => ({ name, aliases: [], titles: [] });
    const a = article('a.txt', '"One," Ada Brook said.', [['"One,"', 'Ada Brook']], [plain('Ada Brook')]);
    const b = article('b.txt', '"Two," Sam Brook said.', [['"Two,"', 'Sam Brook']], [plain('Sam Brook')]);
    const c = article('c.txt', '"Three," Brook said. "Four," the official said.', [['"Three,"', 'Brook'], ['"Four,"', 'the official']], [plain('Brook'), plain('the official')]);
    const d = article('d.txt', '"Five," the official said.', [['"Five,"', 'the official']], [plain('the official')]);
    const rows = buildSpeakerTree([a, b, c, d], { sort: 'name' });
    assert.deepStrictEqual(rows.map(r => r.kind === 'speaker' ? `${r.name}: ${r.articles.map(x => x.article.id)}` : r.kind),
      ['Ada Brook: a.txt', 'Brook: c.txt', 'Sam Brook: b.txt', 'the official: c.txt', 'the official: d.txt']);
    assert.strictEqual(new Set(rows.map(r => r.kind === 'speaker' && r.id)).size, rows.length);
  });

  test('a name split out by hand keeps its own row across articles', () => {
    const roots = buildSpeakerTree([gazette, courier], { keepApart: new Set(['Brook']) });
    assert.deepStrictEqual(roots.map(r => r.kind === 'speaker' ? `${r.name} ${r.quoteCount}/${r.articleCount}` : r.kind),
      ['Ada Brook 2/1', 'Brook 1/1', 'Tomas Vance 1/1', 'unattributed']);
  });

  test('no articles, no rows', () => {
    assert.deepStrictEqual(buildSpeakerTree([]), []);
  });

  test('line index counts CRLF, LF and CR breaks', () => {
    const line = lineIndex('a\r\nb\nc\rd');
    assert.deepStrictEqual([0, 2, 3, 5, 7].map(line), [0, 0, 1, 2, 3]);
  });
});
