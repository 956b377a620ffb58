import * as assert from 'assert';
import { semanticTokensFor, tokenModifiers, tokenTypes, type SemanticToken } from '../../src/core/semanticTokens';
import type { ArticleAnalysis, Quote, SpeakerRecord } from '../../src/core/types';

/** Invented article text; offsets found by searching it so the test reads like the article. */
function span(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `"${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

function quote(text: string, quoted: string, extra: Partial<Quote> = {}): Quote {
  const s = span(text, quoted);
  return {
    start: s.start, end: s.end, text: quoted.slice(1, -1), kind: 'direct', speaker: null,
    speakerMention: null, cue: null, confidence: 0.9, evidence: 'none', paragraph: 0, ...extra,
  };
}

function analysis(quotes: Quote[], speakers: SpeakerRecord[] = []): ArticleAnalysis {
  return { headline: null, paragraphs: [], boilerplate: [], quotes, speakers };
}

/** Decodes tokens back to `type[.modifier...]:covered text` as a reader of the editor sees them. */
function decode(text: string, tokens: SemanticToken[]): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  return tokens.map(t => {
    const mods = tokenModifiers.filter((_, i) => t.modifiers & (1 << i));
    return [tokenTypes[t.type], ...mods].join('.') + ':' + lines[t.line].slice(t.character, t.character + t.length);
  });
}

suite('semantic tokens', () => {
  const text = [
    'Mayor Ada Brook said the bridge was "sound." Brook added: "We will reopen it."',
    '',
    '"Nobody told us," a resident said, while Brook stayed silent.',
  ].join('\n');
  const brook: SpeakerRecord = { name: 'Ada Brook', aliases: ['Brook'], titles: ['Mayor'] };

  test('quotations, speaker mentions and cue verbs, with unattributed quotes marked', () => {
    const q1 = quote(text, '"sound."', { kind: 'partial', speaker: 'Ada Brook', speakerMention: span(text, 'Ada Brook'), cue: span(text, 'said'), evidence: 'explicit' });
    const q2 = quote(text, '"We will reopen it."', { speaker: 'Ada Brook', speakerMention: span(text, 'Brook', 40), cue: span(text, 'added'), evidence: 'explicit' });
    const q3 = quote(text, '"Nobody told us,"', { cue: span(text, 'said', 70) });
    assert.deepStrictEqual(decode(text, semanticTokensFor(text, analysis([q1, q2, q3], [brook]))), [
      'speaker:Ada Brook', 'cueVerb:said', 'quotation:"sound."',
      'speaker:Brook', 'cueVerb:added', 'quotation:"We will reopen it."',
      'quotation.unattributed:"Nobody told us,"', 'cueVerb:said', 'speaker:Brook',
    ]);
  });

  test('hand corrections and cross-source matches show as modifiers', () => {
    const q = quote(text, '"We will reopen it."', { speaker: 'Ada Brook', speakerMention: span(text, 'Brook', 40), evidence: 'manual' });
    const tokens = semanticTokensFor(text, analysis([q]), { isCrossSourced: candidate => candidate === q });
    assert.deepStrictEqual(decode(text, tokens), ['speaker.corrected:Brook', 'quotation.corrected.crossSourced:"We will reopen it."']);
  });

  test('a quotation marked by hand counts as corrected even without a speaker', () => {
    const q = quote(text, '"sound."');
    const tokens = semanticTokensFor(text, analysis([q]), { isCorrected: candidate => candidate === q });
    assert.deepStrictEqual(decode(text, tokens), ['quotation.unattributed.corrected:"sound."']);
  });

  test('a name inside a quotation stays part of the quotation', () => {
    const inner = 'He said "Brook knows." Brook nodded.';
    const q = quote(inner, '"Brook knows."', { speaker: 'Ada Brook', evidence: 'pronoun', speakerMention: span(inner, 'He') });
    assert.deepStrictEqual(decode(inner, semanticTokensFor(inner, analysis([q], [brook]))), ['speaker:He', 'quotation:"Brook knows."', 'speaker:Brook']);
  });

  test('a name is matched as a whole word only, the longest form first', () => {
    const t = 'Ada Brook, Brookside and Brook\u2019s office.';
    assert.deepStrictEqual(decode(t, semanticTokensFor(t, analysis([], [brook]))), ['speaker:Ada Brook', 'speaker:Brook']);
  });

  test('a quotation over a CRLF line break is split into one token per line', () => {
    const t = 'Intro\r\n"First line\r\nsecond line" she said.';
    const q = quote(t, '"First line\r\nsecond line"');
    const tokens = semanticTokensFor(t, analysis([q]));
    assert.deepStrictEqual(tokens.map(x => [x.line, x.character, x.length]), [[1, 0, 11], [2, 0, 12]]);
    assert.deepStrictEqual(decode(t, tokens), ['quotation.unattributed:"First line', 'quotation.unattributed:second line"']);
  });

  test('an empty article has no tokens', () => {
    assert.deepStrictEqual(semanticTokensFor('', analysis([])), []);
  });
});
