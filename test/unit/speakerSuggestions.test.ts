import * as assert from 'assert';
import { suggestSpeakers } from '../../src/core/speakerSuggestions';
import type { ArticleAnalysis, Quote } from '../../src/core/types';

function quote(start: number, end: number, speaker: string | null): Quote {
  return { start, end, text: '', kind: 'direct', speaker, speakerMention: null, cue: null, confidence: 0.9, evidence: speaker ? 'explicit' : 'none', paragraph: 0 };
}

suite('speaker suggestions', () => {
  const analysis: ArticleAnalysis = {
    headline: null, paragraphs: [], boilerplate: [],
    quotes: [quote(0, 10, 'Ada Brook'), quote(100, 120, 'Tomas Vance'), quote(200, 230, null), quote(400, 420, 'Ada Brook')],
    speakers: [{ name: 'Ada Brook', aliases: [], titles: [] }, { name: 'Tomas Vance', aliases: [], titles: [] }, { name: 'Lena Ortiz', aliases: [], titles: [] }],
  };

  test("the article's speakers nearest the quotation first, then the article's silent speakers, then the workspace", () => {
    assert.deepStrictEqual(suggestSpeakers(analysis, { start: 200, end: 230 }, ['Zed Quill', 'Ada Brook', 'Bo Chen']),
      ['Tomas Vance', 'Ada Brook', 'Lena Ortiz', 'Bo Chen', 'Zed Quill']);
  });

  test('the quotation itself does not count: its current speaker is suggested only from elsewhere', () => {
    assert.deepStrictEqual(suggestSpeakers(analysis, { start: 100, end: 120 }).slice(0, 1), ['Ada Brook']);
  });
});
