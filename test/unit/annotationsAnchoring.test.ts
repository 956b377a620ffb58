import * as assert from 'assert';
import {
  Annotation, anchorQuote, createAnnotation, describeSpan, parseSidecar, reanchorAnnotations, rebaseOffsets, rebaseSpan,
  serializeSidecar, targetFor,
} from '../../src/core/annotations';

// Invented text.
const BEFORE = [
  'Harbour Board Backs Ferry Plan',
  '',
  'The harbour board voted 5-2 on Monday to restore the night ferry. “It is the cheapest way to move people across the bay after ten,” chair Miriam Osei said.',
  '',
  'Board member Tom Ruiz voted against. “Nobody has shown me the fuel figures,” he said. He called the plan “a gamble.”',
  '',
  'The first crossing is planned for June.',
  '',
].join('\n');

const LONG_QUOTE = '“It is the cheapest way to move people across the bay after ten,”';
const SHORT_QUOTE = '“a gamble.”';

function annotationOn(words: string, text = BEFORE): Annotation {
  const start = text.indexOf(words);
  assert.ok(start >= 0);
  return createAnnotation(targetFor('ferry.news.txt', text, start, start + words.length), { kind: 'speaker', speaker: 'Miriam Osei' });
}

function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `missing ${words}`);
  return { start, end: start + words.length };
}

suite('Annotations: re-anchoring after outside edits', () => {
  test('a paragraph inserted above moves the annotation with its words', () => {
    const after = BEFORE.replace('The harbour board voted', 'A late update: the vote was close.\n\nThe harbour board voted');
    const result = reanchorAnnotations([annotationOn(LONG_QUOTE)], after);
    assert.strictEqual(result.orphans.length, 0);
    assert.strictEqual(result.changed, 1);
    const moved = result.annotations[0];
    assert.deepStrictEqual(moved.target.position, spanOf(after, LONG_QUOTE));
    assert.strictEqual(moved.target.quote.exact, LONG_QUOTE);
    const original = annotationOn(LONG_QUOTE).target;
    assert.deepStrictEqual(anchorQuote(after, original.quote, original.position), { found: true, ...spanOf(after, LONG_QUOTE), method: 'exact' });
  });

  test('deleted words make an orphan that keeps its selectors, is still written, and comes back when the words do', () => {
    const annotation = annotationOn('“Nobody has shown me the fuel figures,”');
    const after = BEFORE.replace(' “Nobody has shown me the fuel figures,” he said.', '');
    const result = reanchorAnnotations([annotation], after);
    assert.strictEqual(result.orphans.length, 1);
    const orphan = result.annotations[0];
    assert.strictEqual(orphan.orphaned, true);
    assert.deepStrictEqual(orphan.target, annotation.target);
    const stored = parseSidecar(serializeSidecar({ annotations: [orphan], speakerOperations: [] }));
    assert.ok(stored.ok && stored.data.annotations[0].orphaned === true);

    const restored = reanchorAnnotations([orphan], BEFORE);
    assert.strictEqual(restored.orphans.length, 0);
    assert.strictEqual(restored.annotations[0].orphaned, undefined);
    assert.deepStrictEqual(restored.annotations[0].target.position, annotation.target.position);
  });

  test('a typo fixed inside a long quotation is found by fuzzy matching, with exact new bounds', () => {
    const before = BEFORE.replace('cheapest', 'cheepest');
    const annotation = annotationOn(LONG_QUOTE.replace('cheapest', 'cheepest'), before);
    const after = `Correction appended at the top.\n${BEFORE}`;
    const found = anchorQuote(after, annotation.target.quote, annotation.target.position);
    assert.deepStrictEqual(found, { found: true, ...spanOf(after, LONG_QUOTE), method: 'fuzzy' });
    const result = reanchorAnnotations([annotation], after);
    assert.strictEqual(result.annotations[0].target.quote.exact, LONG_QUOTE, 'selectors describe the new words');
  });

  test('quote marks changed to straight ones and a reflowed paragraph still anchor', () => {
    const annotation = annotationOn(LONG_QUOTE);
    const after = BEFORE
      .replace(LONG_QUOTE, '"It is the cheapest way to move people\nacross the bay  after ten,"')
      .replace('The harbour board', 'Update.\nThe harbour board');
    const found = anchorQuote(after, annotation.target.quote, annotation.target.position);
    assert.deepStrictEqual(found, { found: true, ...spanOf(after, '"It is the cheapest way to move people\nacross the bay  after ten,"'), method: 'normalized' });
  });

  test('of two identical passages, the one whose context matches wins', () => {
    const words = '“a gamble.”';
    const annotation = annotationOn(words);
    const after = `He called the budget “a gamble.” last year.\n\n${BEFORE}`;
    const found = anchorQuote(after, annotation.target.quote, annotation.target.position);
    assert.ok(found.found);
    assert.strictEqual(found.start, after.lastIndexOf(words));
  });

  test('a short quotation whose sentence was deleted orphans even though the words occur elsewhere', () => {
    const annotation = annotationOn(SHORT_QUOTE);
    const after = BEFORE.replace(' He called the plan “a gamble.”', '').replace('The first crossing', 'Critics warned of “a gamble.” in 2019. The first crossing');
    assert.deepStrictEqual(anchorQuote(after, annotation.target.quote, annotation.target.position), { found: false });
  });

  test('an article saved with CRLF line ends (and an empty one) re-anchors or orphans cleanly', () => {
    const annotation = annotationOn(SHORT_QUOTE);
    const crlf = BEFORE.replace(/\n/g, '\r\n');
    const [moved] = reanchorAnnotations([annotation], crlf).annotations;
    assert.deepStrictEqual(moved.target.position, spanOf(crlf, SHORT_QUOTE));
    assert.strictEqual(moved.orphaned, undefined);
    assert.strictEqual(reanchorAnnotations([annotation], '').orphans.length, 1);
  });

  test('a 1 MB article: a quotation deep inside and a note on the whole text both re-anchor after edits', () => {
    const paragraphs = Array.from({ length: 11000 }, (_, i) => `Item ${i}: the council met on day ${i}. “Motion ${i} is carried,” the clerk said, to no one's surprise.`);
    const big = paragraphs.join('\n\n');
    assert.ok(big.length > 1_000_000);
    const deep = '“Motion 6543 is carried,”';
    const onQuote = annotationOn(deep, big);
    const onAll = createAnnotation(targetFor('ferry.news.txt', big, 0, big.length), { kind: 'note', text: 'Whole article.' });
    const edited = `An editor's note above everything.\n\n${big.replace('day 4000.', 'day 4000 .').replace('Motion 6543 is', 'Motion 6543 was')}`;
    const { annotations, orphans } = reanchorAnnotations([onQuote, onAll], edited);
    assert.strictEqual(orphans.length, 0);
    assert.deepStrictEqual(annotations[0].target.position, spanOf(edited, '“Motion 6543 was carried,”'));
    assert.deepStrictEqual(annotations[1].target.position, { start: edited.indexOf('Item 0:'), end: edited.length });
  });

  test('describeSpan keeps 32 characters of context on each side', () => {
    const { quote, position } = describeSpan(BEFORE, 100, 120);
    assert.strictEqual(quote.prefix, BEFORE.slice(68, 100));
    assert.strictEqual(quote.suffix, BEFORE.slice(120, 152));
    assert.deepStrictEqual(position, { start: 100, end: 120 });
  });
});

suite('Annotations: rebasing offsets on edits in the editor', () => {
  test('text typed before a span moves it; typed inside extends it; typed at its edges stays outside', () => {
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 2, rangeLength: 0, text: 'abc' }]), { start: 13, end: 23 });
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 15, rangeLength: 1, text: 'xyz' }]), { start: 10, end: 22 });
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 10, rangeLength: 0, text: '“' }]), { start: 11, end: 21 });
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 20, rangeLength: 0, text: '”' }]), { start: 10, end: 20 });
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 25, rangeLength: 5, text: '' }]), { start: 10, end: 20 });
  });

  test('a deletion overlapping an edge trims the span; deleting all of it orphans', () => {
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 5, rangeLength: 10, text: '' }]), { start: 5, end: 10 });
    assert.deepStrictEqual(rebaseSpan(10, 20, [{ rangeOffset: 15, rangeLength: 10, text: '' }]), { start: 10, end: 15 });
    assert.strictEqual(rebaseSpan(10, 20, [{ rangeOffset: 8, rangeLength: 14, text: 'new' }]), null);
  });

  test('several changes of one event (last first, as VS Code sends them) and fresh selectors', () => {
    const annotation = annotationOn(SHORT_QUOTE);
    const insertBefore = BEFORE.indexOf('Board member');
    const insideAt = BEFORE.indexOf('gamble');
    const changes = [
      { rangeOffset: insideAt, rangeLength: 0, text: 'big ' },
      { rangeOffset: insertBefore, rangeLength: 0, text: 'New sentence. ' },
    ];
    let textAfter = BEFORE;
    for (const change of changes) {
      textAfter = textAfter.slice(0, change.rangeOffset) + change.text + textAfter.slice(change.rangeOffset + change.rangeLength);
    }
    const [rebased] = rebaseOffsets([annotation], changes, textAfter);
    assert.deepStrictEqual(rebased.target.position, spanOf(textAfter, '“a big gamble.”'));
    assert.strictEqual(rebased.target.quote.exact, '“a big gamble.”');

    const [deleted] = rebaseOffsets([annotation], [{ rangeOffset: annotation.target.position.start - 1, rangeLength: 13, text: '' }]);
    assert.strictEqual(deleted.orphaned, true);
    assert.deepStrictEqual(deleted.target, annotation.target);
  });
});
