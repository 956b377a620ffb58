import * as assert from 'assert';
import { alignWords, diffSegments } from '../../src/core/crossSource/align';
import { CrossSourceMatch, CrossSourceMatcher, MAX_MATCHED_COPIES, MAX_MATCHED_COPIES_PER_ARTICLE, QuoteInput } from '../../src/core/crossSource/matcher';
import { quoteSpans, quoteSpansOf } from '../../src/core/crossSource/quoteSpans';
import { tokenize } from '../../src/core/crossSource/tokens';
import { analyzeArticle } from '../../src/core/analyze';

/** Quotations of one invented article, laid end to end; a leading `^` marks a headline quotation. */
function quotes(...texts: string[]): QuoteInput[] {
  let at = 0;
  return texts.map(raw => {
    const headline = raw.startsWith('^');
    const text = headline ? raw.slice(1) : raw;
    const quote = { start: at, end: at + text.length + 2, text, kind: headline ? 'headline' : 'direct' };
    at = quote.end + 10;
    return quote;
  });
}

function matcherOf(...articles: QuoteInput[][]): CrossSourceMatcher {
  const matcher = new CrossSourceMatcher();
  articles.forEach((article, doc) => matcher.setDocument(doc, article));
  return matcher;
}

/** `doc:quote-doc:quote kind` for each match, sorted: what a reader would see listed. */
function described(matches: readonly CrossSourceMatch[] | undefined): string[] {
  return (matches ?? []).map(m => `${m.a.doc}:${m.a.quote}-${m.b.doc}:${m.b.quote} ${m.kind}${m.sameArticle ? ' same-article' : ''}`).sort();
}

const unrelated = quotes(
  'The orchard harvest came in early this year because of the warm spring',
  'We expect apple prices to fall by the end of the season',
);

suite('cross-source tokens and alignment', () => {
  test('normalises case, curly marks, dashes and accents, and flags bracketed words', () => {
    const words = tokenize('We’re told — by [the Ministry] — Davutoğlu’s team DON\'T agree');
    assert.deepStrictEqual(words.map(w => w.norm), ["we're", 'told', 'by', 'the', 'ministry', "davutoglu's", 'team', "don't", 'agree']);
    assert.deepStrictEqual(words.filter(w => w.bracketed).map(w => w.norm), ['the', 'ministry']);
    assert.strictEqual('We’re told'.slice(words[0].start, words[0].end), 'We’re');
  });

  test('words are runs of letters and digits in any script, apostrophes inside them kept, symbols and emoji left out', () => {
    const words = tokenize("Rock \u2019n\u2019 roll isn't dead, 'tis said, in the \u201990s: \u015eEH\u0130R \u21165 \u{1d400}\u{1d401}\u{1d402} \u{1f600} x' y\u2019\u2019z \u216b");
    assert.deepStrictEqual(words.map(w => w.norm), ['rock', 'n', 'roll', "isn't", 'dead', 'tis', 'said', 'in', 'the', '90s', 'sehir', '5', '\u{1d400}\u{1d401}\u{1d402}', 'x', 'y', 'z', '\u217b']);
  });

  test('aligns word sequences into equal, deleted and inserted runs', () => {
    assert.deepStrictEqual(alignWords([1, 2, 3, 4], [1, 2, 9, 4]), [
      { op: 'equal', length: 2 }, { op: 'deleted', length: 1 }, { op: 'inserted', length: 1 }, { op: 'equal', length: 1 },
    ]);
  });

  test('prefers a run of shared words to a lone shared word', () => {
    // the attorney general  vs  the same kid ... the attorney general
    assert.deepStrictEqual(alignWords([1, 2, 3], [1, 4, 5, 1, 2, 3]), [{ op: 'inserted', length: 3 }, { op: 'equal', length: 3 }]);
  });

  test('display segments keep the original spelling and mark dropped and added words', () => {
    const segments = diffSegments('to push back against ISIL.', 'to push back against [the Islamic State],');
    assert.deepStrictEqual(segments, [
      { op: 'equal', text: 'to push back against' },
      { op: 'deleted', text: 'ISIL' },
      { op: 'inserted', text: 'the Islamic State' },
    ]);
  });
});

suite('cross-source matching kinds', () => {
  test('exact: straight vs curly marks, case, punctuation and dashes do not matter', () => {
    const matcher = matcherOf(
      quotes('We will not back down from this fight — not now, and not ever.'),
      quotes('we will not back down from this fight -- not now and not EVER'),
      unrelated,
    );
    const [match, ...rest] = matcher.allMatches()!;
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(`${match.a.doc}-${match.b.doc} ${match.kind} ${match.score}`, '0-1 exact 1');
  });

  test('contained: a fragment of a longer quotation elsewhere', () => {
    const matcher = matcherOf(
      quotes('The harbour will reopen for the fishing fleet on Monday, and the ferries will follow within the month'),
      quotes('the ferries will follow within the month'),
      unrelated,
    );
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-1:0 contained']);
  });

  test('edited: a bracketed insertion for a name, and a dropped word', () => {
    const matcher = matcherOf(
      quotes('We have to continue the work to undermine ISIL’s message in our own countries and to protect our homelands'),
      quotes('We have to continue the work to undermine [the Islamic State’s] message in our countries and to protect our homelands'),
    );
    const [match] = matcher.allMatches()!;
    assert.strictEqual(match.kind, 'edited');
    assert.ok(match.score > 0.7 && match.score < 1, `score ${match.score}`);
  });

  test('edited: an ellipsis that leaves out a stretch of the remark', () => {
    const matcher = matcherOf(
      quotes('The bridge is safe for cars today, the engineers checked every cable twice, and buses can cross from next week'),
      quotes('The bridge is safe for cars today … and buses can cross from next week'),
    );
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-1:0 edited']);
  });

  test('a quotation split differently into pieces: each piece is matched to the whole', () => {
    const matcher = matcherOf(
      quotes('We always said this would take time, but the new brigades will be capable and ready at some point to push back against the militants'),
      quotes('we always said this would take time', 'will be capable and ready at some point to push back against the militants'),
    );
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-1:0 contained', '0:0-1:1 contained']);
  });

  test('pieces too short to match alone match together when they come from one paragraph', () => {
    const paragraph = (texts: string[], index: number) => quotes(...texts).map(q => ({ ...q, paragraph: index }));
    const split = matcherOf(
      quotes('We always said the new brigades would take time, and that they will push back'),
      paragraph(['the new brigades', 'they will push back'], 3),
    );
    assert.deepStrictEqual(described(split.allMatches()), ['0:0-1:0 contained', '0:0-1:1 contained']);
    const apart = matcherOf(
      quotes('We always said the new brigades would take time, and that they will push back'),
      quotes('the new brigades', 'they will push back').map((q, i) => ({ ...q, paragraph: i })),
    );
    assert.deepStrictEqual(described(apart.allMatches()), []);
  });

  test('edited: two different quotations that share a whole clause', () => {
    const matcher = matcherOf(
      quotes('I will not stand by while the harbour board sells the old ferry terminal to developers, and neither will the town'),
      quotes('Nobody asked us. The harbour board sells the old ferry terminal to developers and calls it progress'),
    );
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-1:0 edited']);
  });

  test('a quoted headline fragment matches the body of its own article, flagged as within the article', () => {
    const matcher = matcherOf(quotes('^Very Nihilistic, Unbelievably Oppressive', 'They want to expand a very nihilistic, unbelievably oppressive sense of how people ought to live'));
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-0:1 contained same-article']);
  });

  test('two body quotations of the same article are not matched with each other', () => {
    const matcher = matcherOf(quotes('the ferries will follow within the month', 'I repeat that the ferries will follow within the month'));
    assert.deepStrictEqual(described(matcher.allMatches()), []);
  });
});

suite('cross-source short fragments', () => {
  test('a short common fragment does not link unrelated articles', () => {
    const matcher = matcherOf(
      quotes('significant impact', 'The new tariffs will have a significant impact on farmers in the valley'),
      quotes('significant impact', 'Any change to the school calendar would have a significant impact on working parents'),
    );
    assert.deepStrictEqual(described(matcher.allMatches()), []);
  });

  test('a short title in quotation marks does not link articles, a remark of as many words does', () => {
    const titles = matcherOf(quotes('Harbour Talk Tonight'), quotes('Harbour Talk Tonight'));
    assert.deepStrictEqual(described(titles.allMatches()), []);
    const remarks = matcherOf(quotes('the harbour talks failed tonight'), quotes('The harbour talks failed tonight.'));
    assert.deepStrictEqual(described(remarks.allMatches()), ['0:0-1:0 exact']);
  });

  test('a short fragment is matched where the two articles share a longer quotation too', () => {
    const shared = 'Police forces of many countries have come together in an incredibly effective way';
    const corroborated = matcherOf(
      quotes(shared, 'flushing them out'),
      quotes(shared.toUpperCase(), 'And in a sense, we are flushing them out. These cells have been there for years'),
    );
    assert.deepStrictEqual(described(corroborated.allMatches()), ['0:0-1:0 exact', '0:1-1:1 contained']);
    const alone = matcherOf(quotes('flushing them out'), quotes('And in a sense, we are flushing them out. These cells have been there for years'));
    assert.deepStrictEqual(described(alone.allMatches()), []);
  });
});

suite('cross-source incremental updates', () => {
  const longer = 'The harbour will reopen for the fishing fleet on Monday, and the ferries will follow within the month';
  const fragment = 'the ferries will follow within the month';

  test('replacing an article replaces its matches, including those seen from the other article', () => {
    const matcher = matcherOf(quotes(longer), quotes(fragment));
    assert.deepStrictEqual(described(matcher.matchesOfDocument(0)), ['0:0-1:0 contained']);
    matcher.setDocument(1, quotes('Nothing about boats here at all, only the weather and the roads'));
    assert.deepStrictEqual(described(matcher.matchesOfDocument(0)), []);
    matcher.setDocument(1, quotes(longer.replace('Monday', 'Tuesday')));
    assert.deepStrictEqual(described(matcher.matchesOfDocument(0)), ['0:0-1:0 edited']);
  });

  test('removing an article drops its matches', () => {
    const matcher = matcherOf(quotes(longer), quotes(fragment), quotes(fragment));
    assert.strictEqual(matcher.allMatches()!.length, 3);
    matcher.removeDocument(1);
    assert.deepStrictEqual(described(matcher.allMatches()), ['0:0-2:0 contained']);
  });

  test('a cancelled request returns undefined and the next one completes', () => {
    const matcher = matcherOf(quotes(longer), quotes(fragment));
    assert.strictEqual(matcher.allMatches({ isCancellationRequested: true }), undefined);
    assert.strictEqual(matcher.allMatches({ isCancellationRequested: false })!.length, 1);
  });
});

suite('cross-source copies of one wording', () => {
  const remark = 'We will build the new harbour bridge before the winter comes';
  const later = 100;
  const copies = MAX_MATCHED_COPIES + later;
  const pairsOfFirstCopies = (MAX_MATCHED_COPIES * (MAX_MATCHED_COPIES - 1)) / 2;
  const carriedByAll = () => matcherOf(...Array.from({ length: copies }, () => quotes(remark)));

  test('a remark carried by more articles than are matched in full: the first copies pair up, each later one links to the first copy only', () => {
    const matcher = carriedByAll();
    const all = matcher.allMatches()!;
    // Not every pair of copies, which grows with their square.
    assert.strictEqual(all.length, pairsOfFirstCopies + later);
    assert.ok(all.every(m => m.kind === 'exact' && !m.sameArticle));
    assert.strictEqual(matcher.matchesOfQuote(0, 0).length, copies - 1);
    assert.strictEqual(matcher.matchesOfQuote(1, 0).length, MAX_MATCHED_COPIES - 1);
    assert.deepStrictEqual(described(matcher.matchesOfQuote(copies - 1, 0)), [`0:0-${copies - 1}:0 exact`]);
  });

  test('a hover before the matches are worked out finds the same links', () => {
    const matcher = carriedByAll();
    assert.deepStrictEqual(described(matcher.matchesOfQuote(copies - 1, 0)), [`0:0-${copies - 1}:0 exact`]);
    assert.strictEqual(matcher.matchesOfQuote(0, 0).length, copies - 1);
    assert.strictEqual(matcher.matchesOfQuote(1, 0).length, MAX_MATCHED_COPIES - 1);
  });

  test('one article repeating a remark thousands of times: its headline links to the first copies there, another article to the first copy', () => {
    const matcher = matcherOf(quotes(`^${remark}`, ...Array<string>(3000).fill(remark)), quotes(remark));
    const all = matcher.allMatches()!;
    assert.strictEqual(all.filter(m => m.sameArticle).length, MAX_MATCHED_COPIES_PER_ARTICLE - 1);
    assert.deepStrictEqual(described(all.filter(m => !m.sameArticle)), ['0:0-1:0 exact']);
  });

  test('an article quoting a remark once links to the first copies of an article that repeats it, and the repeats to it', () => {
    const repeats = 100;
    const matcher = matcherOf(quotes(remark), quotes(...Array<string>(repeats).fill(remark)));
    const all = matcher.allMatches()!;
    assert.strictEqual(all.length, repeats);
    assert.ok(all.every(m => m.a.doc === 0 && m.a.quote === 0 && m.b.doc === 1 && m.kind === 'exact'));
    assert.strictEqual(matcher.matchesOfQuote(1, repeats - 1).length, 1);
  });

  test('when the first copy goes, the next takes over the links of the later copies', () => {
    const matcher = carriedByAll();
    matcher.allMatches();
    matcher.removeDocument(0);
    const all = matcher.allMatches()!;
    assert.strictEqual(all.length, ((MAX_MATCHED_COPIES - 1) * (MAX_MATCHED_COPIES - 2)) / 2 + later);
    assert.deepStrictEqual(described(matcher.matchesOfQuote(copies - 1, 0)), [`1:0-${copies - 1}:0 exact`]);
  });

  test('shared out among threads, the links are the ones allMatches finds, in its order', () => {
    const matcher = carriedByAll();
    const snapshot = structuredClone(matcher.snapshot());
    const docs = Array.from({ length: copies }, (_, doc) => doc);
    const shares = [0, 1].map(half => CrossSourceMatcher.restore(snapshot).shareOfAllMatches(new Set(docs.filter(doc => doc % 2 === half))));
    assert.deepStrictEqual(shares.flat().sort((x, y) => x.a.doc - y.a.doc), matcher.allMatches());
  });
});

suite('cross-source near-identical quotations', () => {
  test('thousands of near-identical quotations in one article: none walks all the others, and a remark sharing their common words still matches its copy', function () {
    // Each of these 30,000 walked the trigrams the others share (`we will build`) in full: 2.7 billion steps.
    this.timeout(10_000);
    const numbered = quotes(...Array.from({ length: 30_000 }, (_, i) => `We will build it, number ${i}`));
    const remark = 'We will build it zanzibar quixotic';
    const matcher = matcherOf(numbered, quotes(remark), quotes(remark));
    // Its trigrams but two are held by 30,002 quotations; the two it shares with its copy alone find it.
    assert.deepStrictEqual(described(matcher.allMatches()), ['1:0-2:0 exact']);
  });
});

suite('cross-source matching shared out among threads', () => {
  test('restored copies of a snapshot, each working out its share of the articles, find what allMatches finds, in its order', () => {
    const shared = 'Police forces of many countries have come together in an incredibly effective way';
    const matcher = matcherOf(
      quotes(shared, 'flushing them out', '^Incredibly Effective'),
      quotes('Nothing about boats here at all, only the weather and the roads'),
      quotes(shared.toUpperCase(), 'And in a sense, we are flushing them out. These cells have been there for years'),
      quotes('Police forces of [several] countries have come together in an incredibly effective way'),
      quotes('the police forces of many countries', 'have come together in an incredibly effective way').map(q => ({ ...q, paragraph: 2 })),
    );
    matcher.removeDocument(1);
    // What another thread receives: a structured clone.
    const snapshot = structuredClone(matcher.snapshot());
    const shares = [new Set([0, 3]), new Set([2, 4])].map(docs => CrossSourceMatcher.restore(snapshot).shareOfAllMatches(docs));
    const merged = shares.flat().sort((x, y) => x.a.doc - y.a.doc);
    const all = matcher.allMatches()!;
    assert.ok(all.length >= 6 && all.some(m => m.sameArticle) && all.some(m => m.kind === 'edited'), described(all).join('; '));
    assert.deepStrictEqual(merged, all);
  });
});

suite('quotation spans for matching', () => {
  test('read off an analysis, they are the spans the scanner finds in the text', () => {
    const article = [
      'Mayor Says \u2018Ahead of Schedule\u2019 as Bridge Reopens',
      '',
      '\u201cWe are ahead of schedule,\u201d said Mayor Ana Ruiz. \u201cThe steel arrived early.\u201d',
      '',
      'The engineer called it a \u201cgood day\u201d and added: \u201cNobody expected this',
      '',
      '\u201cor the crowds.\u201d',
    ].join('\n');
    const expected = quoteSpans(article);
    assert.strictEqual(expected.length, 6);
    assert.strictEqual(expected[0].kind, 'headline');
    assert.deepStrictEqual(quoteSpansOf(analyzeArticle(article)), expected);
  });
});
