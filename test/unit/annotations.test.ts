import * as assert from 'assert';
import { parse } from 'papaparse';
import {
  Annotation, AnnotationBody, FORMAT_VERSION, SidecarData, applyCorrections, citeQuotation, createAnnotation, exportBrat, exportCsv,
  importBrat, lineOf, newAnnotationId, outletOf, parseSidecar, serializeSidecar, targetFor,
} from '../../src/core/annotations';
import { ArticleAnalysis, Quote } from '../../src/core/types';

// An invented article, used throughout.
const ARTICLE = [
  "Mayor Whitlock: 'Every Pothole Gone by Spring'",
  '',
  'RIVERTON — Mayor Dana Whitlock said Tuesday that the city would “fix every pothole by spring,” a promise critics called “wildly optimistic.”',
  '',
  '“We have the crews, we have the asphalt, and now we have the will,” Whitlock told reporters at City Hall.',
  '',
  'Council member Omar Feld disagreed. “The budget simply does not stretch that far,” he said.',
  '',
].join('\n');

function at(words: string, text = ARTICLE): { start: number; end: number } {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `test text lacks ${words}`);
  return { start, end: start + words.length };
}

function annotate(words: string, body: AnnotationBody, modified = '2026-01-01T10:00:00.000Z', source = 'riverton.news.txt', text = ARTICLE): Annotation {
  const { start, end } = at(words, text);
  return createAnnotation(targetFor(source, text, start, end), body, { now: modified });
}

function quote(words: string, speaker: string | null, mention: string | null, cue: string | null, text = ARTICLE): Quote {
  const { start, end } = at(words, text);
  const span = (w: string | null) => (w === null ? null : { ...at(w, text), text: w });
  return {
    start, end, text: words.slice(1, -1), kind: 'direct', speaker,
    speakerMention: span(mention), cue: span(cue), confidence: speaker ? 0.9 : 0, evidence: speaker ? 'explicit' : 'none', paragraph: 1,
  };
}

function analysisOf(quotes: Quote[], text = ARTICLE): ArticleAnalysis {
  const paragraphs = [...text.matchAll(/[^\n]+/g)].map(m => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  return {
    headline: paragraphs[0], paragraphs, boilerplate: [], quotes,
    speakers: [...new Set(quotes.map(q => q.speaker).filter((s): s is string => s !== null))].map(name => ({ name, aliases: [], titles: [] })),
  };
}

const FOUND: Quote[] = [
  quote('“fix every pothole by spring,”', 'Dana Whitlock', 'Mayor Dana Whitlock', 'said'),
  quote('“wildly optimistic.”', null, null, null),
  quote('“We have the crews, we have the asphalt, and now we have the will,”', 'Dana Whitlock', 'Whitlock', 'told'),
  quote('“The budget simply does not stretch that far,”', 'Omar Feld', 'he', 'said'),
];

suite('Annotations: W3C JSON-LD sidecar', () => {
  const sample: SidecarData = {
    annotations: [
      annotate('“The budget simply does not stretch that far,”', { kind: 'speaker', speaker: 'Omar Feld' }),
      annotate('“wildly optimistic.”', { kind: 'notQuotation' }),
      annotate('promise critics', { kind: 'note', text: 'Which critics? Line 3, "unnamed"\nCheck.' }),
      annotate('City Hall', { kind: 'tag', tag: 'venue' }, undefined, 'other/b.txt'),
      { ...annotate('Council member', { kind: 'quotation', speaker: 'Omar Feld' }), creator: 'Ana Ruiz' },
    ],
    speakerOperations: [{ op: 'rename', from: 'Dana Whitlock', to: 'Mayor Whitlock', created: '2026-01-02T00:00:00.000Z' }],
  };

  test('round-trips every kind of annotation and speaker operation, byte for byte', () => {
    const text = serializeSidecar(sample);
    const parsed = parseSidecar(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepStrictEqual(byId(parsed.data.annotations), byId(sample.annotations));
    assert.deepStrictEqual(parsed.data.speakerOperations, sample.speakerOperations);
    assert.strictEqual(serializeSidecar(parsed.data), text);
  });

  test('is a W3C AnnotationCollection with quote and position selectors and relative sources', () => {
    const json = JSON.parse(serializeSidecar(sample));
    assert.strictEqual(json['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.strictEqual(json.type, 'AnnotationCollection');
    assert.strictEqual(json.version, FORMAT_VERSION);
    assert.strictEqual(json.total, 5);
    assert.strictEqual(json.first.type, 'AnnotationPage');
    const speaker = json.first.items.find((item: { motivation: string }) => item.motivation === 'identifying');
    assert.match(speaker.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.deepStrictEqual(speaker.body, { type: 'TextualBody', purpose: 'identifying', value: 'Omar Feld' });
    const [quoteSelector, positionSelector] = speaker.target.selector;
    assert.strictEqual(quoteSelector.type, 'TextQuoteSelector');
    assert.strictEqual(quoteSelector.exact, '“The budget simply does not stretch that far,”');
    assert.strictEqual(quoteSelector.prefix, 'ouncil member Omar Feld disagreed. '.slice(-32));
    assert.strictEqual(quoteSelector.suffix, ' he said.\n');
    assert.deepStrictEqual(positionSelector, { type: 'TextPositionSelector', ...at('“The budget simply does not stretch that far,”') });
    assert.deepStrictEqual(json.first.items.map((item: { motivation: string }) => item.motivation).sort(),
      ['classifying', 'classifying', 'commenting', 'identifying', 'tagging']);
  });

  test('orders annotations by source, then start, then id, whatever order they were added in', () => {
    const shuffled = { ...sample, annotations: [...sample.annotations].reverse() };
    const text = serializeSidecar(shuffled);
    assert.strictEqual(text, serializeSidecar(sample));
    const items = JSON.parse(text).first.items as { target: { source: string; selector: { start?: number }[] } }[];
    const keys = items.map(item => `${item.target.source}@${String(item.target.selector[1].start).padStart(6, '0')}`);
    assert.deepStrictEqual(keys, [...keys].sort());
    assert.strictEqual(items[items.length - 1].target.source, 'riverton.news.txt');
    assert.ok(text.endsWith('}\n') && text.includes('\n  "type": "AnnotationCollection"'), 'two-space JSON with a trailing newline');
  });

  test('refuses bad JSON, a wrong shape and a newer version with a message, and never guesses', () => {
    const badJson = parseSidecar('{"type": "AnnotationCollection", ');
    assert.ok(!badJson.ok && badJson.problem === 'corrupt' && /not valid JSON/.test(badJson.message) && /left untouched/.test(badJson.message));

    const wrongShape = JSON.parse(serializeSidecar(sample));
    delete wrongShape.first.items[2].target.source;
    const shape = parseSidecar(JSON.stringify(wrongShape));
    assert.ok(!shape.ok && shape.problem === 'corrupt');
    assert.match(shape.message, /annotation 3 \(urn:uuid:[^)]+\) has no target "source"/);

    const newer = JSON.parse(serializeSidecar(sample));
    newer.version = FORMAT_VERSION + 1;
    const refused = parseSidecar(JSON.stringify(newer));
    assert.ok(!refused.ok && refused.problem === 'newer');
    assert.match(refused.message, new RegExp(`newer News Annotator \\(format version ${FORMAT_VERSION + 1}`));

    const notCollection = parseSidecar('[1, 2, 3]');
    assert.ok(!notCollection.ok && /AnnotationCollection/.test(notCollection.message));
  });

  test('reads an empty file as no annotations (with a warning), and a BOM and CRLF file as usual', () => {
    const empty = parseSidecar('  \n');
    assert.ok(empty.ok && empty.data.annotations.length === 0 && empty.warnings.length === 1);
    const windows = `\ufeff${serializeSidecar(sample).replace(/\n/g, '\r\n')}`;
    const parsed = parseSidecar(windows);
    assert.ok(parsed.ok && parsed.data.annotations.length === 5);
  });

  test('ids are urn:uuid version 4, also where crypto.randomUUID is missing (insecure web contexts)', () => {
    const uuid = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    assert.match(newAnnotationId(), uuid);
    const webCrypto = globalThis.crypto as unknown as Record<string, unknown>;
    Object.defineProperty(webCrypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => newAnnotationId()));
      assert.strictEqual(ids.size, 100);
      for (const id of ids) assert.match(id, uuid);
    } finally {
      delete webCrypto.randomUUID;
    }
    assert.strictEqual(typeof globalThis.crypto.randomUUID, 'function');
  });

  test('keeps properties written by other tools', () => {
    const json = JSON.parse(serializeSidecar(sample));
    json.generator = { name: 'another tool' };
    json.first.items[0].rights = 'CC-BY';
    const parsed = parseSidecar(JSON.stringify(json));
    assert.ok(parsed.ok);
    const again = JSON.parse(serializeSidecar(parsed.data));
    assert.deepStrictEqual(again.generator, { name: 'another tool' });
    assert.strictEqual(again.first.items[0].rights, 'CC-BY');
  });
});

suite('Annotations: corrections win over the analysis', () => {
  test('a speaker correction replaces the found speaker, as manual with full confidence', () => {
    const corrected = applyCorrections(analysisOf(FOUND), [
      annotate('“The budget simply does not stretch that far,”', { kind: 'speaker', speaker: 'Priya Nand' }),
    ], ARTICLE);
    const budget = corrected.quotes.find(q => q.text.startsWith('The budget'))!;
    assert.strictEqual(budget.speaker, 'Priya Nand');
    assert.strictEqual(budget.evidence, 'manual');
    assert.strictEqual(budget.confidence, 1);
    assert.strictEqual(budget.cue?.text, 'said');
    assert.ok(corrected.speakers.some(s => s.name === 'Priya Nand'));
    assert.strictEqual(corrected.quotes.length, FOUND.length);
  });

  test('a marked quotation is added (or replaces overlapping ones), and a rejected one is removed', () => {
    const corrected = applyCorrections(analysisOf(FOUND), [
      annotate('the city would “fix every pothole by spring,”', { kind: 'quotation', speaker: 'Dana Whitlock' }),
      annotate('“wildly optimistic.”', { kind: 'notQuotation' }),
      annotate('Council member Omar Feld disagreed.', { kind: 'quotation' }),
    ], ARTICLE);
    const texts = corrected.quotes.map(q => q.text);
    assert.deepStrictEqual(texts, [
      'the city would “fix every pothole by spring,',
      'We have the crews, we have the asphalt, and now we have the will,',
      'Council member Omar Feld disagreed.',
      'The budget simply does not stretch that far,',
    ]);
    assert.strictEqual(corrected.quotes[0].speaker, 'Dana Whitlock');
    assert.strictEqual(corrected.quotes[0].evidence, 'manual');
    assert.strictEqual(corrected.quotes[2].speaker, null);
    assert.strictEqual(corrected.quotes[2].paragraph, 3);
  });

  test('the latest decision about the same words wins, and orphans change nothing', () => {
    const words = '“wildly optimistic.”';
    const analysis = analysisOf(FOUND);
    const rejectedThenRestored = applyCorrections(analysis, [
      annotate(words, { kind: 'quotation', speaker: 'Critics' }, '2026-01-03T00:00:00.000Z'),
      annotate(words, { kind: 'notQuotation' }, '2026-01-02T00:00:00.000Z'),
    ], ARTICLE);
    assert.strictEqual(rejectedThenRestored.quotes.find(q => q.text === 'wildly optimistic.')?.speaker, 'Critics');
    const orphan = { ...annotate(words, { kind: 'notQuotation' }), orphaned: true };
    assert.deepStrictEqual(applyCorrections(analysis, [orphan], ARTICLE).quotes, analysis.quotes);
  });

  test('speaker operations rename, merge and split names in quotations and speaker records', () => {
    const analysis = analysisOf(FOUND);
    const renamed = applyCorrections(analysis, [], ARTICLE, [{ op: 'rename', from: 'Dana Whitlock', to: 'Mayor Dana Whitlock', created: '' }]);
    assert.deepStrictEqual(renamed.quotes.map(q => q.speaker), ['Mayor Dana Whitlock', null, 'Mayor Dana Whitlock', 'Omar Feld']);
    assert.deepStrictEqual(renamed.speakers.map(s => s.name).sort(), ['Mayor Dana Whitlock', 'Omar Feld']);

    const merged = applyCorrections(analysis, [], ARTICLE, [{ op: 'merge', from: 'Omar Feld', into: 'Dana Whitlock', created: '' }]);
    assert.deepStrictEqual(merged.speakers, [{ name: 'Dana Whitlock', aliases: ['Omar Feld'], titles: [] }]);
    assert.strictEqual(merged.quotes[3].speaker, 'Dana Whitlock');

    const split = applyCorrections(analysis, [], ARTICLE, [{ op: 'split', from: 'Dana Whitlock', alias: 'Whitlock', created: '' }]);
    assert.deepStrictEqual(split.quotes.map(q => q.speaker), ['Dana Whitlock', null, 'Whitlock', 'Omar Feld']);
    assert.ok(split.speakers.some(s => s.name === 'Whitlock'));
  });
});

suite('Annotations: CSV and brat exchange', () => {
  const tricky = 'Headline, with "marks"\n\nShe said “=SUM(A1), and \"more\",\nacross lines” loudly.\n';
  const trickyQuote: Quote = {
    ...at('“=SUM(A1), and \"more\",\nacross lines”', tricky), text: '=SUM(A1), and "more",\nacross lines', kind: 'direct',
    speaker: 'Ines "Nes" Okafor, Jr.', speakerMention: { ...at('She', tricky), text: 'She' }, cue: { ...at('said', tricky), text: 'said' },
    confidence: 0.8, evidence: 'pronoun', paragraph: 1,
  };

  test('CSV quotes commas, quote marks and newlines, and defuses formulas', () => {
    const note = annotate('“=SUM(A1), and \"more\",\nacross lines”', { kind: 'note', text: 'Checked, "twice"\nwith the tape' }, undefined, 'a/b.txt', tricky);
    const csv = exportCsv([{ file: 'a/b.txt', text: tricky, analysis: analysisOf([trickyQuote], tricky), annotations: [note] }]);
    const rows = parse(csv, { skipEmptyLines: true }).data;
    assert.strictEqual(rows.length, 2);
    const row = Object.fromEntries(rows[0].map((name, i) => [name, rows[1][i]]));
    assert.strictEqual(row.file, 'a/b.txt');
    assert.strictEqual(row.line, '3');
    assert.strictEqual(row.speaker, 'Ines "Nes" Okafor, Jr.');
    assert.strictEqual(row.text, '\'=SUM(A1), and "more",\nacross lines');
    assert.strictEqual(row.notes, 'Checked, "twice"\nwith the tape');
    assert.strictEqual(row.cue, 'said');
    assert.strictEqual(row.start, String(trickyQuote.start));
  });

  test('outlet comes from a dated file name, a headline suffix, or the file name', () => {
    assert.strictEqual(outletOf('clips/daily-star_2026-03-01_council-vote.txt', 'Council votes'), 'daily-star');
    assert.strictEqual(outletOf('clips/vote.news.txt', 'Council votes on budget | The Riverton Ledger'), 'The Riverton Ledger');
    assert.strictEqual(outletOf('clips/vote.news.txt', 'Council votes on budget'), 'vote');
    assert.strictEqual(lineOf('a\nb\r\nc', 5), 3);
  });

  test('a citation names speaker, outlet (unless it is only the file name), file and line', () => {
    const text = 'Council votes on budget | The Riverton Ledger\n\n\u201cWe will vote,\u201d Ada Brook said.\n';
    const quote = { text: 'We will vote,', speaker: 'Ada Brook', start: text.indexOf('\u201c') };
    assert.strictEqual(citeQuotation(quote, 'clips/vote.news.txt', text, 'Council votes on budget | The Riverton Ledger'),
      '\u201cWe will vote,\u201d \u2014 Ada Brook, The Riverton Ledger, clips/vote.news.txt, line 3');
    assert.strictEqual(citeQuotation({ ...quote, speaker: null }, 'clips/vote.news.txt', text, 'Council votes on budget'),
      '\u201cWe will vote,\u201d \u2014 unattributed, clips/vote.news.txt, line 3');
  });

  test('brat export writes T, R and note lines, and importing it gives the same corrections back', () => {
    const annotations = [
      annotate('“The budget simply does not stretch that far,”', { kind: 'speaker', speaker: 'Priya Nand' }),
      annotate('“The budget simply does not stretch that far,”', { kind: 'tag', tag: 'budget' }),
      annotate('promise critics', { kind: 'note', text: 'Which critics?\nAsk.' }),
      annotate('“wildly optimistic.”', { kind: 'notQuotation' }),
    ];
    const corrected = applyCorrections(analysisOf(FOUND), annotations, ARTICLE);
    const ann = exportBrat({ file: 'riverton.news.txt', text: ARTICLE, analysis: corrected, annotations });
    const budget = at('“The budget simply does not stretch that far,”');
    assert.match(ann, new RegExp(`^T\\d+\\tQuotation ${budget.start} ${budget.end}\\t“The budget`, 'm'));
    assert.match(ann, /^T(\d+)\tSpeaker \d+ \d+\the$/m);
    assert.match(ann, /^R\d+\tAttribution Arg1:T\d+ Arg2:T\d+$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tspeaker: Priya Nand$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tnote: Which critics\?\\nAsk\.$/m);
    assert.match(ann, /^T\d+\tNotQuotation /m);

    const imported = importBrat(ann, ARTICLE, 'riverton.news.txt');
    assert.deepStrictEqual(imported.warnings, []);
    const empty = analysisOf([]);
    const again = applyCorrections(empty, imported.annotations, ARTICLE);
    assert.deepStrictEqual(again.quotes.map(q => [q.start, q.end, q.speaker]), corrected.quotes.map(q => [q.start, q.end, q.speaker]));
    const bodies = imported.annotations.map(a => a.body).filter(b => b.kind === 'note' || b.kind === 'tag' || b.kind === 'notQuotation');
    assert.deepStrictEqual(bodies, [{ kind: 'tag', tag: 'budget' }, { kind: 'note', text: 'Which critics?\nAsk.' }, { kind: 'notQuotation' }]);
  });

  test('brat offsets count characters, so an emoji before a quotation does not shift it', () => {
    const text = 'Fans 🎉 cheered. “We won,” she said.\n';
    const q: Quote = { ...at('“We won,”', text), text: 'We won,', kind: 'direct', speaker: 'Lee', speakerMention: null, cue: null, confidence: 1, evidence: 'manual', paragraph: 0 };
    const ann = exportBrat({ file: 'x.txt', text, analysis: analysisOf([q], text), annotations: [] });
    assert.match(ann, /^T1\tQuotation 16 25\t“We won,”$/m);
    const [imported] = importBrat(ann, text, 'x.txt').annotations;
    assert.deepStrictEqual(imported.target.position, at('“We won,”', text));
  });

  test('brat import finds words whose offsets moved, and reports the ones it cannot place', () => {
    const ann = 'T1\tQuotation 3 12\t“We won,”\nT2\tQuotation 40 50\t“We lost,”\nA1\tNegation T1\n';
    const text = 'A paragraph added above.\n\n“We won,” she said.\n';
    const imported = importBrat(ann, text, 'x.txt');
    assert.strictEqual(imported.annotations.length, 1);
    assert.deepStrictEqual(imported.annotations[0].target.position, at('“We won,”', text));
    assert.strictEqual(imported.warnings.length, 2);
    assert.match(imported.warnings[0], /"“We lost,”" is not in the article at 40 50/);
    assert.match(imported.warnings[1], /"A1" annotations .* are not imported/);
  });
});
