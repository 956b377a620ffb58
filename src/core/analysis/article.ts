/**
 * Puts the pieces together for one article: structure, quotations per paragraph, attribution,
 * speaker resolution, then the fall-backs (a quotation that runs on, a paragraph that only quotes).
 */
import type { AnalysisOptions, ArticleAnalysis, ArticleStructure, EvidenceKind, Quote, QuoteKind, Span } from '../types';
import { type Attribution, attributeHeadline, attributeInParagraph, attributeIntro, attributeToPossessor, attributeToSentenceSubject, CueMatcher, headlineSubject, isQuotedModifier, lastReportedSpeaker, lastSentenceSubject, type QuoteSlot, sentenceHasCue, signature, turnLabel } from './attribution';
import { cueForms } from './cueVerbs';
import { FIRST_NAME_GENDER, PERSON_NOUNS } from './lexicon';
import { isParticiple, type Mention, nameStartingAt, shortenedTo } from './mentions';
import { opensWithQuote, scanQuotes, type ScannedQuote } from './quoteScanner';
import { type Person, SpeakerRegistry } from './speakers';
import { articleStructure } from './structure';
import { isSpaceChar, isUpperChar, isWordChar } from './chars';
import { firstIndexAtOrAfter, isSentenceEnd, sentenceStop, type Token, tokenize } from './tokens';

const matchers = new Map<string, CueMatcher>();

function cueMatcher(options: AnalysisOptions | undefined): CueMatcher {
  const extra = options?.extraCueVerbs ?? [];
  const key = extra.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new CueMatcher(cueForms(extra));
    if (matchers.size > 16) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/**
 * An attribution with the person it names, as the quotations of a paragraph carry it. Written whole
 * wherever one is made, never spread, so that all have one shape.
 */
interface Resolved {
  readonly attribution: Attribution;
  readonly person: Person | null;
  readonly evidence: EvidenceKind;
  readonly confidence: number;
}

const RULE_CONFIDENCE: Readonly<Record<Attribution['rule'], number>> = {
  after: 0.95, inverted: 0.95, according: 0.9, before: 0.9, intro: 0.85, headline: 0.8, colon: 0.8, sentence: 0.75, subject: 0.6, possessor: 0.5, signature: 0.8,
};

/**
 * Tokens of a paragraph outside its quotations. A quotation that ends its own sentence with a full
 * stop (`"... holds." Park added`) leaves one behind, of no width, so that sentences still end there.
 */
function tokensOutside(text: string, paragraph: Span, quotes: readonly { absStart: number; absEnd: number }[]): Token[] {
  const tokens: Token[] = [];
  let from = paragraph.start;
  for (const q of quotes) {
    tokens.push(...tokenize(text, from, q.absStart));
    // Only a full stop: `"Why now?" Kerry asked` goes on to its attribution.
    const stop = /\.["'”’»]?$/.exec(text.slice(Math.max(q.absStart, q.absEnd - 2), q.absEnd));
    if (stop) tokens.push(sentenceStop(q.absEnd));
    from = q.absEnd;
  }
  tokens.push(...tokenize(text, from, paragraph.end));
  return tokens;
}

/**
 * Where a capital may stand: the regular expression skips ASCII lower case faster than a loop;
 * `isUpperChar` decides. Searched with `test`, which unlike `exec` makes no match object per capital.
 */
const CAPITAL = /[A-Z\u00C0-\uFFFF]/g;

const NAME_CONNECTOR = /^(of|de|van|von|bin|al|la|du|da|der|le|del|el|ibn|abu|di)$/;

/**
 * End of the run of capitalised words starting at `start` (`Secretary of State John Kerry`). Runs
 * are found by hand: they are the only places a name can be, and scanning for them this way costs
 * far less than tokenising every paragraph.
 */
function capitalisedRunEnd(text: string, start: number, limit: number): number {
  let end = wordEnd(text, start, limit);
  for (;;) {
    let next = end;
    while (next < limit && isSpaceChar(text.charCodeAt(next))) next++;
    if (next === end || next >= limit) return end;
    if (!isUpperChar(text.charCodeAt(next))) {
      const connectorEnd = wordEnd(text, next, limit);
      if (!NAME_CONNECTOR.test(text.slice(next, connectorEnd))) return end;
      let after = connectorEnd;
      while (after < limit && isSpaceChar(text.charCodeAt(after))) after++;
      if (after === connectorEnd || after >= limit || !isUpperChar(text.charCodeAt(after))) return end;
      next = after;
    }
    end = wordEnd(text, next, limit);
  }
}

function wordEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (isWordChar(code) || code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d) i++;
    else break;
  }
  return i;
}

/** True when `start` opens a sentence: the paragraph's start, or after `.`, `?` or `!` (and a closing mark). */
function opensSentence(text: string, paragraphStart: number, start: number): boolean {
  let i = start - 1;
  while (i >= paragraphStart && isSpaceChar(text.charCodeAt(i))) i--;
  if (i < paragraphStart) return true;
  let ch = text[i];
  if (ch === '"' || ch === '“' || ch === '”' || ch === '’' || ch === ')') {
    if (i === paragraphStart) return true;
    ch = text[i - 1];
  }
  return (ch === '.' || ch === '?' || ch === '!') && i < start - 1;
}

/**
 * A capitalised run read as a name: where the name starts within it, the name, its first word and
 * number of words, and its titles. (Not the array of words: `split` answers a repeated call from a
 * cache, with an array of another hidden class, and code compiled for one is thrown away on the other.)
 */
type ParsedRun = { readonly offset: number; readonly name: string; readonly firstWord: string; readonly wordCount: number; readonly titles: readonly string[] } | null;

function parseRun(run: string): ParsedRun {
  const tokens = tokenize(run);
  const mention = nameStartingAt(run, tokens, 0, tokens.length);
  if (!mention) return null;
  const { name } = mention;
  const firstSpace = name.indexOf(' ');
  let wordCount = 1;
  for (let space = firstSpace; space >= 0; space = name.indexOf(' ', space + 1)) wordCount++;
  return { offset: mention.start, name, firstWord: firstSpace < 0 ? name : name.slice(0, firstSpace), wordCount, titles: mention.titles };
}

/** A name is a subject when it opens its sentence or its cue verb follows (`..., Kerry said`). */
function isSubject(text: string, paragraph: Span, start: number, end: number, cues: CueMatcher): boolean {
  if (opensSentence(text, paragraph.start, start)) return true;
  const next = /^\s+(?:(?:also|has|had|later|then|again)\s+)?([a-z]+)/.exec(text.slice(end, Math.min(paragraph.end, end + 24)));
  return next !== null && cues.isCueWord(next[1]);
}

const INDEFINITE_PERSON = new RegExp(`\\b[Aa]n? (?:[A-Za-z.-]+ ){0,3}?(?:${PERSON_NOUNS.join('|')})\\b`, 'g');

/** Names of people in a paragraph's own words: `UK Foreign Secretary Philip Hammond`, `Kerry met`. */
function registerNames(
  text: string, paragraph: Span, quotes: readonly { absStart: number; absEnd: number }[], index: number,
  registry: SpeakerRegistry, parsed: Map<string, ParsedRun>, cues: CueMatcher,
): void {
  // Searched within the paragraph's own string: a search over `text` would run on to its end.
  INDEFINITE_PERSON.lastIndex = 0;
  // Matches come in text order, so one pointer walks the quotations (a search per match is quadratic).
  let quote = 0;
  for (let m = INDEFINITE_PERSON.exec(paragraph.text); m; m = INDEFINITE_PERSON.exec(paragraph.text)) {
    const at = paragraph.start + m.index;
    while (quote < quotes.length && quotes[quote].absEnd <= at) quote++;
    if (quote >= quotes.length || at < quotes[quote].absStart) registry.addUnnamed(m[0], at, index);
  }
  quote = 0;
  CAPITAL.lastIndex = 0;
  while (CAPITAL.test(paragraph.text)) {
    const start = paragraph.start + CAPITAL.lastIndex - 1;
    if (!isUpperChar(text.charCodeAt(start)) || (start > paragraph.start && isWordChar(text.charCodeAt(start - 1)))) continue;
    while (quote < quotes.length && quotes[quote].absEnd <= start) quote++;
    if (quote < quotes.length && start >= quotes[quote].absStart) { CAPITAL.lastIndex = quotes[quote].absEnd - paragraph.start; continue; }
    const end = capitalisedRunEnd(text, start, quote < quotes.length ? Math.min(quotes[quote].absStart, paragraph.end) : paragraph.end);
    CAPITAL.lastIndex = end - paragraph.start;
    const run = text.slice(start, end);
    if (!run.includes(' ')) {
      const known = registry.knownSurname(run.endsWith('.') ? run.slice(0, -1) : run);
      if (known) registry.noteMention(known, start, index, isSubject(text, paragraph, start, end, cues));
      continue;
    }
    // Articles repeat their names: each distinct run is read once.
    let name = parsed.get(run);
    if (name === undefined) {
      name = parseRun(run);
      parsed.set(run, name);
    }
    if (!name) continue;
    const { firstWord, wordCount } = name;
    const known = wordCount === 1 ? registry.knownSurname(firstWord) : undefined;
    if (known) {
      registry.noteMention(known, start + name.offset, index, isSubject(text, paragraph, start, end, cues));
    } else if (wordCount >= 2 && wordCount <= 4 && (name.titles.length > 0 || FIRST_NAME_GENDER.has(firstWord.toLowerCase()))) {
      registry.addName(name.name, name.titles, start + name.offset, index, isSubject(text, paragraph, start, end, cues));
    }
  }
}

function resolve(attribution: Attribution, paragraph: number, registry: SpeakerRegistry): Resolved {
  const { mention, rule } = attribution;
  const base = RULE_CONFIDENCE[rule];
  if (mention.kind === 'name') {
    const person = registry.addName(mention.name, mention.titles, mention.start, paragraph, true);
    return { attribution, person, evidence: rule === 'headline' ? 'headline' : 'explicit', confidence: base };
  }
  if (mention.kind === 'pronoun') {
    const person = registry.resolvePronoun(mention.name, mention.start, paragraph);
    return { attribution, person, evidence: 'pronoun', confidence: base * (person ? 0.9 : 0.6) };
  }
  const person = registry.resolveDescription(mention, mention.start, paragraph);
  return { attribution, person, evidence: 'description', confidence: base * (person.unnamed ? 0.8 : 0.85) };
}

/** `"...," saying the city is "..."`: a participle of saying right after the quotation before is this one's cue. */
function withParticiple(tokens: readonly Token[], at: number, before: number, cues: CueMatcher, from: Resolved): Resolved {
  const t = tokens[at];
  const length = at < before && isParticiple(t) ? cues.cueLength(tokens, at) : 0;
  if (length === 0) return from;
  const { mention, rule } = from.attribution;
  return { attribution: { mention, cue: { start: t.start, end: tokens[at + length - 1].end }, rule }, person: from.person, evidence: from.evidence, confidence: from.confidence };
}

function continuation(from: Resolved, factor: number): Resolved {
  return { attribution: from.attribution, person: from.person, evidence: 'continuation', confidence: Math.round(from.confidence * factor * 100) / 100 };
}

const span = (text: string, s: { start: number; end: number }): Span => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

/** `(CROSSTALK)`, `[LAUGHTER]`: a transcript's stage direction, quoted along with its lines, is nobody's words. */
const STAGE_DIRECTION = /^\s*[([][^()[\]]*[)\]][\s.,]*$/;

/** Only closing punctuation between a quotation and the end of its paragraph. */
const NOTHING_AFTER = /^[\s.,;:!?…]*$/;

/** Words that open an utterance: a capital, a digit, a bracket or an ellipsis, after any marks. */
const OPENS_UTTERANCE = /^[\s…."'“]*(\.\.\.|[\p{Lu}\d[(])/u;

/**
 * `other` is kept for quoted words nobody is said to have spoken: unattributed headline quotes
 * other than the one that closes the headline, stage directions, a few quoted words that modify the
 * noun after them (`a "steering group" meeting`) and single quoted words, either with no cue in
 * their sentence. Anything longer stays a quotation, if an unattributed one: on PolNeAR, quoted
 * titles and phrases inside reported speech are annotated as quotations.
 */
function kindOf(text: string, q: ScannedQuote & { absStart: number }, inHeadline: boolean, attributed: boolean, cueNearby: boolean, modifier: boolean, closesHeadline: boolean): QuoteKind {
  const inner = text.slice(q.absStart + (q.innerStart - q.start), q.absStart + (q.innerEnd - q.start));
  if (STAGE_DIRECTION.test(inner)) return 'other';
  // A quote that closes a headline is its point (`Senator Calls Plan A ‘Costly Mistake.’`); titles
  // and names sit inside it (`‘Star Tracks’ Actor Joins Cast`).
  if (inHeadline) return attributed || closesHeadline ? 'headline' : 'other';
  const before = text.slice(Math.max(0, q.absStart - 3), q.absStart);
  const opensUtterance = OPENS_UTTERANCE.test(inner) || /(^|[:,—\n]\s*)$/.test(before);
  if (attributed) return opensUtterance ? 'direct' : 'partial';
  if (modifier && !cueNearby) return 'other';
  const wordCount = inner.split(/\s+/).filter(Boolean).length;
  if (wordCount >= 2) return opensUtterance ? 'direct' : 'partial';
  return cueNearby ? 'partial' : 'other';
}

/** `Kerry: '...'` when the article knows a Kerry, or the name reads as a person's (`Pat Caddell:`), not `Bridge Reopens:`. */
function headlineSpeaker(text: string, tokens: readonly Token[], quoteStart: number, registry: SpeakerRegistry): Attribution | null {
  const attribution = attributeHeadline(text, tokens, quoteStart);
  if (!attribution) return null;
  const { name, titles } = attribution.mention;
  const words = name.split(' ');
  const person = registry.knownSurname(words[words.length - 1]) || titles.length > 0 || FIRST_NAME_GENDER.has(words[0].toLowerCase());
  if (person) return attribution;
  // `Trump Addresses Munich Attack: '...'`: a known person's name opening the headline.
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    if (!registry.knownSurname(words[n - 1])) continue;
    const end = attribution.mention.start + words.slice(0, n).join(' ').length;
    const { mention, cue, rule } = attribution;
    return { mention: shortenedTo(text, mention, end), cue, rule };
  }
  return null;
}

/** A transcript turn's label (`PENCE:`, `Chris Matthews:`) when it reads as a person's: in capitals, two words or more, or a name the article knows. */
function speakerLabel(text: string, tokens: readonly Token[], registry: SpeakerRegistry): Attribution | null {
  const label = turnLabel(text, tokens);
  if (!label) return null;
  const { name } = label.mention;
  return /^[A-Z][A-Z .'’-]+$/.test(name) || name.includes(' ') || registry.knownSurname(name) ? label : null;
}

/** How far into a quotation a transcript turn's label may end (`"Chris Matthews:` and a space). */
const INNER_LABEL_REACH = 40;

/**
 * `"PENCE: Well, look, ...`: a transcript printed line by line inside quotation marks opens each
 * line with its speaker's label, inside the marks. The label speaks the line, and a line that goes
 * on into the next paragraph.
 */
function innerSpeakerLabel(text: string, innerStart: number, innerEnd: number, registry: SpeakerRegistry): Attribution | null {
  if (!isUpperChar(text.charCodeAt(innerStart))) return null;
  const limit = Math.min(innerEnd, innerStart + INNER_LABEL_REACH);
  let colon = innerStart;
  while (colon < limit && text.charCodeAt(colon) !== 0x3a) colon++;
  if (colon >= limit) return null;
  return speakerLabel(text, tokenize(text, innerStart, colon + 1), registry);
}

/** True when quotation `k` and quotation `k + 1` lie in one sentence. */
function sameSentence(text: string, tokens: readonly Token[], slots: readonly QuoteSlot[], k: number): boolean {
  for (let i = slots[k].after; i < slots[k + 1].first; i++) if (isSentenceEnd(tokens, i)) return false;
  const inner = text.slice(slots[k].start, slots[k].end);
  const after = slots[k].after;
  return !(/[.!?]["'”’]?$/.test(inner) && (after >= tokens.length || tokens[after].capitalized || after === slots[k + 1].first));
}

/** A short paragraph that only signs the one before: `- Hillary Clinton.`, `—Tom Park, Eastville`. */
const SIGNATURE_LINE = /^[-―—–]{1,2}\s*\p{Lu}[^\n]{0,80}$/u;

/** What a paragraph leaves for the next one. */
interface ParagraphOutcome {
  /** Its last attributed quotation, if any. */
  readonly lastQuote: Resolved | null;
  /** Its last speaker otherwise (`Hammond said the meetings...`), found only when asked for. */
  readonly reported: () => Resolved | null;
  /** `Caddell continued:` introduces the next paragraph's quotation. */
  readonly intro: () => Resolved | null;
  /** Its last quotation is left open and the next paragraph reopens it. */
  readonly runsOn: boolean;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) { value = compute(); done = true; }
    return value;
  };
}

// Made by `once` like every other outcome's functions: a call that has only met `once`'s is compiled
// for those alone, and throws that code away on meeting another.
const NOTHING: ParagraphOutcome = { lastQuote: null, reported: once(() => null), intro: once(() => null), runsOn: false };

/** A quotation while its article is read: its speaker's name is final only at the end. */
type DraftQuote = { -readonly [K in keyof Quote]: Quote[K] };

/** What reading an article carries from paragraph to paragraph, and what it has found so far. */
class ArticleReading {
  readonly registry = new SpeakerRegistry();
  readonly quotes: DraftQuote[] = [];
  readonly personOf = new Map<DraftQuote, Person>();
  readonly parsedRuns = new Map<string, ParsedRun>();

  constructor(readonly text: string, readonly structure: ArticleStructure, readonly cues: CueMatcher) {}
}

export function analyze(text: string, options?: AnalysisOptions): ArticleAnalysis {
  const structure = articleStructure(text);
  const reading = new ArticleReading(text, structure, cueMatcher(options));
  const { paragraphs } = structure;

  for (const person of options?.people ?? []) {
    const at = paragraphs.findIndex(p => p.end >= person.end);
    if (at >= 0) reading.registry.addName(person.text, [], person.start, at, opensSentence(text, paragraphs[at].start, person.start));
  }

  // The headline is read last: `Kerry: '...'` names a speaker only if the article is about a Kerry.
  // Each paragraph is read by functions of their own, so that the compiler optimises (and, when a
  // rare case turns up, throws away and redoes) small pieces rather than the reading of a whole article.
  const first = structure.headline ? 1 : 0;
  let previous = NOTHING;
  for (let read = 0; read < paragraphs.length; read++) {
    const index = (read + first) % paragraphs.length;
    const inHeadline = structure.headline !== null && index === 0;
    const scanned = quotationsIn(paragraphs[index], inHeadline);
    previous = scanned.length === 0
      ? readUnquotedParagraph(reading, index)
      : readQuotedParagraph(reading, index, inHeadline, scanned, previous);
  }
  return finalAnalysis(reading);
}

type AbsoluteQuote = ScannedQuote & { readonly absStart: number; readonly absEnd: number };

/**
 * A paragraph's quotations, with their places in the article. Arrays that pass between the reading's
 * functions are built by `push`, all alike: one from `map` can take another shape once the compiler
 * optimises its caller, and every function that reads it is then thrown away and compiled again.
 */
function quotationsIn(paragraph: Span, inHeadline: boolean): AbsoluteQuote[] {
  const quotes: AbsoluteQuote[] = [];
  // Fields listed, not spread: spreading here cost a sixth of the whole analysis.
  for (const q of scanQuotes(paragraph.text, inHeadline)) {
    quotes.push({
      start: q.start, end: q.end, innerStart: q.innerStart, innerEnd: q.innerEnd, closed: q.closed, single: q.single,
      absStart: paragraph.start + q.start, absEnd: paragraph.start + q.end,
    });
  }
  return quotes;
}

function readUnquotedParagraph(reading: ArticleReading, index: number): ParagraphOutcome {
  const { text, registry, cues } = reading;
  const paragraph = reading.structure.paragraphs[index];
  registerNames(text, paragraph, [], index, registry, reading.parsedRuns, cues);
  const tokens = once(() => tokenize(text, paragraph.start, paragraph.end));
  return {
    lastQuote: null,
    reported: once(() => {
      const reported = lastReportedSpeaker(text, tokens(), cues) ?? lastSentenceSubject(text, tokens());
      return reported ? resolve(reported, index, registry) : null;
    }),
    intro: once(() => {
      const intro = paragraph.text.endsWith(':') ? attributeIntro(text, tokens(), cues) : null;
      return intro ? resolve(intro, index, registry) : null;
    }),
    runsOn: false,
  };
}

function readQuotedParagraph(
  reading: ArticleReading, index: number, inHeadline: boolean, scanned: readonly AbsoluteQuote[], previous: ParagraphOutcome,
): ParagraphOutcome {
  const { text, registry, cues } = reading;
  const paragraph = reading.structure.paragraphs[index];
  const next = reading.structure.paragraphs[index + 1];
  // Only the words outside the quotations are read for cues and speakers.
  const tokens = tokensOutside(text, paragraph, scanned);
  const slots: QuoteSlot[] = [];
  for (const q of scanned) {
    slots.push({ start: q.absStart, end: q.absEnd, first: firstIndexAtOrAfter(tokens, q.absStart), after: firstIndexAtOrAfter(tokens, q.absEnd) });
  }
  registerNames(text, paragraph, scanned, index, registry, reading.parsedRuns, cues);

  const found = attributedQuotations(reading, index, inHeadline, tokens, slots);
  const onlyQuotes = tokens.every(t => !t.isWord);
  attributeTheRest(reading, index, inHeadline, tokens, slots, found, previous, onlyQuotes);
  // A line that opens its paragraph, that no cue gives to anyone (`the crowd chanted "Ruiz: ..."`)
  // and that no paragraph before introduces (`Partial transcript as follows:`), speaks as its label.
  const opening = scanned[0];
  if (!inHeadline && slots[0].first === 0 && (found[0] === null || found[0].evidence === 'continuation')) {
    const inner = innerSpeakerLabel(text, paragraph.start + opening.innerStart, paragraph.start + opening.innerEnd, registry);
    if (inner) found[0] = resolve(inner, index, registry);
  }
  // `"..."` and then a paragraph of its own, `- Hillary Clinton.`: the last quotation is signed below
  // when it is a sentence of its own (not `...called him "my friend." - Reuters`, a wire credit).
  const lastSlot = slots[slots.length - 1];
  const standsAlone = lastSlot.first === 0 || isSentenceEnd(tokens, lastSlot.first - 1);
  const lastFoundBy = found[slots.length - 1]?.evidence;
  if (!inHeadline && next && standsAlone && (lastFoundBy === undefined || lastFoundBy === 'continuation') && tokens.slice(lastSlot.after).every(t => !t.isWord) && SIGNATURE_LINE.test(next.text)) {
    const signing = tokenize(text, next.start, next.end);
    const signed = signature(text, signing, 0, signing.length);
    if (signed) found[slots.length - 1] = resolve(signed, index + 1, registry);
  }
  addQuotes(reading, index, inHeadline, scanned, tokens, slots, found);

  const lastFound = found.filter((r): r is Resolved => r !== null).at(-1) ?? null;
  const lastQuote = scanned[scanned.length - 1];
  // Only a paragraph that merely quotes passes on the one before; keeping every earlier one reachable
  // would make huge articles slow to collect.
  const carried = onlyQuotes ? previous : NOTHING;
  return {
    lastQuote: lastFound,
    reported: once(() => {
      const reported = lastReportedSpeaker(text, tokens, cues);
      if (reported) return resolve(reported, index, registry);
      return onlyQuotes ? carried.lastQuote ?? carried.reported() : null;
    }),
    intro: once(() => {
      const intro = paragraph.text.endsWith(':') ? attributeIntro(text, tokens, cues) : null;
      return intro ? resolve(intro, index, registry) : null;
    }),
    runsOn: !lastQuote.closed && next !== undefined && opensWithQuote(next.text),
  };
}

/** Each quotation's own attribution (or the transcript turn it lies in); null where it has none. */
function attributedQuotations(
  reading: ArticleReading, index: number, inHeadline: boolean, tokens: readonly Token[], slots: readonly QuoteSlot[],
): (Resolved | null)[] {
  const { text, registry, cues } = reading;
  // Only the quotation that closes a headline is its point (other quoted words there are mostly titles and labels).
  const closesHeadline = (k: number) => k === slots.length - 1 && NOTHING_AFTER.test(text.slice(slots[k].end, reading.structure.paragraphs[index].end));
  const found: (Resolved | null)[] = [];
  for (let k = 0; k < slots.length; k++) {
    const attribution = inHeadline
      ? headlineSpeaker(text, tokens, slots[k].start, registry) ?? attributeInParagraph(text, tokens, slots, k, cues.forHeadline())
        ?? (closesHeadline(k) ? headlineSubject(text, tokens, slots[k], cues.forHeadline()) : null)
      : attributeInParagraph(text, tokens, slots, k, cues);
    found.push(attribution ? resolve(attribution, index, registry) : null);
  }
  const label = inHeadline ? null : speakerLabel(text, tokens, registry);
  // Inside the turn, but not after a colon of its own (`Clinton: "..." Bush: "..."`). The colon is
  // told by its code unit (a mark is a token of one): comparing token texts with `':'` here, where
  // mostly one-character marks come by, gets compiled for those alone and thrown away on a word.
  const inTurn = (slot: QuoteSlot) => label !== null && slot.start >= label.cue.end && (slot.first === 0 || tokens[slot.first - 1].text.charCodeAt(0) !== 0x3a || tokens[slot.first - 1].start === label.cue.start);
  slots.forEach((slot, k) => { if (inTurn(slot)) found[k] = resolve(label!, index, registry); });
  return found;
}

/** Quotations left without a cue take one from the paragraph, else from the one before. */
function attributeTheRest(
  reading: ArticleReading, index: number, inHeadline: boolean, tokens: readonly Token[], slots: readonly QuoteSlot[],
  found: (Resolved | null)[], previous: ParagraphOutcome, onlyQuotes: boolean,
): void {
  const { text, registry, cues } = reading;
  // The nearest attributed quotation after each one, found in one backward pass.
  const nextFound: (Resolved | null)[] = [];
  for (let k = 0; k < found.length; k++) nextFound.push(null);
  for (let k = found.length - 2; k >= 0; k--) nextFound[k] = found[k + 1] ?? nextFound[k + 1];
  let previousFound: Resolved | null = null;
  for (let k = 0; k < found.length; k++, previousFound = found[k - 1] ?? previousFound) {
    if (found[k]) continue;
    // `Pastor Urges Voters To ‘Turn Away’ From ‘Boasters’`: a headline's later quotes share its speaker.
    if (inHeadline) { if (previousFound) found[k] = continuation(previousFound, 0.9); continue; }
    // `Hammond added that "...," but Iraqi forces "will be..."`: one sentence, one speaker.
    if (k > 0 && found[k - 1] && sameSentence(text, tokens, slots, k - 1)) { found[k] = continuation(withParticiple(tokens, slots[k - 1].after, slots[k].first, cues, found[k - 1]!), 0.9); continue; }
    const subject = attributeToSentenceSubject(text, tokens, slots, k);
    if (subject) { found[k] = resolve(subject, index, registry); continue; }
    if (isQuotedModifier(text, tokens, slots[k])) continue;
    const possessor = attributeToPossessor(text, tokens, slots[k]);
    if (possessor) { found[k] = resolve(possessor, index, registry); continue; }
    const sameParagraph = previousFound ?? nextFound[k];
    if (sameParagraph) { found[k] = continuation(sameParagraph, 0.9); continue; }
    const reportedBefore = slots[k].first > 0 ? lastReportedSpeaker(text, tokens, cues, slots[k].first) : null;
    if (reportedBefore) { found[k] = continuation(resolve(reportedBefore, index, registry), 0.9); continue; }
    if (k !== 0 || slots[0].first !== 0) continue;
    const intro = previous.intro();
    if (intro) { found[k] = intro; continue; }
    if (!previous.runsOn && !onlyQuotes) continue;
    const last = previous.lastQuote ?? previous.reported();
    if (last) found[k] = continuation(last, 0.8);
  }
}

/** Adds the paragraph's quotation records, each with its kind and what attributes it. */
function addQuotes(
  reading: ArticleReading, index: number, inHeadline: boolean, scanned: readonly AbsoluteQuote[], tokens: readonly Token[],
  slots: readonly QuoteSlot[], found: readonly (Resolved | null)[],
): void {
  const { text, cues } = reading;
  const paragraph = reading.structure.paragraphs[index];
  scanned.forEach((q, k) => {
    const resolved = found[k];
    const unattributed = resolved === null;
    // After a colon the label before it is the only speaker a headline offers (`Bridge Reopens: ‘A Good Day’`).
    const closesHeadline = inHeadline && NOTHING_AFTER.test(text.slice(q.absEnd, paragraph.end)) && !/:\s*$/.test(text.slice(paragraph.start, q.absStart));
    const kind = kindOf(text, q, inHeadline, !unattributed, unattributed && sentenceHasCue(tokens, slots, k, cues), unattributed && isQuotedModifier(text, tokens, slots[k]), closesHeadline);
    const mention: Mention | null = resolved?.attribution.mention ?? null;
    const person = kind === 'other' ? null : resolved?.person ?? null;
    const quote: DraftQuote = {
      start: q.absStart,
      end: q.absEnd,
      text: text.slice(paragraph.start + q.innerStart, paragraph.start + q.innerEnd),
      kind,
      speaker: person ? person.name : null,
      speakerMention: kind !== 'other' && mention ? span(text, mention) : null,
      cue: kind !== 'other' && resolved ? span(text, resolved.attribution.cue) : null,
      confidence: kind !== 'other' && resolved ? Math.round(resolved.confidence * 100) / 100 : 0,
      evidence: kind !== 'other' && resolved ? resolved.evidence : 'none',
      paragraph: index,
    };
    reading.quotes.push(quote);
    if (person) reading.personOf.set(quote, person);
  });
}

function finalAnalysis(reading: ArticleReading): ArticleAnalysis {
  const { quotes, personOf, registry } = reading;
  // Speaker names are final only once the whole article is read (`Kerry` before `John Kerry`).
  // Set in place rather than copied with a spread, which would give these quotations a shape of their own.
  quotes.sort((a, b) => a.start - b.start);
  for (const q of quotes) {
    const person = personOf.get(q);
    if (!person) continue;
    person.quotes++;
    q.speaker = person.name;
  }
  // Fields listed, not spread: spreading is slow here.
  const { headline, paragraphs, boilerplate } = reading.structure;
  return { headline, paragraphs, boilerplate, quotes, speakers: registry.records() };
}
