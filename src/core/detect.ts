/**
 * Telling news articles apart from other plain-text files by their content (a headline line and
 * attributed quotations), for `.txt` files that no name pattern claims.
 */
import { CUE_VERBS, inflect, SOURCE_AFTER_PHRASES } from './analysis/cueVerbs';
import { scanQuotes } from './analysis/quoteScanner';
import { articleStructure } from './analysis/structure';
import { isSentenceEnd, tokenize, type Token } from './analysis/tokens';

/** What the content of a file says about it being a news article. */
export interface NewsEvidence {
  /** The first line (after any web boilerplate) reads as a headline. */
  readonly headline: boolean;
  /** Quotations of two words or more with a cue verb beside them (`"...," she said`). */
  readonly attributedQuotations: number;
  /** Paragraphs of prose (eight words or more). */
  readonly proseParagraphs: number;
  readonly looksLikeNews: boolean;
}

/** Articles are short; a long file is judged by its opening, which keeps detection cheap. */
export const DETECTION_SAMPLE_CHARS = 20_000;
/** Words between a quotation and the cue after it: `"...," the city's chief engineer said`. */
const CUE_REACH_AFTER = 6;
/** Words between a cue and the quotation after it: `X told a French TV network that "..."`. */
const CUE_REACH_BEFORE = 7;
const MIN_PROSE_WORDS = 8;
const MIN_QUOTED_WORDS = 2;
/** This many attributed quotations make a text news however long it is. */
const CONVINCING_QUOTATIONS = 3;
/**
 * Fewer must come in one paragraph in ten or more: news quotes someone in a good share of its
 * paragraphs, while manuals and release notes that happen to hold a `"...," he said` do so once
 * in many.
 */
const MIN_ATTRIBUTED_SHARE = 0.1;

/**
 * Attributions as news writes them: the past tense of a cue verb (`said`, `told`, `pointed out`),
 * `says`, `adding`, `saying` and `according to`. Other forms are mostly nouns or commands in
 * manuals and release notes (`report`, `the state "..."`, `notes`), and verbs that name things
 * (`is called "..."`, `described as "..."`) introduce terms as often as speech: a false yes would
 * switch a file that is not news.
 */
const NAMING_VERBS = new Set(['call', 'describe']);
const ATTRIBUTING_FORMS: ReadonlySet<string> = new Set([
  ...CUE_VERBS.filter(verb => !NAMING_VERBS.has(verb)).map(verb => {
    const [head, ...rest] = verb.split(' ');
    return [inflect(head)[1], ...rest].join(' ');
  }),
  'says', 'saying', 'adding', ...SOURCE_AFTER_PHRASES,
]);

/** Characters that mark quoted code, commands or markup rather than speech. */
const NOT_PROSE = /[=<>{}\\$#@*_|~^`/]|--|^-/;
function wordsOf(text: string): Token[] {
  return tokenize(text).filter(t => t.isWord);
}

/** The words of `text` up to its first sentence end. */
function wordsOfFirstSentence(text: string): Token[] {
  const tokens = tokenize(text);
  const end = tokens.findIndex((_, i) => isSentenceEnd(tokens, i));
  return (end < 0 ? tokens : tokens.slice(0, end)).filter(t => t.isWord);
}

/**
 * Whether a cue attributes a quotation that follows `text`: within a few words before it in its
 * sentence (`X told a French TV network that "..."`), or, when the quotation opens a sentence,
 * anywhere in the sentence before (`X said the offer was final. "..."`).
 */
function cueBefore(text: string): boolean {
  const tokens = tokenize(text);
  const ends = tokens.flatMap((_, i) => (isSentenceEnd(tokens, i) ? [i] : []));
  const lastEnd = ends.length > 0 ? ends[ends.length - 1] : -1;
  const sameSentence = tokens.slice(lastEnd + 1).filter(t => t.isWord);
  if (sameSentence.length > 0) return hasCue(sameSentence.slice(-CUE_REACH_BEFORE));
  const previousStart = ends.length > 1 ? ends[ends.length - 2] + 1 : 0;
  return lastEnd >= 0 && hasCue(tokens.slice(previousStart, lastEnd).filter(t => t.isWord));
}

/** True when an attributing form (one word or two) is among `words`. */
function hasCue(words: readonly Token[]): boolean {
  return words.some((word, i) => ATTRIBUTING_FORMS.has(word.lower) || (i > 0 && ATTRIBUTING_FORMS.has(`${words[i - 1].lower} ${word.lower}`)));
}

/** Speech has lower-case words and no code: `"Derivative Works"` and `"git add -u"` are not speech. */
function readsAsSpeech(inner: string): boolean {
  const words = wordsOf(inner);
  return words.length >= MIN_QUOTED_WORDS && words.some(w => !w.capitalized) && !NOT_PROSE.test(inner);
}

/**
 * Quotations in `paragraph` attributed as news attributes them: `"...," X said` (the quotation
 * ends with punctuation and a cue follows within a few words), or a cue before it (`cueBefore`).
 */
function attributedQuotationsIn(paragraph: string): number {
  const quotes = scanQuotes(paragraph, false);
  let attributed = 0;
  quotes.forEach((quote, i) => {
    const inner = paragraph.slice(quote.innerStart, quote.innerEnd).trim();
    if (!readsAsSpeech(inner)) return;
    const before = paragraph.slice(i > 0 ? quotes[i - 1].end : 0, quote.start);
    const after = wordsOfFirstSentence(paragraph.slice(quote.end, i + 1 < quotes.length ? quotes[i + 1].start : paragraph.length)).slice(0, CUE_REACH_AFTER);
    if (cueBefore(before) || (/[,.!?\u2014\u2013-]$/.test(inner) && hasCue(after))) attributed++;
  });
  return attributed;
}

/**
 * Whether `text` reads as a news article: prose paragraphs with three attributed quotations, or
 * with fewer (one after a headline, two without) in a fair share of its paragraphs. Fiction with dialogue can pass too; the `newsAnnotator.detectByContent`
 * setting lets users choose to be asked first.
 */
export function detectNewsArticle(text: string): NewsEvidence {
  const sample = text.length > DETECTION_SAMPLE_CHARS ? text.slice(0, DETECTION_SAMPLE_CHARS) : text;
  const structure = articleStructure(sample);
  let attributedQuotations = 0;
  let proseParagraphs = 0;
  for (const paragraph of structure.paragraphs) {
    if (paragraph === structure.headline) continue;
    if (wordsOf(paragraph.text).length >= MIN_PROSE_WORDS) proseParagraphs++;
    attributedQuotations += attributedQuotationsIn(paragraph.text);
  }
  const headline = structure.headline !== null;
  const looksLikeNews = proseParagraphs >= 2 && (attributedQuotations >= CONVINCING_QUOTATIONS
    || (attributedQuotations >= (headline ? 1 : 2) && attributedQuotations / proseParagraphs >= MIN_ATTRIBUTED_SHARE));
  return { headline, attributedQuotations, proseParagraphs, looksLikeNews };
}
