import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'papaparse';
import { analyzeArticle } from '../../src/core/analyze';
import { SIDECAR_FILE_NAME, createAnnotation, parseSidecar, serializeSidecar, targetFor } from '../../src/core/annotations';
import { run } from '../../src/cli/main';

// An invented article; the test works in a scratch folder outside the repository.
const ARTICLE = [
  'Ferry Plan Wins Board Vote',
  '',
  'Harbour chair Miriam Osei said the night ferry would return in June.',
  '',
  '“It is the cheapest way to move people across the bay after ten,” Osei told reporters on Monday.',
  '',
].join('\n');
const QUOTE = '“It is the cheapest way to move people across the bay after ten,”';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: t => { out += typeof t === 'string' ? t : new TextDecoder().decode(t); }, err: t => { err += t; } });
  return { code, out, err };
}

suite('Annotations: command-line export', () => {
  let folder: string;
  let article: string;

  setup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-export-'));
    article = path.join(folder, 'ferry.news.txt');
    // The sidecar was written for the text before a paragraph was inserted above the quotation.
    fs.writeFileSync(article, ARTICLE);
    const start = ARTICLE.indexOf(QUOTE);
    const target = targetFor('ferry.news.txt', ARTICLE, start, start + QUOTE.length);
    fs.writeFileSync(path.join(folder, SIDECAR_FILE_NAME), serializeSidecar({
      annotations: [
        createAnnotation(target, { kind: 'speaker', speaker: 'Chair Miriam Osei' }),
        createAnnotation(target, { kind: 'note', text: 'Cheapest per passenger, per the board paper.' }),
      ],
      speakerOperations: [],
    }));
    fs.writeFileSync(article, ARTICLE.replace('Harbour chair', 'The vote was 5-2.\n\nHarbour chair'));
  });

  teardown(() => fs.rmSync(folder, { recursive: true, force: true }));

  test('CSV rows carry the hand-set speaker and the note, re-anchored after the article changed', async () => {
    const { code, out, err } = await cli(['--export', 'csv', article]);
    assert.strictEqual(code, 0, err);
    const [header, ...rows] = parse(out, { skipEmptyLines: true }).data;
    const records = rows.map(row => Object.fromEntries(header.map((name, i) => [name, row[i]])));
    const cheapest = records.find(r => r.text.startsWith('It is the cheapest'));
    assert.ok(cheapest, `no row for the quotation in ${out}`);
    assert.strictEqual(cheapest.speaker, 'Chair Miriam Osei');
    assert.strictEqual(cheapest.evidence, 'manual');
    assert.strictEqual(cheapest.notes, 'Cheapest per passenger, per the board paper.');
    assert.strictEqual(cheapest.line, '7');
    const analysed = analyzeArticle(fs.readFileSync(article, 'utf8')).quotes.filter(q => q.kind !== 'other').length;
    assert.strictEqual(records.length, analysed, 'one row per quotation');
  });

  test('JSON-LD export is a W3C collection with the annotations at their new place, sources relative to the output', async () => {
    const out = path.join(folder, 'export', 'all.jsonld');
    fs.mkdirSync(path.dirname(out));
    const { code, err } = await cli(['--export', 'jsonld', '--out', out, folder]);
    assert.strictEqual(code, 0, err);
    const parsed = parseSidecar(fs.readFileSync(out, 'utf8'));
    assert.ok(parsed.ok);
    const text = fs.readFileSync(article, 'utf8');
    for (const annotation of parsed.data.annotations) {
      assert.strictEqual(annotation.target.source, '../ferry.news.txt');
      assert.strictEqual(text.slice(annotation.target.position.start, annotation.target.position.end), QUOTE);
    }
  });

  test('brat export needs a folder and writes one .ann per article', async () => {
    const refused = await cli(['--export', 'brat', article]);
    assert.strictEqual(refused.code, 2);
    assert.match(refused.err, /--out DIR/);
    const dir = path.join(folder, 'brat');
    const { code } = await cli(['--export', 'brat', '--out', dir, article]);
    assert.strictEqual(code, 0);
    const ann = fs.readFileSync(path.join(dir, 'ferry.news.ann'), 'utf8');
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tspeaker: Chair Miriam Osei$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tnote: Cheapest per passenger, per the board paper\.$/m);
  });

  test('a corrupt annotation file is reported, left untouched, and the export still runs', async () => {
    const sidecar = path.join(folder, SIDECAR_FILE_NAME);
    fs.writeFileSync(sidecar, '{"type": "AnnotationCollection", "version": 1, "first": {"items": [{"type": "Annotation"}]}');
    const { code, out, err } = await cli(['--export', 'csv', article]);
    assert.strictEqual(code, 1);
    assert.match(err, /is not valid JSON.*left untouched/);
    assert.match(out, /^file,outlet,line/);
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), '{"type": "AnnotationCollection", "version": 1, "first": {"items": [{"type": "Annotation"}]}');
  });
});
