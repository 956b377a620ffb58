import * as assert from 'assert';
import { summarizeArticle } from '../../src/core/articleSummary';
import type { Quote } from '../../src/core/types';

function quote(start: number, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return { start, end: start + 5, text: 'words', kind, speaker, speakerMention: null, cue: null, confidence: 0.9, evidence: speaker ? 'explicit' : 'none', paragraph: 0 };
}

suite('article summary', () => {
  test('counts quotations (not scare quotes), distinct speakers and quotations carried elsewhere', () => {
    const quotes = [quote(0, 'Ada Brook'), quote(10, 'Ada Brook', 'partial'), quote(20, 'Tomas Vance'), quote(30, null), quote(40, null, 'other')];
    const summary = summarizeArticle({ headline: null, paragraphs: [], boilerplate: [], speakers: [], quotes }, q => q.start === 10 || q.start === 40);
    assert.deepStrictEqual(summary, { quotations: 4, speakers: 2, crossSourced: 1 });
  });
});
