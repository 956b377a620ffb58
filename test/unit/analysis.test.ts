import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, mergeSpeakers, primeAnalysis } from '../../src/core/analyze';
import { PRIMER_ARTICLE } from '../../src/core/analysis/primer';
import { scanQuotes } from '../../src/core/analysis/quoteScanner';
import type { ArticleAnalysis, Quote } from '../../src/core/types';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');

/** A quotation as a reader checks it: its first words and who the analysis says spoke them. */
type Expected = readonly [prefix: string, speaker: string | null];
const SCARE_QUOTE = null;

function quotations(analysis: ArticleAnalysis): Quote[] {
  return analysis.quotes.filter(q => q.kind !== 'other');
}

/** Asserts the article's quotations, in order: each starts with `prefix` and has `speaker`; `null` = not a quotation (kind other). */
function assertQuotes(analysis: ArticleAnalysis, expected: readonly Expected[]): void {
  const seen = analysis.quotes.map(q => `${q.text.slice(0, 40)} -> ${q.kind === 'other' ? 'other' : q.speaker}`);
  assert.strictEqual(analysis.quotes.length, expected.length, `quotations found:\n  ${seen.join('\n  ')}`);
  expected.forEach(([prefix, speaker], i) => {
    const q = analysis.quotes[i];
    assert.ok(q.text.startsWith(prefix), `quotation ${i}: expected it to start with ${JSON.stringify(prefix)}, found ${JSON.stringify(q.text.slice(0, 40))}`);
    if (speaker === SCARE_QUOTE) assert.strictEqual(q.kind, 'other', `${JSON.stringify(prefix)} is not a quotation`);
    else assert.strictEqual(q.speaker, speaker, `speaker of ${JSON.stringify(prefix)}`);
  });
}

/** Every span the analysis reports is the text at its offsets. */
function assertSpansMatchText(text: string, analysis: ArticleAnalysis): void {
  for (const q of analysis.quotes) {
    for (const s of [q.speakerMention, q.cue]) if (s) assert.strictEqual(text.slice(s.start, s.end), s.text);
    assert.ok(text.slice(q.start, q.end).includes(q.text), `quote text lies within its span: ${q.text.slice(0, 30)}`);
  }
  for (const p of analysis.paragraphs) assert.strictEqual(text.slice(p.start, p.end), p.text);
}

const SEED_EXPECTATIONS: Readonly<Record<string, readonly Expected[]>> = {
  '000_64fd95269d6224ce.txt': [
    ["We're Flushing", 'John Kerry'], ['Very Nihilistic', 'John Kerry'], ['dismayed', 'John Kerry'],
    ['they should be', 'John Kerry'], ['flushing them', 'John Kerry'], ['steering group', SCARE_QUOTE],
    ['But as we', 'John Kerry'], ['We still have', 'John Kerry'], ['Police forces, law', 'John Kerry'],
    ['And in a sense', 'John Kerry'], ['we always said', 'Philip Hammond'], ['will be capable', 'Philip Hammond'],
    ['And in the meantime', 'Philip Hammond'],
  ],
  '001_79c737936f47044a.txt': [
    ['I don’t think', 'John Kerry'], ['Police forces, [the]', 'John Kerry'], ['And in a sense', 'John Kerry'],
    ['And we need', 'John Kerry'], ['We’re very clear', 'Philip Hammond'], ['We always said', 'Philip Hammond'],
    ['And in the meantime', 'Philip Hammond'],
  ],
  '002_5a7553b06f2b5f00.txt': [
    ["People Don't", 'John Kerry'], ['Progress', 'John Kerry'], ['people don’t realize', 'John Kerry'],
    ['the need to', 'John Kerry'], ['I am convinced', 'John Kerry'], ['We have liberated', 'John Kerry'],
    ['And as a result', 'John Kerry'], ['that always depends', 'John Kerry'], ['We conducted some', 'John Kerry'],
    ['And I think', 'John Kerry'], ['difficulty in', 'John Kerry'], ['We, in law', 'John Kerry'],
    ['We’ve been pretty', 'John Kerry'],
  ],
  '003_77a2fa684089bf1f.txt': [
    ['Terrorists want', 'John Kerry'], ['greater determination', 'John Kerry'],
    ['Part of the', 'the State Department official'], ['huge numbers', 'the State Department official'],
    ['We need to', 'John Kerry'], ['not a fight', 'Federica Mogherini'], ['a partnership', 'Federica Mogherini'],
  ],
  '004_06fbc2585de1f57f.txt': [
    ['Dissipated', 'John Kerry'], ['significant impact', 'John Kerry'], ['The momentum', 'John Kerry'],
    ['But it has', 'John Kerry'], ['The dysfunction', 'John Kerry'], ['Governments that', 'John Kerry'],
    ['Where once', 'John Kerry'], ['first American', 'the militant'],
  ],
};

suite('Analysis: the seed articles', () => {
  const seeds = () => {
    if (!fs.existsSync(seedsDir)) return undefined;
    return Object.keys(SEED_EXPECTATIONS).map(name => ({ name, text: fs.readFileSync(path.join(seedsDir, name), 'utf8') }));
  };

  for (const name of Object.keys(SEED_EXPECTATIONS)) {
    test(`${name}: every quotation, with the right speaker`, function () {
      const all = seeds();
      if (!all) {
        console.log(`    (skipped: no seed articles at ${seedsDir})`);
        this.skip();
      }
      const { text } = all!.find(s => s.name === name)!;
      const analysis = analyzeArticle(text);
      assertQuotes(analysis, SEED_EXPECTATIONS[name]);
      assertSpansMatchText(text, analysis);
    });
  }

  test('how each attribution was found: headline, pronoun, description, continuation', function () {
    const all = seeds();
    if (!all) this.skip();
    const first = analyzeArticle(all!.find(s => s.name.startsWith('000'))!.text);
    const byPrefix = (a: ArticleAnalysis, prefix: string) => a.quotes.find(q => q.text.startsWith(prefix))!;
    assert.strictEqual(byPrefix(first, "We're").evidence, 'headline');
    assert.strictEqual(byPrefix(first, 'And in the meantime').speakerMention?.text, 'the UK secretary');
    assert.strictEqual(byPrefix(first, 'And in the meantime').evidence, 'description');
    assert.strictEqual(byPrefix(first, 'And in a sense').evidence, 'continuation');
    assert.strictEqual(byPrefix(first, 'we always said').cue?.text, 'added');
    const second = analyzeArticle(all!.find(s => s.name.startsWith('001'))!.text);
    assert.strictEqual(byPrefix(second, 'I don’t think').speakerMention?.text, 'he');
    assert.strictEqual(byPrefix(second, 'I don’t think').evidence, 'pronoun');
    for (const q of quotations(first)) assert.ok(q.confidence > 0 && q.confidence <= 1);
  });

  test('structure: headline, duplicated lede and web boilerplate', function () {
    const all = seeds();
    if (!all) this.skip();
    const broadcast = analyzeArticle(all!.find(s => s.name.startsWith('004'))!.text);
    assert.ok(broadcast.headline?.text.startsWith('Kerry: IS Momentum'));
    assert.deepStrictEqual(broadcast.boilerplate.map(b => b.text).filter(t => /^(Accessibility links|0:00 0:02:56 0:00)$/.test(t)), ['Accessibility links', '0:00 0:02:56 0:00']);
    const wire = analyzeArticle(all!.find(s => s.name.startsWith('003'))!.text);
    assert.strictEqual(wire.headline, null, 'a lede sentence is not a headline');
    assert.strictEqual(wire.boilerplate.length, 1, 'the repeated lede line');
    const related = analyzeArticle(all!.find(s => s.name.startsWith('001'))!.text);
    assert.deepStrictEqual(related.boilerplate.map(b => b.text), ['Related Content']);
  });

  test('one person, one speaker across the five articles', function () {
    const all = seeds();
    if (!all) this.skip();
    const speakers = mergeSpeakers(all!.map(s => analyzeArticle(s.text)));
    const kerry = speakers.filter(s => /Kerry/.test(s.name));
    assert.strictEqual(kerry.length, 1, JSON.stringify(kerry));
    assert.strictEqual(kerry[0].name, 'John Kerry');
    assert.deepStrictEqual(kerry[0].aliases, ['Kerry']);
    assert.ok(kerry[0].titles.includes('Secretary of State'));
    assert.strictEqual(kerry[0].documents, 5);
    const hammond = speakers.find(s => s.name === 'Philip Hammond')!;
    assert.strictEqual(hammond.documents, 2);
    assert.strictEqual(hammond.quotes, 6);
  });
});

suite('Analysis: hard cases (invented text)', () => {
  test('a headline names a speaker only when the article is about that person', () => {
    assertQuotes(analyzeArticle('Bridge Reopens: \u2018A Good Day\u2019\n\nThe bridge opened on Monday.\n'), [['A Good Day', SCARE_QUOTE]]);
  });

  test('attributions before, after, inverted, inside and `according to`', () => {
    const text = [
      'Mayor Ana Ruiz: \u2018We Will Rebuild\u2019',
      '',
      'Mayor Ana Ruiz said on Monday, \u201cThe bridge opens in May.\u201d',
      '',
      '\u201cWe are ahead of schedule,\u201d said Tom Park, the city engineer. \u201cThe steel arrived early.\u201d',
      '',
      'According to Ruiz, \u201cthe budget holds.\u201d Park added that \u201cnothing was cut.\u201d',
      '',
      '\u201cIt is a good day,\u201d Ruiz told reporters.',
    ].join('\n');
    assertQuotes(analyzeArticle(text), [
      ['We Will Rebuild', 'Ana Ruiz'], ['The bridge opens', 'Ana Ruiz'], ['We are ahead', 'Tom Park'],
      ['The steel arrived', 'Tom Park'], ['the budget holds', 'Ana Ruiz'], ['nothing was cut', 'Tom Park'],
      ['It is a good day', 'Ana Ruiz'],
    ]);
  });

  test('questions, transcripts, reported replies and possessives', () => {
    const text = [
      'Debate Night', '',
      '\u201cWhy now?\u201d Senator Jane Moss asked.', '',
      'Moderator: \u201cPlease answer the question.\u201d', '',
      'Governor Bob Hale said he responded: \u201cBecause the budget is due.\u201d', '',
      'Few remember his promise to be \u201cthe most frugal governor in history.\u201d',
    ].join('\n');
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['Why now?', 'Jane Moss'], ['Please answer', 'Moderator'], ['Because the budget', 'Bob Hale'], ['the most frugal', 'Bob Hale']]);
    assert.strictEqual(analysis.quotes[3].speakerMention?.text, 'his');
  });

  test('curly and straight marks mixed in one quotation interrupted by its attribution: two records', () => {
    const text = 'Storm Hits Coast\n\n\u201cThe wind has dropped," said Lena Ortiz. "But the sea is still rising.\u201d\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['The wind has dropped', 'Lena Ortiz'], ['But the sea', 'Lena Ortiz']]);
    assert.strictEqual(analysis.quotes[0].text, 'The wind has dropped,');
    assert.strictEqual(text.slice(analysis.quotes[1].start, analysis.quotes[1].end), '"But the sea is still rising.\u201d');
  });

  test('nested quotes stay inside the outer quotation', () => {
    const text = 'Council Votes\n\n\u201cShe told me \u2018no way,\u2019 and then she left the \u201cred room\u201d in a hurry,\u201d Paul Grant said.\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['She told me', 'Paul Grant']]);
    assert.ok(analysis.quotes[0].text.endsWith('in a hurry,'));
  });

  test('a quotation over several paragraphs: one record per paragraph, all with the speaker', () => {
    const text = [
      'Report Released', '',
      'Dr. Maria Chen said: \u201cThe first finding is clear.', '',
      '\u201cThe second finding needs more work.', '',
      '\u201cAnd the third is a surprise.\u201d', '',
      'The report runs to 40 pages.',
    ].join('\n');
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['The first finding', 'Maria Chen'], ['The second finding', 'Maria Chen'], ['And the third', 'Maria Chen']]);
    const first = analysis.quotes[0];
    assert.strictEqual(text.slice(first.start, first.end), '\u201cThe first finding is clear.', 'an unclosed quotation ends with its paragraph');
    assert.strictEqual(analysis.quotes[1].evidence, 'continuation');
  });

  test('a paragraph that only quotes inherits the previous paragraph\u2019s speaker', () => {
    const text = 'Plant Closes\n\nUnion leader Sam Webb said the workers were told on Friday.\n\n\u201cNobody saw this coming. Nobody.\u201d\n';
    assertQuotes(analyzeArticle(text), [['Nobody saw this', 'Sam Webb']]);
  });

  test('scare quotes and titles nobody said are kind other, with no speaker', () => {
    const text = 'Fair Opens\n\nThe so-called \u201cmega fair\u201d opened with a \u201cwelcome\u201d tent near the river.\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['mega fair', SCARE_QUOTE], ['welcome', SCARE_QUOTE]]);
    assert.ok(analysis.quotes.every(q => q.speaker === null && q.speakerMention === null && q.confidence === 0 && q.evidence === 'none'));
  });

  test('a headline quote that closes the headline, or follows an attributed one, is a quotation; a title inside it is not', () => {
    const kinds = (text: string) => analyzeArticle(text).quotes.map(q => [q.text, q.kind]);
    assert.deepStrictEqual(kinds('Parents Rally Downtown To \u2018Save Our Parks.\u2019\n\nHundreds of parents marched on Monday.\n'), [['Save Our Parks.', 'headline']]);
    assert.deepStrictEqual(kinds('\u2018Star Tracks\u2019 Actor Joins Cast Of New Show\n\nThe actor signed on Monday.\n'), [['Star Tracks', 'other']]);
    const text = 'Mayor Says Rival \u2018Not Ready,\u2019 \u2018Out Of Touch\u2019 On Roads\n\nMayor Ana Ruiz spoke on Monday.\n';
    const [first, second] = analyzeArticle(text).quotes;
    assert.deepStrictEqual([second.text, second.kind, second.speaker], ['Out Of Touch', 'headline', first.speaker]);
    assert.strictEqual(second.evidence, 'continuation');
  });

  test('a transcript\u2019s stage directions are nobody\u2019s words; the writer\u2019s social-media plug is boilerplate', () => {
    const text = 'Radio Debate\n\nA partial transcript follows:\n\n"HOST: Welcome back to the show.\n\n"(APPLAUSE.)\n\n"[CROSSTALK]\n\n"GUEST: Thank you for having me."\n\nFollow Ann Lee on Twitter @annlee.\n';
    const analysis = analyzeArticle(text);
    assert.deepStrictEqual(analysis.quotes.map(q => [q.text, q.kind === 'other']), [
      ['HOST: Welcome back to the show.', false], ['(APPLAUSE.)', true], ['[CROSSTALK]', true], ['GUEST: Thank you for having me.', false],
    ]);
    assert.deepStrictEqual(analysis.boilerplate.map(b => b.text), ['Follow Ann Lee on Twitter @annlee.']);
  });

  test('quoted words before a noun are reported words when a cue shares their sentence, else a label', () => {
    const kinds = (text: string) => analyzeArticle(text).quotes.map(q => [q.text, q.kind]);
    assert.deepStrictEqual(kinds('Archive Row\n\nIn a letter, the state described \u201csecret\u201d files that had reached the mayor.\n'), [['secret', 'partial']]);
    assert.deepStrictEqual(kinds('Archive Row\n\nThe city opened a \u201cpop-up\u201d library on Monday.\n'), [['pop-up', 'other']]);
  });

  test('a markup tag cut by a line break: its attribute quotes are not quotations', () => {
    const text = 'Posts\n\nShe wrote on Monday.\n\n<tweet tweet-author="@annlee" tweet-date="May 2, 2016\n">We did it, friends.<tweet/>.\n\nThe post spread.\n';
    assert.deepStrictEqual(analyzeArticle(text).quotes, []);
    const prose = 'If x <y then \u201cit works,\u201d she said.';
    assert.deepStrictEqual(scanQuotes(prose, false).map(q => prose.slice(q.start, q.end)), ['\u201cit works,\u201d'], 'a `<` in prose is no tag');
  });

  test('an opening mark of the outer one\u2019s shape, inside it and closed, starts a quotation of its own', () => {
    const text = 'Troop Plan\n\nCritics accused the mayor of being \u201ca lot like her rivals, comparing her plan to the council\u2019s \u201cquick fixes that never last.\u201d\n';
    assert.deepStrictEqual(analyzeArticle(text).quotes.map(q => q.text), ['a lot like her rivals, comparing her plan to the council\u2019s', 'quick fixes that never last.']);
    const paragraph = '"Without more troops, she added, "this is how the war drags on."';
    assert.deepStrictEqual(scanQuotes(paragraph, false).map(q => [paragraph.slice(q.start, q.end), q.closed]), [['"Without more troops, she added,', false], ['"this is how the war drags on."', true]]);
    // Closed, the outer quotation keeps what it quotes.
    const nested = '\u201cHe said \u201cno\u201d to me,\u201d she said.';
    assert.deepStrictEqual(scanQuotes(nested, false).map(q => nested.slice(q.start, q.end)), ['\u201cHe said \u201cno\u201d to me,\u201d']);
  });

  test('a mark left alone at the end of a paragraph quotes nothing', () => {
    const text = 'Vote Count\n\n\u201cWe will win,\u201d Ann Lee said. \u201cThey know it. \u201c\n\nThe count went on.\n';
    assertQuotes(analyzeArticle(text), [['We will win', 'Ann Lee'], ['They know it.', 'Ann Lee']]);
    assert.deepStrictEqual(scanQuotes('They know it. \u201c', false).map(q => q.closed), []);
  });

  test('apostrophes are not quotation marks: don\u2019t, Kerry\u2019s, ISIS\u2019, \u201990s', () => {
    const text = "Ruiz: 'We Don't Quit' on the Mayor's Plan\n\nMayor Ana Ruiz said the group's plan and ISIS' fighters in the \u201990s don\u2019t matter here, and Ruiz\u2019s aide agreed.\n";
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [["We Don't Quit", 'Ana Ruiz']]);
    assert.deepStrictEqual(scanQuotes("It's Kerry's and ISIS' plan in the '90s", false), []);
  });

  test('bracketed insertions stay part of the quotation', () => {
    const text = 'Talks Resume\n\n\u201cThey [the rebels] will not win,\u201d Defense Minister Omar Haddad said.\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['They [the rebels] will', 'Omar Haddad']]);
    assert.deepStrictEqual(analysis.speakers, [{ name: 'Omar Haddad', aliases: [], titles: ['Defense Minister'] }]);
  });

  test('pronouns and descriptions resolve to the person they stand for, or stay an unnamed speaker', () => {
    const text = [
      'Budget Fight', '',
      'Senator Jane Moss met Governor Bob Hale on Tuesday.', '',
      '\u201cWe made progress,\u201d she said.', '',
      '\u201cNot enough,\u201d the governor said.', '',
      '\u201cWe will see,\u201d a senior aide said. \u201cMaybe next week,\u201d the aide added later.',
    ].join('\n');
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['We made progress', 'Jane Moss'], ['Not enough', 'Bob Hale'], ['We will see', 'the senior aide'], ['Maybe next week', 'the senior aide']]);
    assert.strictEqual(analysis.quotes[0].evidence, 'pronoun');
    assert.strictEqual(analysis.quotes[1].evidence, 'description');
  });

  test('cue verbs can be extended (the newsAnnotator.cueVerbs setting)', () => {
    const text = 'Chess Final\n\n\u201cNever,\u201d Ivan Petrov harrumphed.\n';
    assertQuotes(analyzeArticle(text), [['Never', SCARE_QUOTE]]);
    assertQuotes(analyzeArticle(text, { extraCueVerbs: ['harrumph'] }), [['Never', 'Ivan Petrov']]);
  });

  test('CRLF line ends: offsets still index the text as given', () => {
    const text = 'Storm Hits Coast\r\n\r\n\u201cThe wind has dropped,\u201d said Lena Ortiz.\r\n\r\n\u201cWe were lucky.\u201d\r\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['The wind has dropped', 'Lena Ortiz'], ['We were lucky', 'Lena Ortiz']]);
    assertSpansMatchText(text, analysis);
    assert.ok(analysis.paragraphs.every(p => !p.text.includes('\r')));
  });

  test('empty, blank and quote-less input', () => {
    for (const text of ['', '\n\n  \n', 'Just a line with no quotes']) {
      const analysis = analyzeArticle(text);
      assert.deepStrictEqual(analysis.quotes, []);
      assert.deepStrictEqual(analysis.speakers, []);
    }
    assert.strictEqual(analyzeArticle('').headline, null);
  });

  test('unbalanced marks never throw and never swallow the rest of the article', () => {
    const text = 'Odd Marks\n\n\u201d stray closing mark and \u201copen one that never closes\n\nA later paragraph said nothing.\n\n"Fine," Ann Lee said.\n';
    const analysis = analyzeArticle(text);
    const last = analysis.quotes[analysis.quotes.length - 1];
    assert.strictEqual(last.text, 'Fine,');
    assert.strictEqual(last.speaker, 'Ann Lee');
    assert.ok(analysis.quotes.every(q => analysis.paragraphs[q.paragraph].end >= q.end), 'no quotation runs past its paragraph');
  });

  test('thousands of stray marks in one paragraph: each opens a quotation that runs to the next', function () {
    this.timeout(60_000); // a quadratic pass would take minutes here
    for (const mark of ['\u201c', '"']) {
      const analysis = analyzeArticle(`Odd Marks\n\n${`${mark}a `.repeat(20_000)}`);
      assert.strictEqual(analysis.quotes.length, 20_000);
      assert.ok(analysis.quotes.every(q => q.text === 'a'));
    }
  });

  test('a huge article (5 MB) is analysed whole', function () {
    this.timeout(120_000); // not a speed test (see npm run bench:analyze): it only has to finish
    const paragraph = (n: number) => `\u201cWe will finish road ${n},\u201d said Mayor Ana Ruiz. The council met in a \u201cbig\u201d hall.\n\n`;
    const count = Math.ceil(5e6 / paragraph(0).length);
    const text = `Road Plan\n\n${Array.from({ length: count }, (_, n) => paragraph(n)).join('')}`;
    const analysis = analyzeArticle(text);
    assert.strictEqual(quotations(analysis).length, count);
    assert.ok(quotations(analysis).every(q => q.speaker === 'Ana Ruiz'));
    assert.deepStrictEqual(analysis.speakers.map(s => s.name), ['Ana Ruiz']);
  });
});

suite('Analysis: one speaker per person across articles', () => {
  test('a bare surname joins the one full name it can stand for; two namesakes stay apart', () => {
    const a = analyzeArticle('One\n\n\u201cYes,\u201d said Secretary of State John Kerry.\n');
    const b = analyzeArticle('Two\n\n\u201cNo,\u201d Kerry said.\n');
    const c = analyzeArticle('Three\n\n\u201cMaybe,\u201d Bill Clinton said. \u201cLater,\u201d Hillary Clinton said.\n');
    const d = analyzeArticle('Four\n\n\u201cNever,\u201d Clinton said.\n');
    const speakers = mergeSpeakers([a, b, c, d]);
    const kerry = speakers.find(s => s.name === 'John Kerry')!;
    assert.deepStrictEqual({ ...kerry }, { name: 'John Kerry', aliases: ['Kerry'], titles: ['Secretary of State'], quotes: 2, documents: 2 });
    assert.deepStrictEqual(speakers.filter(s => /Clinton/.test(s.name)).map(s => s.name).sort(), ['Bill Clinton', 'Clinton', 'Hillary Clinton']);
  });
});

suite('Analysis: a name followed by where the person is from', () => {
  test('`Name of Place` keeps the person\u2019s name, before or after the cue', () => {
    const text = [
      'Town Hall', '',
      '\u201cWe need the jobs back,\u201d said undecided voter Stephanie Hooton of Derry.', '',
      'Marco Bell of Lisbon said \u201cthe roads come first.\u201d',
    ].join('\n');
    assertQuotes(analyzeArticle(text), [['We need the jobs back', 'Stephanie Hooton'], ['the roads come first', 'Marco Bell']]);
  });

  test('`Name of the Y Institute` names the person, not the institute', () => {
    const text = 'Rates\n\nJane Roe of the Harbour Policy Institute said \u201crates will fall.\u201d \u201cNot soon,\u201d said Sam Diaz of the Lakeside Institute.\n';
    assertQuotes(analyzeArticle(text), [['rates will fall', 'Jane Roe'], ['Not soon', 'Sam Diaz']]);
  });

  test('titles and institutions named `X of Y` stay whole', () => {
    const text = 'Banks\n\n\u201cPrices are steady,\u201d said Secretary of State Tom Reed. The Bank of Eastland said \u201crates will hold.\u201d\n';
    assertQuotes(analyzeArticle(text), [['Prices are steady', 'Tom Reed'], ['rates will hold', 'Bank of Eastland']]);
  });

  test('an institution keeps its whole name and is nobody\u2019s \u201cshe\u201d', () => {
    const text = 'Farm Vote\n\nMinister Ana Ruiz met farmers on Monday. The National Farmers Party of Eastland said \u201cthe subsidy is too small.\u201d\n\n\u201cWe will listen,\u201d she said.\n';
    const analysis = analyzeArticle(text);
    assertQuotes(analysis, [['the subsidy is too small', 'National Farmers Party of Eastland'], ['We will listen', 'Ana Ruiz']]);
  });

  test('initials stay part of the name: `Charles B. Rangel`, `G.K. Lowe`', () => {
    const text = 'Vote\n\n\u201cYes,\u201d said Rep. Charles B. Rangel of Harlem. Sen. G.K. Lowe said \u201cno.\u201d\n';
    assertQuotes(analyzeArticle(text), [['Yes', 'Charles B. Rangel'], ['no', 'G.K. Lowe']]);
  });
});

suite('Analysis: who news text says spoke (invented text)', () => {
  test('`according to X` anywhere in the sentence names the source, even beside a speaker', () => {
    const text = [
      'Harbour Plan', '',
      '\u201cThe pier will be rebuilt,\u201d Mayor Ana Ruiz said, according to the Coast Herald.', '',
      'According to two engineers, the mayor said the work would be \u201cquick and cheap.\u201d',
    ].join('\n');
    const analysis = analyzeArticle(text);
    assert.deepStrictEqual(quotations(analysis).map(q => q.speakerMention?.text), ['the Coast Herald', 'two engineers']);
  });

  test('a relative `who` before its cue is the mention, standing for the person before it', () => {
    const text = 'Port Talks\n\nThe talks stalled, said Mayor Ana Ruiz, who later warned of \u201ca long winter.\u201d A lawyer who in 2015 wrote that the pier was \u201cunsafe\u201d resigned. Tom Park, who has in the past described the pier as \u201ca relic,\u201d agreed.\n';
    const analysis = analyzeArticle(text);
    assert.deepStrictEqual(quotations(analysis).map(q => [q.speakerMention?.text, q.speaker]), [['who', 'Ana Ruiz'], ['who', 'the lawyer'], ['who', 'Tom Park']]);
  });

  test('words reported inside someone\u2019s reported speech are given to the one who reports them', () => {
    const text = [
      'Budget Fight', '',
      'Mayor Ana Ruiz said at a rally on Friday that the council once described the plan as \u201ca gift to developers.\u201d', '',
      'Tom Park spoke first, and the treasurer warned that the fund was \u201calmost empty.\u201d',
    ].join('\n');
    const analysis = analyzeArticle(text);
    assert.deepStrictEqual(quotations(analysis).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz', 'the treasurer']);
  });

  test('the pronoun of a `what` clause stands for the subject of its sentence, the source', () => {
    const text = 'Parking\n\nMayor Ana Ruiz has railed against what she calls \u201ca tax on parking.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz']);
  });

  test('a clause joined after a quotation does not take it from the sentence\u2019s subject; headlines read left to right', () => {
    const text = [
      'Mayor Ruiz Calls Plan \u2018A Gift\u2019 After Council Comments', '',
      'Mayor Ana Ruiz urged voters to \u201cread the fine print\u201d and said she would veto the plan.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ruiz', 'Mayor Ana Ruiz']);
  });

  test('cue words that are nouns or sit across a quotation do not name a speaker', () => {
    const text = [
      'Fact Check', '',
      'The Ledger rated 40% of Eastland claims as \u201cmostly true\u201d compared to 20% of Westland claims.', '',
      'Tom Park is describing as \u201creckless\u201d a Lena Ortiz tweet about the budget.', '',
      'The gap is \u201cthe widest in a decade,\u201d reported the Coast Herald.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['The Ledger', 'Tom Park', 'the Coast Herald']);
  });

  test('inverted and `according to` sources: an honorific, a described name, a bare role, a party and a role before a name', () => {
    const text = [
      'Harbour Plan', '',
      '\u201cIt is astonishing,\u201d said Mr. Park, the harbour master.', '',
      'This is a \u201craw time,\u201d said Democratic strategist Lena Ortiz. Ortiz said in an email that she would wait.', '',
      'According to radio host Lena Ortiz, the plan is \u201cdead on arrival.\u201d', '',
      'The mayor was \u201cfurious,\u201d according to council insiders.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mr. Park', 'Democratic strategist Lena Ortiz', 'radio host Lena Ortiz', 'council insiders']);
  });

  test('`as X put it` names X', () => {
    const text = 'Harbour Plan\n\nThe plan was, as the Coast Herald put it, \u201ca gift to developers.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Coast Herald']);
  });

  test('a transcript turn\u2019s label speaks every quotation in the turn', () => {
    const text = [
      'Debate Transcript', '',
      'REED: Well, look, my opponent thinks this is an episode of \u201cGame Night.\u201d It is not.', '',
      'Ruiz: \u201cWe will rebuild the pier.\u201d Park: \u201cNot with that budget.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['REED', 'Ruiz', 'Park']);
  });

  test('a possessive phrase that is a verb\u2019s subject does not make its possessor the source', () => {
    const text = 'Pier Deal\n\nIn the end, after weeks of talks, Park\u2019s immunity was \u201cpartial at best.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text ?? null), [null]);
  });

  test('the one who issues a document speaks through it; `according to` takes any noun phrase', () => {
    const text = [
      'Pier Deal', '',
      'Mayor Ana Ruiz issued a statement calling the deal \u201ca gift to developers.\u201d', '',
      'The vote was \u201cnever in doubt,\u201d according to court records.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz', 'court records']);
  });

  test('a quotation signed in the paragraph below it; a reported speaker seen through the one who reports', () => {
    const text = [
      'Quotes of the Week', '',
      '\u201cWe will rebuild the pier before the summer.\u201d', '',
      '- Ana Ruiz.', '',
      'Tom Park said that for years critics had been predicting the pier would fall.', '',
      '\u201cThey were wrong, and the pier still stands.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Ana Ruiz', 'Tom Park']);
  });

  test('a signature that ends its paragraph with the name, no full stop after it', () => {
    const text = 'Quotes of the Week\n\n\u201cWe will rebuild the pier before the summer.\u201d\n\n\u2014 Ana Ruiz\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Ana Ruiz']);
  });

  test('the pronoun that opens the quotation\u2019s own clause is its subject', () => {
    const text = 'Ward Tour\n\nMayor Ana Ruiz visited every ward, and she has long needled her rivals for \u201cnever leaving downtown.\u201d\n';
    const analysis = analyzeArticle(text);
    assert.deepStrictEqual(quotations(analysis).map(q => [q.speakerMention?.text, q.speaker]), [['she', 'Ana Ruiz']]);
  });

  test('a relative clause after the quotation does not take it from the sentence\u2019s subject', () => {
    const text = 'Budget Fight\n\nAt least six times, Mayor Ana Ruiz cited \u201cdowntown first\u201d policies, which she said had drained the wards.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz']);
  });

  test('an inverted cue right before the quotation names its speaker', () => {
    const text = 'Calendar\n\nThe calendar favours the favourite, explained Tom Park, \u201cwith everything over by March.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Tom Park']);
  });

  test('a place named in two parts is not the speaker; a name given with `called` is no cue', () => {
    const text = [
      'Campaign Trail', '',
      'Speaking at a rally in Salem, Oregon, Tom Park went after the mayor, calling her \u201ca tourist.\u201d', '',
      'Mayor Ana Ruiz, at a meeting in Dayton, Ohio, said \u201cthe pier comes first.\u201d', '',
      '\u201cThey are paying for it,\u201d Lena Ortiz said, citing a group called Pier Watch. \u201cWe know who they are.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Tom Park', 'Mayor Ana Ruiz', 'Lena Ortiz', 'Lena Ortiz']);
  });

  test('a quotation closed with a full stop, then a sentence that is only its attribution', () => {
    const text = 'Pier\n\n\u201cThe pier will be rebuilt by May.\u201d Ruiz said. The crowd cheered.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Ruiz']);
  });

  test('a participle after a relative clause takes the main clause\u2019s subject', () => {
    const text = 'Pier\n\nMayor Ana Ruiz was defensive about a builder who said he was never paid, saying, \u201cThe work was not finished.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz']);
  });

  test('words reported inside a participle\u2019s clause are the sentence subject\u2019s', () => {
    const text = 'Pier\n\nMayor Ana Ruiz mocked the complaint, saying anyone who complains about the pier \u201chas not seen the harbour.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz']);
  });

  test('an office that puts out a statement speaks through it; a time set off by a comma is no subject', () => {
    const text = [
      'Pier', '',
      'The harbour office put out a statement saying the pier is \u201csafe for now.\u201d', '',
      'Mayor Ana Ruiz toured the pier. Hours later, she issued a statement calling it \u201ca disgrace.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['The harbour office', 'she']);
  });

  test('`who` right after quoted words is about them, not their speaker', () => {
    const text = 'Pier\n\nMayor Ana Ruiz has proposed hiring a \u201cpier czar\u201d who reports to the council.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Mayor Ana Ruiz']);
  });

  test('a name signed after a dash speaks the quotation before it', () => {
    const text = 'Readers Write\n\n\u201cThe new bus line changed my commute.\u201d \u2015 Lena Ortiz\n\u201cParking is still a mess.\u201d\u2015 Tom Park, Eastville.\n';
    assertQuotes(analyzeArticle(text), [['The new bus line', 'Lena Ortiz'], ['Parking is still', 'Tom Park']]);
  });

  test('a quantifier that stands for people is a cue\u2019s subject; a noun after it is no cue', () => {
    const text = [
      'Pier Vote', '',
      '\u201cWe will not wait,\u201d the two write. \u201cIt is hard,\u201d the 41-year-old father of three replied.', '',
      '\u201cRebuild it,\u201d one resident said. \u201cTear it down,\u201d shouted another. Others chanted, \u201cSave the pier!\u201d', '',
      'Mayor Ana Ruiz promised \u201cbetter pay\u201d for many state workers \u201cby the spring.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text),
      ['the two', 'the 41-year-old father of three', 'one resident', 'another', 'Others', 'Mayor Ana Ruiz', 'Mayor Ana Ruiz']);
  });

  test('a transcript printed in quotation marks: the label inside the marks speaks the line and the paragraph that carries it on', () => {
    const text = [
      'Pier Debate', '',
      'The mayor and her rival met on the radio. The station\u2019s transcript follows:', '',
      '"HOST: Welcome to both of you.', '',
      '"REED: Thank you. The pier is a relic, and everyone knows it.', '',
      '"RUIZ: It is not a relic. It brings in half of our visitors.', '',
      '"And it will bring in more once it is rebuilt.', '',
      '"REED: Not with that budget.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text),
      ['The station\u2019s transcript', 'REED', 'RUIZ', 'RUIZ', 'REED']);
  });

  test('`per X`, `in his eyes`, `in X\u2019s view`, `in the words of X` name the source when no cue does', () => {
    const text = [
      'Pier Vote', '',
      'The vote is \u201cfinal,\u201d per the council\u2019s rules. The fee is $5 per hour, or \u201ca bargain\u201d in Reed\u2019s view.', '',
      'Tom Park toured it. The pier is \u201cperfectly safe\u201d in his eyes.', '',
      'The pier was, in the words of one engineer, \u201ca wreck.\u201d In his view, Park said, it is \u201cfine.\u201d', '',
      'The beach is, in Travis\u2019 words, \u201cthe best on the coast.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => [q.speakerMention?.text, q.speaker]), [
      ['the council\u2019s rules', 'the council\u2019s rules'], ['Reed', 'Reed'], ['his', 'Tom Park'], ['one engineer', 'one engineer'], ['Park', 'Tom Park'], ['Travis', 'Travis'],
    ]);
  });

  test('words typed are reported words; `types` stays a noun', () => {
    const text = 'Clinic Notes\n\nOn the form, a doctor had typed \u201croutine check.\u201d\n\nThe clinic is \u201ca lifeline\u201d for the Main Street types.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => [q.speakerMention?.text, q.cue?.text]), [['a doctor', 'typed'], ['The clinic', 'is']]);
  });

  test('a participle right after a quotation takes no subject from the words after it', () => {
    const text = 'Pier\n\nThe two engineers argue that \u201cthe pier can be saved,\u201d citing a report from 2010. A nurse said the clinic is \u201cfull.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['The two engineers', 'A nurse']);
  });

  test('a quotation that closes a headline and that nothing else attributes is the headline subject\u2019s', () => {
    const speakerOf = (headline: string) => analyzeArticle(`${headline}\n\nThe tenants marched on Friday.\n`).quotes.map(q => [q.kind, q.speakerMention?.text ?? null]);
    assert.deepStrictEqual(speakerOf('Angry Tenants Rally Downtown To \u2018Save Our Homes.\u2019'), [['headline', 'Angry Tenants']]);
    assert.deepStrictEqual(speakerOf('Harbour board issues \u2018deep regret.\u2019'), [['headline', 'Harbour board']]);
    assert.deepStrictEqual(speakerOf('Tenants Union Shows \u2018Pier Stories\u2019 At Film Festival'), [['other', null]]);
  });

  test('a `what` clause after a preposition, later in the sentence, says nothing of the quotation before it', () => {
    const text = 'Pier\n\nThe mayor has often asked whether the board will be \u201cfair\u201d to her, engaging in what critics described as stalling.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['The mayor']);
  });

  test('a person named by a phrase with a preposition speaks, not the object of the preposition', () => {
    const text = 'Pier\n\nAs one employee told the Coast Herald, \u201cWe are scared.\u201d \u201cWill it open?\u201d a staffer in the room wondered. A source speaking to the Coast Herald said, \u201cSoon.\u201d A spokesman for the board said it was \u201cdone.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), [
      'one employee', 'a staffer in the room', 'A source speaking to the Coast Herald', 'A spokesman for the board',
    ]);
  });

  test('`From the report:` quotes the report; `Outside,` and `It\u2019s` open sentences without being names', () => {
    const text = [
      'Pier Survey', '',
      'From the report: \u201cMost visitors come by bus.\u201d', '',
      'Outside, about 50 tenants gathered, chanting \u201cSave the pier.\u201d', '',
      'The harbour board is on the defensive. It\u2019s denouncing what it calls \u201ca smear.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text ?? null), ['the report', 'about 50 tenants', 'It']);
  });

  test('a plural role that opens its sentence (`Critics`, `Republicans`) is the subject of its cue', () => {
    const text = 'Pier\n\nCritics said the plan was \u201ca gift.\u201d \u201cIt is a waste,\u201d Republicans said. \u201cNo,\u201d a spokesman for council Democrats said.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Critics', 'Republicans', 'a spokesman for council Democrats']);
  });

  test('the `that` clause of a possessed saying is the possessor\u2019s words, unless a cue before gives them to its subject', () => {
    const text = 'Pier\n\nCritics pounced after her remark that \u201cthe pier is a relic.\u201d Park mocked Reed\u2019s claim that \u201cbuses are free.\u201d Ruiz repeated her claim that \u201cthe pier will open.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['her', 'Reed', 'Ruiz']);
  });

  test('`A and B:` before a quotation are its two authors; `More from X:` quotes X', () => {
    const text = 'Pier Survey\n\nThe survey is out. - Ana Ruiz and Tom Park: \u201cMost visitors come by bus.\u201d\n\nMore from Ruiz: \u201cThe pier is busy.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Ana Ruiz and Tom Park', 'Ruiz']);
  });

  test('the agent of a passive cue of saying or naming is the source: `seen by critics as "..."`', () => {
    const text = 'Pier\n\nThe plan is seen by critics as \u201ca gift to developers.\u201d \u201cHarbour Lights\u201d was written by Lena Ortiz after the storm. The inquiry, labeled as a \u201cwitch hunt\u201d by the mayor\u2019s allies, goes on.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['critics', 'Lena Ortiz', 'the mayor\u2019s allies']);
  });

  test('`can be heard asking` sits between a subject and its cue', () => {
    const text = 'Pier\n\n\u201cWill it open?\u201d a reporter can be heard asking in the video.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['a reporter']);
  });

  test('a full date set off by commas before the subject: `On July 6, 2015, Ruiz ...`', () => {
    const text = 'Pier\n\nOn July 6, 2015, Ruiz made the following promise: \u201cThe pier will open.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['Ruiz']);
  });

  test('a quotation after the sentence of a relative `who` is the person\u2019s, not the `who`', () => {
    const text = 'Pier\n\n\u201cThe pier is safe,\u201d said one harbour worker, who said he was never consulted. \u201cNobody asked us.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['one harbour worker', 'one harbour worker']);
  });

  test('two roles joined by `and`, a bare plural of people and `those surveyed` are a cue\u2019s subject', () => {
    const text = [
      'Pier', '',
      'The former mayor and current harbour commissioner said the pier was \u201cbeyond repair.\u201d', '',
      'It was a loud day, with many sailors and dockworkers chanting \u201cSave the pier.\u201d', '',
      'The plan is what former employees have called \u201ca shell game.\u201d', '',
      'While those surveyed said the pier was \u201cworth saving,\u201d few would pay for it.', '',
      'He \u201ccannot walk the pier\u201d without reporters asking him questions.',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text ?? null), [
      'The former mayor and current harbour commissioner', 'many sailors and dockworkers', 'employees', 'those surveyed', null,
    ]);
  });

  test('a number, perhaps rounded, opens a description: `about 200 dockworkers ... chanting`', () => {
    const text = 'Pier\n\nOutside the hall, about 200 dockworkers gathered in the rain, holding signs and chanting \u201cSave the pier.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['about 200 dockworkers']);
  });

  test('a participle after a subordinate clause is that clause\u2019s subject\u2019s; `as` before a bare noun opens no clause', () => {
    const text = [
      'Pier', '',
      '\u201cWho fixes this?\u201d the mayor asks as a harbour worker walks past, saying the pier is \u201ca death trap.\u201d', '',
      'The mayor spoke near the pier, where about 50 tenants had gathered on Monday, chanting \u201cSave the pier.\u201d', '',
      'Ruiz sees the pier as a ladder to the middle class, noting that it is \u201cthe only way.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['the mayor', 'a harbour worker', 'about 50 tenants', 'Ruiz']);
  });

  test('`so called` names no speaker; the agent after `by` does', () => {
    const text = 'Pier\n\nThe so called \u201cPier Plan\u201d was called by the council to end the strike.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['the council']);
  });

  test('a participle between two quotations of one sentence is the second\u2019s cue, and its object no inverted subject', () => {
    const text = [
      'Pier', '',
      'The two engineers argue that \u201cthe pier can be saved,\u201d citing a report in which the council was accused of \u201cgross neglect.\u201d', '',
      'Mayor Ana Ruiz has defended \u201charbour values,\u201d saying the town embodied \u201cgrit and heart.\u201d',
    ].join('\n');
    const found = quotations(analyzeArticle(text));
    assert.deepStrictEqual(found.map(q => q.speakerMention?.text), ['The two engineers', 'The two engineers', 'Mayor Ana Ruiz', 'Mayor Ana Ruiz']);
    assert.deepStrictEqual([found[1].cue?.text, found[3].cue?.text], ['citing', 'saying']);
  });

  test('mid-sentence, a capitalised word between a quotation and its cue is a surname: `"...," From said`', () => {
    const text = 'Pier\n\n\u201cWe lost the middle,\u201d From said. \u201cThen we lost the rest.\u201d\n\n\u201cWe will rebuild,\u201d May said, and \u201cthat is final,\u201d Others said.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['From', 'From', 'May', 'Others']);
  });

  test('`cut in` and `grousing` are cues of saying', () => {
    const text = 'Pier\n\n\u201cTell her,\u201d Ruiz said, and her husband cut in. \u201cDo not forget the pier.\u201d\n\nSome sailors could be heard grousing that the \u201cnew\u201d pier was smaller.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => [q.speakerMention?.text, q.cue?.text]), [
      ['Ruiz', 'said'], ['her husband', 'cut in'], ['Some sailors', 'grousing'],
    ]);
  });

  test('a cue right after another cue leaves the subject to the first: `which Ruiz claims affirmed "..."`', () => {
    const text = 'Pier\n\nHe praised the speech, which Ruiz claims affirmed \u201cthe harbour spirit.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => [q.speakerMention?.text, q.cue?.text]), [['Ruiz', 'claims']]);
  });

  test('words reported after `the source recalled, adding that X said` are the source\u2019s', () => {
    const text = 'Pier\n\nRuiz called the plan \u201ca mess,\u201d the source recalled, adding that Ruiz said of the pier: \u201cIt will stand.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['the source', 'the source']);
  });

  test('a document sent to people `saying "..."` speaks for its sender, not for the people', () => {
    const text = 'Pier\n\nBefore the vote, the harbour office sent out a text message to residents saying: \u201cThe pier is closed.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['the harbour office']);
  });

  test('an account and a headline speak: `her Twitter account posted:`, `the front-page headline reads:`', () => {
    const text = 'Pier\n\nThe next day, her Twitter account posted: \u201cShop the look.\u201d\n\nThe gloomy, front-page headline reads: \u201cPier closed.\u201d\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['her Twitter account', 'headline']);
  });

  test('shares of people are subjects: `49% say`, `Just shy of half, 49%, say`, `half of voters in each ward say`', () => {
    const text = [
      'Pier Poll', '',
      '49% say the pier is \u201cworth saving.\u201d', '',
      'Just shy of half, 48%, say the ferry is \u201ctoo slow.\u201d', '',
      'At least half of voters in each ward say the budget is \u201cabout right.\u201d',
    ].join('\n');
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['49%', '48%', 'voters']);
  });

  test('a quotation right after the cue of an opening `When` clause is that clause\u2019s, not the next cue\u2019s', () => {
    const text = 'Pier\n\nWhen someone in the crowd shouted, \u201cRebuild it,\u201d Ruiz joked, \u201cWe will, with your money.\u201d After Park left, she said, \u201cHe will be back,\u201d Ruiz told reporters.\n';
    assert.deepStrictEqual(quotations(analyzeArticle(text)).map(q => q.speakerMention?.text), ['someone in the crowd', 'Ruiz', 'Ruiz']);
  });
});

suite('Analysis: priming for a batch of articles', () => {
  const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', '100_dc533f7c6c9ce438.txt'), 'utf8');

  test('priming changes nothing an analysis finds', () => {
    const before = analyzeArticle(sample);
    primeAnalysis();
    assert.deepStrictEqual(analyzeArticle(sample), before);
  });

  test('the primer article still takes the rare paths it is there for', () => {
    const { quotes } = analyzeArticle(PRIMER_ARTICLE);
    const speakerOf = (words: string) => quotes.find(q => q.text === words)?.speaker;
    assert.strictEqual(speakerOf('OKAFOR: We are ready.'), 'Helen Okafor', 'a transcript label inside the marks');
    assert.strictEqual(speakerOf('The budget is a fiction.'), 'Ana Ruiz', 'a sign-off on the line below');
    assert.strictEqual(speakerOf('cannot stand.'), 'Ada Brook', '`per X`');
    assert.strictEqual(speakerOf('a waste.'), '49%', 'a share of those asked');
    assert.notStrictEqual(speakerOf('We do not.') ?? null, null, 'a transcript turn label');
    assert.ok(quotes.some(q => q.text === 'Linked words,'), 'a quotation inside markup');
  });
});
