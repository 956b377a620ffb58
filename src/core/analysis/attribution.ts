/**
 * Who said each quotation, by the cue verbs and the words around it: `"...," Kerry said`,
 * `"...," said Kerry`, `Kerry said, "..."`, `Hammond added that "..."`, `according to Kerry`,
 * headline `Kerry: '...'`. Pronouns and descriptions are returned as written here and resolved to
 * people in `speakers.ts`.
 */
import { DETERMINERS, NOT_NAMES, PLURAL_QUANTIFIERS, PRONOUNS, ROLE_NOUNS, SINGULAR_QUANTIFIERS, STANDING_FOR_PEOPLE, TITLE_WORDS } from './lexicon';
import { isParticiple, isPossessive, type Mention, nameStartingAt, newMention, opensClause, shortenedTo, sourceAfterPhrase, subjectAfter, subjectBefore } from './mentions';
import { firstIndexAtOrAfter, isAbbreviation, isSentenceEnd, lowerAt, textAt, type Token, tokenIfAny } from './tokens';

export interface CueSpan {
  readonly start: number;
  readonly end: number;
}

export type AttributionRule = 'after' | 'inverted' | 'before' | 'according' | 'sentence' | 'headline' | 'intro' | 'subject' | 'colon' | 'possessor' | 'signature';

/** Written as `{ mention, cue, rule }` literals, never spread: every attribution then has one shape for the optimiser. */
export interface Attribution {
  readonly mention: Mention;
  readonly cue: CueSpan;
  readonly rule: AttributionRule;
}

/** A quotation's place in its paragraph's tokens. */
export interface QuoteSlot {
  readonly start: number;
  readonly end: number;
  /** Token index of the first token at or after `end`. */
  readonly after: number;
  /** Token index of the first token at or after `start`. */
  readonly first: number;
}

const NEW_CLAUSE = /^(and|but|while|whereas|although|though|yet)$/;
const CLAUSE_JOINER = /^(and|but|or|nor|yet|while|whereas|although|though|as|after|before|when|because|if|until|since|unless)$/;
const NAMING = /^(called|dubbed|labeled|labelled|titled|named)$/;

/** Cue words that are also nouns (`a Trump tweet`, `of Republican claims`). */
const NOUN_CUE = /^(tweet|comment|call|claim|post|report|promise|pledge|vow|quote|answer|reply|remark|charge|boast|demand|jab|quip|joke|warning)s?$/;
/** `it’s denouncing`, `he’s saying`: `’s` after a pronoun is `is` or `has`, not a possessive. */
const CONTRACTED_PRONOUN = /^(he|she|it|that|there|who|what|here)['’]s$/;
const PASSIVE_AUXILIARY = /^(was|were|is|are|be|been|being|get|got|gets)$/;

/**
 * `another said`, `the two write`, `a mother of three replied`: a quantifier that stands for people
 * (opening its clause, or after `the` or `of`) before the cue at `i` makes it a verb, unless the cue is
 * a noun of the quantifier's number (`another tweet`, `two calls`).
 */
function quantifierSubject(tokens: readonly Token[], i: number): boolean {
  const quantifier = tokens[i - 1].lower;
  const cue = tokens[i].lower;
  const before = lowerAt(tokens, i - 2);
  if (!(opensClause(tokens, i - 1) || before === 'the' || before === 'of')) return false;
  if (SINGULAR_QUANTIFIERS.has(quantifier)) return !(NOUN_CUE.test(cue) && !cue.endsWith('s'));
  if (PLURAL_QUANTIFIERS.has(quantifier)) return !(NOUN_CUE.test(cue) && cue.endsWith('s'));
  return false;
}

export class CueMatcher {
  private readonly forms: Set<string>;
  private readonly twoWordHeads: Map<string, Set<string>>;
  /** The first word of every cue: most words are none, and one look-up tells. */
  private readonly firstWords: Set<string>;
  private headlineMatcher: CueMatcher | undefined;

  /** `titleCase`: headlines capitalise every word (`Howard Dean Tells Convention`). */
  constructor(forms: Iterable<string>, readonly titleCase = false) {
    this.forms = new Set();
    this.twoWordHeads = new Map();
    for (const form of forms) {
      const [head, second] = form.split(' ');
      if (second === undefined) this.forms.add(head);
      else {
        const seconds = this.twoWordHeads.get(head) ?? new Set<string>();
        seconds.add(second);
        this.twoWordHeads.set(head, seconds);
      }
    }
    this.firstWords = new Set([...this.forms, ...this.twoWordHeads.keys()]);
  }

  /** Token count of the cue starting at `i` (`said` = 1, `pointed out` = 2), or 0. */
  cueLength(tokens: readonly Token[], i: number): number {
    const t = tokens[i];
    if (!t.isWord || !this.firstWords.has(t.lower)) return 0;
    const second = this.twoWordHeads.get(t.lower);
    const length = second !== undefined && i + 1 < tokens.length && second.has(tokens[i + 1].lower) ? 2 : this.forms.has(t.lower) ? 1 : 0;
    if (length === 0 || i === 0) return length;
    const previous = tokens[i - 1];
    // A capitalised cue inside a sentence is a name (`Islamic State`, `The Washington Post`).
    if (t.capitalized && previous.isWord && !this.titleCase) return 0;
    // Words on the far side of a quotation make no noun or passive of it (`This is a "raw time," said X`);
    // a participle after a quoted title stays the title's (`on MSNBC's "Morning Joe," calling it`).
    const acrossQuotation = t.start - previous.end > 1;
    if (acrossQuotation && !isParticiple(t)) return length;
    // After a determiner or a possessive it is a noun: `a conference call`, `the union's demand`.
    if ((DETERMINERS.has(previous.lower) && !quantifierSubject(tokens, i)) || (isPossessive(previous) && !CONTRACTED_PRONOUN.test(previous.lower))) return 0;
    if (acrossQuotation) return length;
    // `a super PAC called Future45`, `a group dubbed "..."`: a name given, not words said.
    if (NAMING.test(t.lower) && [i - 2, i - 3].some(k => k >= 0 && /^(a|an)$/.test(tokens[k].lower))) return 0;
    // A passive is not the subject speaking: `the workers were told`, `was first reported`.
    const auxiliary = i > 1 && /ly$|^first$/.test(previous.lower) ? tokens[i - 2] : previous;
    if (PASSIVE_AUXILIARY.test(auxiliary.lower) && !t.lower.endsWith('ing')) return 0;
    // `32% of Republican claims`, `a Donald Trump tweet`: a noun after a name that follows `of` or `a`.
    if (NOUN_CUE.test(t.lower) && previous.capitalized) {
      let k = i - 1;
      while (k > 0 && tokens[k - 1].isWord && tokens[k - 1].capitalized && tokens[k].start - tokens[k - 1].end <= 1) k--;
      const before = tokenIfAny(tokens, k - 1);
      if (before && tokens[k].start - before.end <= 1 && (before.lower === 'of' ? t.lower.endsWith('s') : /^(a|an)$/.test(before.lower))) return 0;
    }
    return length;
  }

  /** True for a cue verb's form written in lower case (`said`, `told`). */
  isCueWord(lower: string): boolean {
    return this.forms.has(lower);
  }

  /** The same cues, read in a title-cased headline. */
  forHeadline(): CueMatcher {
    return (this.headlineMatcher ??= new CueMatcher([...this.forms, ...[...this.twoWordHeads].flatMap(([head, seconds]) => [...seconds].map(s => `${head} ${s}`))], true));
  }

  isAccordingTo(tokens: readonly Token[], i: number): boolean {
    return tokens[i].lower === 'according' && lowerAt(tokens, i + 1) === 'to';
  }
}

/** Index of the token that starts at `offset` (tokens are in text order), or -1. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  const i = firstIndexAtOrAfter(tokens, offset);
  return i < tokens.length && tokens[i].start === offset ? i : -1;
}

const cueSpan = (tokens: readonly Token[], i: number, length: number): CueSpan => ({ start: tokens[i].start, end: tokens[i + length - 1].end });

/** No sentence is read further than this many tokens either way: run-on text stays linear. */
const SENTENCE_REACH = 120;

/** Token index range [from, to) of the sentence that holds `at`, clipped to [floor, ceiling). */
function sentenceBounds(tokens: readonly Token[], at: number, floor: number, ceiling: number): [number, number] {
  let from = at;
  const lowest = Math.max(floor, at - SENTENCE_REACH);
  while (from > lowest && !isSentenceEnd(tokens, from - 1)) from--;
  let to = at;
  const highest = Math.min(ceiling, at + SENTENCE_REACH);
  while (to < highest && !isSentenceEnd(tokens, to)) to++;
  return [from, Math.min(ceiling, to + 1)];
}

/** Words that may follow a quotation in its sentence without making it a modifier. */
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'nor', 'that', 'which', 'who', 'as', 'to', 'in', 'on', 'at', 'for', 'of', 'from', 'by', 'with', 'about', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'than', 'then', 'because', 'after', 'before', 'when', 'while', 'if', 'so', 'since', 'until', 'into', 'over', 'against', 'during', 'without', 'per', 'not', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'these', 'those', 'there', 'here', 'also', 'even', 'yet', 'still', 'now', 'again', 'too', 'instead', 'though', 'although', 'whether', 'where', 'why', 'how', 'what', 'whom', 'whose', 'said', 'says', 'adding', 'saying', 'told', 'according']);

const LEADING_CONJUNCTION = /^(but|and|so|yet|still|then|now|also|however|meanwhile|instead|indeed|later|earlier)$/;
/** Words that open an adverbial phrase before the subject: `In a statement, Trump...`. */
const LEADING_ADVERBIAL = /^(in|on|at|after|before|during|when|while|as|since|for|with|without|following|speaking|asked|despite|although|though|if|because|last|this|throughout|upon|from|by|over|under|until|once|unlike|like|amid|among|outside|inside|near|behind|beyond|across|around|along|within|led)$/;

/** `in Salem, New Hampshire, Trump...`, `in Aspen, Colo., the...`: the comma that closes a place named after the one at `comma`. */
function placeAfter(tokens: readonly Token[], comma: number, to: number): number {
  let k = comma + 1;
  while (k < Math.min(to, comma + 5) && (tokens[k].capitalized || (tokens[k].text === '.' && isAbbreviation(tokens[k - 1])))) k++;
  return k > comma + 1 && k < to && tokens[k].text === ',' && tokenIfAny(tokens, comma - 1)?.capitalized ? k : comma;
}

/**
 * The name, pronoun or description that opens the sentence from token `from`: `Kerry sat down...`,
 * `He then...`, `In a statement, the campaign...`. `descriptions` admits `the lawsuit`-like subjects.
 */
function sentenceSubject(text: string, tokens: readonly Token[], from: number, to: number, descriptions = false): Mention | null {
  let k = from;
  while (k < to && (!tokens[k].isWord || LEADING_CONJUNCTION.test(tokens[k].lower))) k++;
  // `First, Trump...`, `Still, the campaign...`: one opening word set off by a comma.
  if (k + 2 < to && tokens[k + 1].text === ',' && (NOT_NAMES.has(tokens[k].lower) || /ly$/.test(tokens[k].lower))) k += 2;
  // `Hours later, she...`, `Two weeks ago, Trump...`: a time set off by a comma.
  const time = [k + 1, k + 2].find(j => j + 2 < to && /^(later|earlier|ago)$/.test(tokens[j].lower) && tokens[j + 1].text === ',');
  if (time !== undefined) k = time + 2;
  // `Asked about it, ...`, `Reprising a theme, ...`, `Horrified, ...`: an opening phrase, not a name.
  const participle = k < to && tokens[k].text.length > 4 && /(ing|ed|ly)$/.test(tokens[k].lower);
  if (k < to && (LEADING_ADVERBIAL.test(tokens[k].lower) || participle)) {
    let comma = k + 1;
    while (comma < Math.min(to, k + 14) && tokens[comma].text !== ',') comma++;
    if (comma >= Math.min(to, k + 14)) return null;
    k = placeAfter(tokens, comma, to) + 1;
    // `On July 6, 2015, Sanders...`: the year completes the date.
    if (k + 1 < to && /^\d{4}$/.test(tokens[k].text) && tokens[k + 1].text === ',') k += 2;
  }
  if (k >= to) return null;
  const mention = tokens[k].capitalized || descriptions ? subjectAfter(text, tokens, k - 1, to) : null;
  if (!mention || (mention.kind === 'description' && !descriptions)) return null;
  return mention;
}

const POSSESSIVE_PRONOUN: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they' };

/**
 * `Trump's call for "a total shutdown"`, `his promise to be "neutral"`: words quoted as someone's
 * call, promise or claim are theirs. The possessor is the mention (`his` stands for `he`).
 */
export function attributeToPossessor(text: string, tokens: readonly Token[], q: QuoteSlot): Attribution | null {
  for (let k = q.first - 1; k >= Math.max(0, q.first - 5); k--) {
    const t = tokens[k];
    // `Smith's immunity was only "partial"`: a possessor whose noun is a verb's subject says nothing.
    if (!t.isWord || /^(is|was|are|were|has|have|had|will|would)$/.test(t.lower)) return null;
    const pronoun = POSSESSIVE_PRONOUN[t.lower];
    const noun = tokenIfAny(tokens, k + 1);
    if (!noun || noun.start >= q.start || !noun.isWord || noun.capitalized) continue;
    if (pronoun) {
      const mention = newMention(t.start, t.end, 'pronoun', pronoun);
      return { mention, cue: { start: noun.start, end: noun.end }, rule: 'possessor' };
    }
    if (t.capitalized && isPossessive(t) && !tokenIfAny(tokens, k - 1)?.capitalized) {
      const end = t.end - 2;
      const mention = newMention(t.start, end, 'name', text.slice(t.start, end));
      return { mention, cue: { start: noun.start, end: noun.end }, rule: 'possessor' };
    }
  }
  return null;
}

/** Nouns for something said, whose `that` clause is its content: `her remark that "..."`. */
const SAYING_NOUN = /^(remark|comment|claim|assertion|statement|suggestion|promise|pledge|vow|insistence|argument|warning|contention|declaration|charge|boast|admission|prediction|observation|complaint|accusation|assurance|belief|view)s?$/;

/**
 * `her remark that "..."`, `Ruiz's claim during the debate that "..."`: the content of a possessed
 * saying is its possessor's words, whoever else the sentence mentions.
 */
function reportedContent(text: string, tokens: readonly Token[], q: QuoteSlot, cues: CueMatcher): Attribution | null {
  const that = q.first - (textAt(tokens, q.first - 1) === ',' ? 2 : 1);
  if (lowerAt(tokens, that) !== 'that') return null;
  for (let k = that - 1; k >= Math.max(1, that - 6); k--) {
    if (!SAYING_NOUN.test(tokens[k].lower)) continue;
    // The possessive is the word before the noun or one or two before it (`her March comment`).
    for (let p = k - 1; p >= Math.max(0, k - 3); p--) {
      const t = tokens[p];
      if (!t.isWord) return null;
      const pronoun = POSSESSIVE_PRONOUN[t.lower];
      // `Ruiz repeated her claim that "..."`: the cue's subject says it, and `her` is that subject.
      if (pronoun && p > 0 && cues.cueLength(tokens, p - 1) > 0) return null;
      if (pronoun) return { mention: newMention(t.start, t.end, 'pronoun', pronoun), cue: cueSpan(tokens, k, 1), rule: 'possessor' };
      if (isPossessive(t)) {
        if (!t.capitalized) return null;
        const mention = newMention(t.start, t.end - 2, 'name', text.slice(t.start, t.end - 2));
        return { mention, cue: cueSpan(tokens, k, 1), rule: 'possessor' };
      }
    }
    return null;
  }
  return null;
}

/** A few quoted words before a noun modify it (`a coalition "steering group" meeting`): a name, not words said. */
export function isQuotedModifier(text: string, tokens: readonly Token[], q: QuoteSlot): boolean {
  const next = tokenIfAny(tokens, q.after);
  return next !== undefined && next.isWord && !next.capitalized && !FUNCTION_WORDS.has(next.lower)
    // `rated it "entirely true" compared to...`, `has used "the phrase" often`: an adverb is no noun.
    && !/^(\w{3,}ly|often|compared)$/.test(next.lower)
    && next.start - q.end <= 1 && text.slice(q.start, q.end).split(/\s+/).length <= 2
    // `her "50-state strategy," promising...`: a comma inside the marks ends the phrase.
    && !/[,.;!?]["”’']$/.test(text.slice(q.start, q.end));
}

/** `- Michael P. McDonald: "..."`, `Clinton: "..."`: a name alone before a colon that opens the quotation. */
function transcriptSpeaker(text: string, tokens: readonly Token[], q: QuoteSlot): Attribution | null {
  const colon = q.first - 1;
  if (colon < 1 || tokens[colon].text !== ':') return null;
  let mention = subjectBefore(text, tokens, colon, Math.max(0, colon - 8));
  if (!mention) return null;
  let k = colon - 1;
  while (k >= 0 && tokens[k].start >= mention.start) k--;
  // `Ana Ruiz and Tom Park: "..."`: two authors of one text.
  const first = mention.kind === 'name' && lowerAt(tokens, k) === 'and' ? subjectBefore(text, tokens, k, Math.max(0, k - 5)) : null;
  if (first !== null && first.kind === 'name') {
    mention = newMention(first.start, mention.end, mention.kind, text.slice(first.start, mention.end), [], mention.antecedent);
    while (k >= 0 && tokens[k].start >= mention.start) k--;
  }
  const before = tokenIfAny(tokens, k);
  // `From the report: "..."`, `More from Ruiz: "..."`: a text quoted.
  if (before !== undefined && before.lower === 'from' && mention.kind !== 'pronoun') return { mention, cue: { start: before.start, end: tokens[colon].end }, rule: 'colon' };
  if (mention.kind !== 'name') return null;
  // `pollster Daron Shaw: "..."`: a role before the name is part of the label.
  const role = before?.isWord && (ROLE_NOUNS.has(before.lower) || TITLE_WORDS.has(before.lower));
  if (before && !role && !isSentenceEnd(tokens, k) && !/^[-—–|]$/.test(before.text)) return null;
  return { mention, cue: { start: tokens[colon].start, end: tokens[colon].end }, rule: 'colon' };
}

/**
 * `PENCE: Well, look, ...`, `"Chris Matthews: ...`: the label that opens a transcript's turn. Every
 * quotation after it in the paragraph is inside the turn, so its speaker's.
 */
export function turnLabel(text: string, tokens: readonly Token[]): Attribution | null {
  let k = 0;
  while (k < 2 && k < tokens.length && !tokens[k].isWord) k++;
  if (!tokenIfAny(tokens, k)?.capitalized) return null;
  let colon = k + 1;
  while (colon < Math.min(tokens.length, k + 6) && tokens[colon].text !== ':') colon++;
  if (textAt(tokens, colon) !== ':') return null;
  const mention = nameStartingAt(text, tokens, k, colon);
  if (!mention || mention.end !== tokens[colon - 1].end) return null;
  return { mention, cue: { start: tokens[colon].start, end: tokens[colon].end }, rule: 'colon' };
}

/**
 * `Cruz pledged to visit every county, and he has long used that to bludgeon rivals for "..."`,
 * `That's why he wanted to "..."`: the pronoun that opens the quotation's own clause is its subject.
 */
function clausePronoun(tokens: readonly Token[], from: number, quoteAt: number): Attribution | null {
  for (let k = quoteAt - 2; k >= from; k--) {
    const t = tokens[k];
    if (!t.isWord || !/^(he|she|they|i|we)$/.test(t.lower)) continue;
    const verb = tokens[k + 1];
    const startsClause = k === from || tokens[k - 1].text === ',' || /^(and|but|or|yet|so|why|as|when|while|though|although)$/.test(tokens[k - 1].lower);
    if (!startsClause || !verb.isWord || verb.capitalized) return null;
    return { mention: newMention(t.start, t.end, 'pronoun', t.text), cue: { start: verb.start, end: verb.end }, rule: 'subject' };
  }
  return null;
}

/** `Pence, who called their son "..."`: a relative clause that runs into the quotation is the speaker's. */
function relativeClauseSubject(text: string, tokens: readonly Token[], from: number, quoteAt: number): Attribution | null {
  for (let k = quoteAt - 1; k > from && k >= quoteAt - 10; k--) {
    if (tokens[k].text === ',') return null;
    if (tokens[k].lower !== 'who' || tokens[k - 1].text !== ',') continue;
    const verb = tokens[k + 1];
    const mention = verb.isWord ? subjectBefore(text, tokens, k + 1, from) : null;
    return mention && { mention, cue: { start: verb.start, end: verb.end }, rule: 'subject' };
  }
  return null;
}

/**
 * A quotation with no cue around it, in a sentence whose subject is a person: `Manafort dismissed
 * the whole kerfuffle as "absurd"`, `Clinton: "Our goal..."`. The verb after the subject is the cue.
 */
export function attributeToSentenceSubject(text: string, tokens: readonly Token[], quotes: readonly QuoteSlot[], index: number): Attribution | null {
  const q = quotes[index];
  if (isQuotedModifier(text, tokens, q)) return null;
  const colon = transcriptSpeaker(text, tokens, q);
  if (colon) return colon;
  const [from] = sentenceBounds(tokens, Math.max(0, q.first - 1), 0, q.first);
  if (from >= q.first) return null;
  const relative = relativeClauseSubject(text, tokens, from, q.first);
  if (relative) return relative;
  const clause = clausePronoun(tokens, from, q.first);
  if (clause) return clause;
  let mention = sentenceSubject(text, tokens, from, q.first, true);
  if (!mention) return null;
  let verb = from;
  while (verb < q.first && tokens[verb].end <= mention.end) verb++;
  // `The Florida senator likes "..."`: a description that runs up to the quotation has swallowed its verb.
  const last = verb - 1;
  if (mention.kind === 'description' && verb >= q.first && last - 2 >= from && tokens[last].isWord && !tokens[last].capitalized && tokens[last - 1].isWord) {
    mention = shortenedTo(text, mention, tokens[last - 1].end);
    verb = last;
  }
  // `Gov. Pat McCrory (R) blamed...`, `Trump, who ..., said`: the verb comes after the aside.
  const closer = textAt(tokens, verb) === '(' ? ')' : textAt(tokens, verb) === ',' ? ',' : undefined;
  if (closer) {
    let end = verb + 1;
    while (end < Math.min(q.first, verb + 16) && tokens[end].text !== closer) end++;
    if (end < q.first && tokens[end].text === closer) verb = end + 1;
  }
  if (verb >= q.first) return null;
  const cue = tokens[verb];
  if (cue.text === ':' && verb === q.first - 1) return { mention, cue: { start: cue.start, end: cue.end }, rule: 'colon' };
  if (!cue.isWord || cue.capitalized) return null;
  // `Cruz was critical of the stance, telling Breitbart: "..."`: the participle introduces the quotation.
  // (`..., "...," saying "..."`: the comma may lie inside the quotation before it.)
  for (let k = q.first - 1; k > verb + 1; k--) {
    if (tokens[k].isWord && isParticiple(tokens[k]) && (tokens[k - 1].text === ',' || tokens[k].start - tokens[k - 1].end > 1)) return { mention, cue: { start: tokens[k].start, end: tokens[k].end }, rule: 'subject' };
  }
  return { mention, cue: { start: cue.start, end: cue.end }, rule: 'subject' };
}

function openingDescription(text: string, tokens: readonly Token[], cue: number, sentenceStart: number): Mention | null {
  const subject = subjectBefore(text, tokens, cue, sentenceStart, 0, true);
  return subject !== null && subject.kind === 'description' && subject.start === tokens[sentenceStart].start ? subject : null;
}

/**
 * Finds the attribution of `quotes[index]` inside its paragraph. `quotes` are the paragraph's
 * quotations in order; the text between them is where cues and speakers are looked for.
 */
export function attributeInParagraph(
  text: string,
  tokens: readonly Token[],
  quotes: readonly QuoteSlot[],
  index: number,
  cues: CueMatcher,
): Attribution | null {
  const found = attributeNear(text, tokens, quotes, index, cues);
  return found && subjectForRelativePronoun(text, tokens, found, index > 0 ? quotes[index - 1].after : 0);
}

/**
 * `Cruz has railed against what he calls "..."`: the pronoun of a `what` clause stands for the
 * subject of its sentence, and that subject is the source. (After `which` or `whom` it is as often
 * someone else's, and the pronoun stays.)
 */
function subjectForRelativePronoun(text: string, tokens: readonly Token[], found: Attribution, floor: number): Attribution {
  if (found.mention.kind !== 'pronoun') return found;
  const at = tokenAt(tokens, found.mention.start);
  if (at < 1 || tokens[at - 1].lower !== 'what') return found;
  const [from] = sentenceBounds(tokens, at, floor, at);
  const subject = sentenceSubject(text, tokens, from, at - 1);
  const agrees = subject !== null && (subject.kind !== 'pronoun' || subject.name.toLowerCase() === found.mention.name.toLowerCase());
  return agrees ? { mention: subject, cue: found.cue, rule: found.rule } : found;
}

/** `in what analysts described as ...`: the subject of a `what` clause that is a preposition's object. */
function whatClauseObject(tokens: readonly Token[], mention: Mention): boolean {
  const at = tokenAt(tokens, mention.start);
  return at > 1 && tokens[at - 1].lower === 'what' && PREPOSITION.test(tokens[at - 2].lower);
}

/** `who`, or a pronoun right after `which`, `whom`, `that` or `who`: a relative clause's subject. */
function inRelativeClause(tokens: readonly Token[], mention: Mention): boolean {
  const at = tokenAt(tokens, mention.start);
  if (at < 0) return false;
  if (tokens[at].lower === 'who' && mention.end === tokens[at].end) return true;
  return mention.kind === 'pronoun' && at > 0 && /^(which|whom|who|that|where)$/.test(tokens[at - 1].lower);
}

const endsSentence = (text: string, tokens: readonly Token[], q: QuoteSlot) => /[.!?]["”’']?$/.test(text.slice(q.start, q.end)) && q.after < tokens.length && tokens[q.after].capitalized;

/**
 * `When someone shouted, "...," Ruiz joked`: a quotation right after the cue of a subordinate clause
 * that opens the sentence is that clause's, whatever follows it.
 */
function subordinateCue(tokens: readonly Token[], sentenceStart: number, quoteAt: number, cues: CueMatcher): boolean {
  const opener = tokens[sentenceStart];
  return opener !== undefined && sentenceStart < quoteAt - 3 && /^(when|as|after|before|while|once)$/.test(opener.lower)
    && tokens[quoteAt - 1].text === ',' && cues.cueLength(tokens, quoteAt - 2) === 1 && !clauseBreak(tokens, sentenceStart, quoteAt - 2);
}

/** True when punctuation lies in tokens [from, to): `After Ruiz left, she said` has closed its subordinate clause. */
function clauseBreak(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!tokens[k].isWord) return true;
  return false;
}

/** True when a cue comes within three tokens after `from` and another before `to`. */
function cuesForBoth(tokens: readonly Token[], from: number, to: number, cues: CueMatcher): boolean {
  let i = from;
  while (i < Math.min(to, from + 3) && cues.cueLength(tokens, i) === 0) i++;
  if (i >= Math.min(to, from + 3)) return false;
  for (let j = i + cues.cueLength(tokens, i); j < to; j++) if (cues.cueLength(tokens, j) > 0) return true;
  return false;
}

function attributeNear(text: string, tokens: readonly Token[], quotes: readonly QuoteSlot[], index: number, cues: CueMatcher): Attribution | null {
  const q = quotes[index];
  const ceiling = index + 1 < quotes.length ? quotes[index + 1].first : tokens.length;
  const floor = index > 0 ? quotes[index - 1].after : 0;

  const [, sentenceEnd] = sentenceBounds(tokens, q.after, q.after, ceiling);
  // `"... holds." Park added that "..."`: after a quotation that ends its sentence, words that run
  // into the next quotation introduce that one.
  // (`"...?" Ruiz asks as a janitor walks in, saying "..."`: a cue right after it, and another for the next one, split them.)
  const introducesNext = endsSentence(text, tokens, q) && index + 1 < quotes.length && sentenceEnd >= ceiling && !cuesForBoth(tokens, q.after, ceiling, cues);
  const afterEnd = introducesNext ? q.after : sentenceEnd;
  const [beforeStart] = sentenceBounds(tokens, Math.max(floor, q.first - 1), floor, q.first);

  // `"...," Kerry said, according to the Times`: the source the sentence cites outranks its speaker.
  const cited = accordingTo(text, tokens, beforeStart, q.first, cues) ?? accordingTo(text, tokens, q.after, afterEnd, cues);
  if (cited) return cited;
  const signed = signature(text, tokens, q.after, ceiling) ?? shortAttribution(text, tokens, q, ceiling, cues) ?? reportedContent(text, tokens, q, cues);
  if (signed) return signed;

  // `"..." and said he would`: a clause joined after the quotation is its sentence's subject's doing,
  // as is every quotation in a title-cased headline (`Kasich Calls Plan "Crazy" After Debate Comments`).
  const joined = q.after < tokens.length && tokens[q.after].isWord && CLAUSE_JOINER.test(tokens[q.after].lower);
  const found = joined || cues.titleCase || subordinateCue(tokens, beforeStart, q.first, cues)
    ? beforeQuote(text, tokens, q, beforeStart, cues) ?? afterQuote(text, tokens, quotes, index, afterEnd, cues)
    : afterQuote(text, tokens, quotes, index, afterEnd, cues) ?? beforeQuote(text, tokens, q, beforeStart, cues);
  return found ?? pointOfView(text, tokens, q.after, afterEnd) ?? pointOfView(text, tokens, beforeStart, q.first)
    ?? passiveAgent(text, tokens, Math.max(beforeStart, q.first - 6), q.first) ?? passiveAgent(text, tokens, q.after, Math.min(afterEnd, q.after + 4));
}

/** Participles of saying and naming whose agent follows `by`: `called "..." by the citizens`, `seen by organizers as "..."`. */
const PASSIVE_CUE = /^(called|dubbed|labeled|labelled|branded|described|seen|known|viewed|regarded|considered|deemed|written|coined|termed|nicknamed|hailed|derided|mocked|praised|criticized|condemned|denounced)$/;

/** How many tokens a source after `by` may run to: a name or description is short, and a run of capitals must not be walked whole. */
const SOURCE_REACH = 16;

/**
 * `called "..." by the citizens`, `labeled as a "..." by critics`, `known by some Republicans as a
 * "..."`: the agent of a passive cue near the quotation (the quoted words are not tokens here).
 */
function passiveAgent(text: string, tokens: readonly Token[], from: number, to: number): Attribution | null {
  for (let i = Math.max(1, from); i < to; i++) {
    if (tokens[i].lower !== 'by') continue;
    let cue = i - 1;
    while (cue > i - 4 && cue > 0 && /^(as|a|an|the)$/.test(tokens[cue].lower)) cue--;
    if (!PASSIVE_CUE.test(tokens[cue].lower)) continue;
    const mention = sourceAfterPhrase(text, tokens, i, Math.min(tokens.length, i + SOURCE_REACH));
    if (mention) return { mention, cue: cueSpan(tokens, cue, i - cue + 1), rule: 'according' };
  }
  return null;
}

/** After the quotation: `"...," Kerry said` / `"...," said Kerry` / `"..." of X, the official said`. */
function afterQuote(text: string, tokens: readonly Token[], quotes: readonly QuoteSlot[], index: number, afterEnd: number, cues: CueMatcher): Attribution | null {
  const q = quotes[index];
  const ceiling = index + 1 < quotes.length ? quotes[index + 1].first : tokens.length;
  const quoteEndsSentence = endsSentence(text, tokens, q);
  for (let i = q.after; i < afterEnd; i++) {
    // `"...," for instance, and Trump vowed to...`: a new clause has its own speaker.
    if (i > q.after && tokens[i].text === ',' && NEW_CLAUSE.test(lowerAt(tokens, i + 1))) break;
    const length = cues.cueLength(tokens, i);
    if (length === 0) continue;
    // `"...," but also what she calls "..."`: a cue right before the next quotation introduces that one.
    if (index + 1 < quotes.length && i + length >= ceiling && i - q.after > 1) break;
    const adjacent = i - q.after <= 1 && tokens.slice(q.after, i).every(t => !t.isWord);
    // Right after the quotation, any noun will do: `"...," the gambling tycoon told Reuters`.
    const subject = subjectBefore(text, tokens, i, q.after, 0, i - q.after <= 6) ?? (i === q.after + 1 ? surnameAfterQuotation(text, tokens, q.after) : null);
    // `"..." digging up dirt on journalists who criticized it`, `"..." policies, which he said had hurt`:
    // a relative clause further on is about something else.
    if (subject !== null && i - q.after > 3 && inRelativeClause(tokens, subject)) return null;
    // `"...," engaging in what analysts described as tactics`: a `what` clause after a preposition names its own words.
    if (subject !== null && i - q.after > 3 && whatClauseObject(tokens, subject)) return null;
    // `appointing a "chief trade prosecutor" who reports to...`: `who` right after quoted words is about them.
    if (subject !== null && subject.start === tokens[q.after].start && tokens[q.after].lower === 'who') return null;
    if (subject && !(quoteEndsSentence && subject.kind === 'description' && i - q.after > 4)) {
      return { mention: subject, cue: cueSpan(tokens, i, length), rule: i - q.after <= 8 ? 'after' : 'sentence' };
    }
    // `"..." in the 2008 primary, said Paul Beck.`: a closing inverted cue after a comma names the speaker too.
    // (`..., citing her work`: a participle's subject is the main clause's, not the words after it.)
    const closing = textAt(tokens, i - 1) === ',' && !isParticiple(tokens[i]);
    // (`"...," citing an instance`: a participle's object is no inverted subject.)
    if (!isParticiple(tokens[i]) && (adjacent || closing || tokens.slice(q.after, i).every(t => !t.isWord || /^(and|then|later|also)$/.test(t.lower)))) {
      const inverted = subjectAfter(text, tokens, i + length - 1, afterEnd);
      if (inverted) return { mention: inverted, cue: cueSpan(tokens, i, length), rule: 'inverted' };
    }
    if (!isParticiple(tokens[i])) break;
  }
  return null;
}

/**
 * `"...," From said`, `"...," May said`: mid-sentence, a capitalised word between a quotation and its
 * cue is a surname even where the word is usually something else.
 */
function surnameAfterQuotation(text: string, tokens: readonly Token[], at: number): Mention | null {
  const t = tokenIfAny(tokens, at);
  if (!t?.isWord || !t.capitalized || !/,["”']\s?$/.test(text.slice(Math.max(0, t.start - 3), t.start)) || /s$/.test(t.lower)) return null;
  if (t.lower in PRONOUNS || t.lower === 'it' || DETERMINERS.has(t.lower) || STANDING_FOR_PEOPLE.has(t.lower) || ROLE_NOUNS.has(t.lower)) return null;
  return newMention(t.start, t.end, 'name', t.text);
}

/** Before the quotation, in the same sentence: `Kerry said, "..."`, `Hammond added that "..."`. */
function beforeQuote(text: string, tokens: readonly Token[], q: QuoteSlot, beforeStart: number, cues: CueMatcher): Attribution | null {
  // `Kerry said ..., adding "..."`: the main verb gives the speaker, the participle is the quotation's cue.
  let participle: CueSpan | null = null;
  for (let i = q.first - 1; i >= beforeStart; i--) {
    const length = cues.cueLength(tokens, i);
    if (length === 0) continue;
    if (isParticiple(tokens[i]) && textAt(tokens, i - 1) === ',') {
      const clause = participle ? null : subordinateSubject(text, tokens, i - 1, beforeStart);
      if (clause) return { mention: clause, cue: cueSpan(tokens, i, length), rule: 'before' };
      participle ??= cueSpan(tokens, i, length);
      continue;
    }
    // `The commission said "..."`: any noun that opens the sentence right before its cue is its source.
    let subject = subjectBefore(text, tokens, i, beforeStart) ?? openingDescription(text, tokens, i, beforeStart) ?? surnameAfterQuotation(text, tokens, i - 1);
    // (`..., citing an instance of "..."`: a participle's object is no inverted subject.)
    if (!subject && i === beforeStart && !isParticiple(tokens[i])) subject = subjectAfter(text, tokens, i + length - 1, q.first);
    // `..., explained Rosenberg, "..."`: an inverted cue right before the quotation.
    if (!subject && textAt(tokens, i - 1) === ',') {
      const inverted = subjectAfter(text, tokens, i + length - 1, q.first);
      if (inverted !== null && inverted.kind === 'name' && tokens.slice(i + length, q.first).every(t => t.end <= inverted.end || !t.isWord)) subject = inverted;
    }
    // `X was defensive about an architect who said..., saying "..."`: the participle's subject is the main clause's.
    if (subject && participle && inRelativeClause(tokens, subject)) continue;
    // `..., said Tom Park, who said he left. "..."`: a quotation after the `who` clause's sentence is the person's own.
    if (subject?.antecedent && isSentenceEnd(tokens, q.first - 1)) subject = subject.antecedent;
    if (subject) {
      const outer = outerSpeaker(text, tokens, subject, beforeStart, cues) ?? issuer(text, tokens, subject, i, beforeStart);
      return outer ? { mention: outer.mention, cue: outer.cue, rule: 'before' } : { mention: subject, cue: participle ?? cueSpan(tokens, i, length), rule: 'before' };
    }
    // `which Ruiz claims affirmed "..."`: the cue before this one has the subject.
    if (i > beforeStart && cues.cueLength(tokens, i - 1) > 0) continue;
    // `Kerry sat down with France 2 ... to discuss "..."`: the sentence's subject.
    const opening = sentenceSubject(text, tokens, beforeStart, i);
    if (opening) return { mention: opening, cue: participle ?? cueSpan(tokens, i, length), rule: 'sentence' };
  }
  return null;
}

const SUBORDINATOR = /^(as|where|while|when)$/;

/**
 * `X asks as a janitor walks in, saying "..."`, `where 50 tenants had gathered, chanting "..."`: a
 * participle after a subordinate clause is that clause's subject's doing. `comma` is the comma before it.
 */
function subordinateSubject(text: string, tokens: readonly Token[], comma: number, floor: number): Mention | null {
  for (let k = comma - 1; k >= Math.max(floor, comma - 12); k--) {
    const t = tokens[k];
    if (!t.isWord) return null;
    if (!SUBORDINATOR.test(t.lower) || t.capitalized) continue;
    const subject = subjectAfter(text, tokens, k, comma);
    if (!subject || subject.kind === 'pronoun') return null;
    // A clause has its verb (`a janitor walks in`, `50 tenants had gathered`); `as a ladder to ...` has none.
    const after = firstIndexAtOrAfter(tokens, subject.end);
    const next = tokenIfAny(tokens, after);
    return next?.isWord && !next.capitalized && !PREPOSITION.test(next.lower) && !/^(and|or)$/.test(next.lower) ? subject : null;
  }
  return null;
}

/**
 * `Trump issued a statement saying "..."`, `the campaign sent out a press release calling it "..."`:
 * the one who issues a document speaks through it.
 */
function issuer(text: string, tokens: readonly Token[], document: Mention, cue: number, floor: number): Omit<Attribution, 'rule'> | null {
  if (document.kind !== 'description' || !isParticiple(tokens[cue])) return null;
  const at = tokenAt(tokens, document.start);
  const sent = sentTo(tokens, at, floor);
  if (sent >= 0) {
    const subject = subjectBefore(text, tokens, sent, floor);
    return subject && { mention: subject, cue: cueSpan(tokens, sent, 1) };
  }
  if (at <= floor) return null;
  const verb = tokens[at - 1];
  if (!verb.isWord || verb.capitalized || PREPOSITION.test(verb.lower) || DETERMINERS.has(verb.lower)) return null;
  const subject = sentenceSubject(text, tokens, floor, at - 1, true);
  return subject && { mention: subject, cue: cueSpan(tokens, at - 1, 1) };
}

const DOCUMENT = /^(message|statement|letter|email|e-mail|memo|release|note|notice|text|tweet|post|video|ad)s?$/;

/**
 * `sent out a text message to supporters saying "..."`: when the words before the participle are the
 * recipients of a document, the index of the verb that sends it (its particle skipped), or -1.
 */
function sentTo(tokens: readonly Token[], recipients: number, floor: number): number {
  if (lowerAt(tokens, recipients - 1) !== 'to' || !DOCUMENT.test(lowerAt(tokens, recipients - 2))) return -1;
  let k = recipients - 3;
  while (k > floor && k > recipients - 7 && tokens[k].isWord && !DETERMINERS.has(tokens[k].lower)) k--;
  if (!DETERMINERS.has(lowerAt(tokens, k))) return -1;
  k--;
  if (/^(out|off|up)$/.test(lowerAt(tokens, k))) k--;
  return k > floor && tokens[k].isWord && !tokens[k].capitalized ? k : -1;
}

const PREPOSITION = /^(after|before|with|of|in|on|at|by|for|from|to|about|under|over|than|as|like|into|during|without)$/;

/**
 * `"... are missing." Trump said.`: a quotation closed with a full stop, then a sentence that is
 * nothing but its attribution.
 */
function shortAttribution(text: string, tokens: readonly Token[], q: QuoteSlot, ceiling: number, cues: CueMatcher): Attribution | null {
  const stop = tokenIfAny(tokens, q.after);
  if (!stop || stop.start !== stop.end) return null;
  const [, end] = sentenceBounds(tokens, q.after + 1, q.after + 1, ceiling);
  if (end - (q.after + 1) > 8 || !/^[.!?]$/.test(textAt(tokens, end - 1))) return null;
  for (let i = q.after + 1; i < end - 1; i++) {
    const length = cues.cueLength(tokens, i);
    if (length === 0) continue;
    const mention = subjectBefore(text, tokens, i, q.after + 1) ?? subjectAfter(text, tokens, i + length - 1, end - 1);
    // At most two words besides (`Trump said Friday.`): `The crowd cheers Trump's words.` is news of its own.
    const others = tokens.slice(q.after + 1, end).filter(t => t.isWord && (t.start < (mention?.start ?? 0) || t.start >= (mention?.end ?? 0))).length - length;
    return mention && others <= 2 ? { mention, cue: cueSpan(tokens, i, length), rule: 'after' } : null;
  }
  return null;
}

const DASH = /^[-―—–]$/;

/**
 * `"..." ― Ana Ruiz`, `"..." -- Ana Ruiz, Denver.`: a name signed after a dash, with nothing after it
 * but its place or the next quotation, is the quotation's speaker. `at` is the token after the quotation.
 */
export function signature(text: string, tokens: readonly Token[], at: number, ceiling: number): Attribution | null {
  // A quotation that ends its sentence leaves a full stop of no width behind it.
  if (at < tokens.length && tokens[at].start === tokens[at].end) at++;
  let k = at;
  while (k < ceiling && k < at + 2 && DASH.test(tokens[k].text)) k++;
  if (k === at || k >= ceiling || !tokens[k].capitalized) return null;
  const mention = nameStartingAt(text, tokens, k, ceiling);
  if (!mention) return null;
  let next = k;
  while (next < ceiling && tokens[next].start < mention.end) next++;
  if (next < ceiling && !/^[.,(]$/.test(tokens[next].text)) return null;
  return { mention, cue: { start: tokens[at].start, end: tokens[k - 1].end }, rule: 'signature' };
}

/** `in his eyes`, `in Ruiz's view`: the nouns that make their possessor the source. */
const POINT_OF_VIEW = /^(eyes|view|words|opinion|estimation|telling)$/;

/** `according to X` in tokens [from, to): X is the source. */
function accordingTo(text: string, tokens: readonly Token[], from: number, to: number, cues: CueMatcher): Attribution | null {
  for (let i = from; i < to - 1; i++) {
    if (!cues.isAccordingTo(tokens, i)) continue;
    const mention = sourceAfterPhrase(text, tokens, i + 1, to);
    if (mention) return { mention, cue: cueSpan(tokens, i, 2), rule: 'according' };
  }
  return null;
}

/**
 * `per X`, `in the words of X`, `in his eyes`, `in X's view` in tokens [from, to): X is the source,
 * unless a cue verb in the sentence names one (`in his view, he said`).
 */
function pointOfView(text: string, tokens: readonly Token[], from: number, to: number): Attribution | null {
  for (let i = from; i < to - 1; i++) {
    const t = tokens[i];
    if (t.lower === 'per' && i + 1 < to) {
      // `per the party's bylaws`, `per CNN`; not `per hour` or `per cent`.
      const next = tokens[i + 1];
      const source = DETERMINERS.has(next.lower) || isPossessive(next) || (next.capitalized && !NOT_NAMES.has(next.lower));
      const mention = source ? sourceAfterPhrase(text, tokens, i, to) : null;
      if (mention) return { mention, cue: cueSpan(tokens, i, 1), rule: 'according' };
    } else if (t.lower === 'in' && i + 4 < to && tokens[i + 1].lower === 'the' && POINT_OF_VIEW.test(tokens[i + 2].lower) && tokens[i + 3].lower === 'of') {
      const mention = sourceAfterPhrase(text, tokens, i + 3, to);
      if (mention) return { mention, cue: cueSpan(tokens, i, 4), rule: 'according' };
    } else if (t.lower === 'in' && i + 2 < to) {
      // `in Forbes’ words`: the apostrophe alone is a token of its own.
      const apostrophe = /^['’]$/.test(tokens[i + 2].text) && tokens[i + 1].lower.endsWith('s') ? 1 : 0;
      if (i + 2 + apostrophe >= to || !POINT_OF_VIEW.test(tokens[i + 2 + apostrophe].lower)) continue;
      const mention = viewHolder(text, tokens[i + 1], apostrophe === 1);
      if (mention) return { mention, cue: cueSpan(tokens, i, 3 + apostrophe), rule: 'according' };
    }
  }
  return null;
}

/** The possessor in `in his eyes` (`his` stands for `he`) or `in Ruiz's view`. */
function viewHolder(text: string, t: Token, apostropheAfter: boolean): Mention | null {
  const pronoun = POSSESSIVE_PRONOUN[t.lower];
  if (pronoun) return newMention(t.start, t.end, 'pronoun', pronoun);
  const end = apostropheAfter ? t.end : t.end - 2;
  if (!t.capitalized || !(apostropheAfter || isPossessive(t)) || NOT_NAMES.has(text.slice(t.start, end).toLowerCase())) return null;
  return newMention(t.start, end, 'name', text.slice(t.start, end));
}

/**
 * `Trump said he responded: "..."`, `Trump said at a rally that Clinton once described it as "..."`:
 * words reported inside someone's reported speech are given to the one who reports them.
 */
function outerSpeaker(text: string, tokens: readonly Token[], inner: Mention, floor: number, cues: CueMatcher): Omit<Attribution, 'rule'> | null {
  for (let k = tokenAt(tokens, inner.start) - 1; k >= floor; k--) {
    // `Cruz said as the heckler yelled: "..."`: another clause, not reported speech.
    if (!tokens[k].isWord || CLAUSE_JOINER.test(tokens[k].lower)) return null;
    if (cues.cueLength(tokens, k) !== 1) continue;
    // `Clinton mocked the complaint, saying anybody who complains...`: a participle's subject is the sentence's.
    // (`"...," the source recalled, adding that X said "..."`: after a quotation, the subject of the cue before the comma.)
    const outer = isParticiple(tokens[k]) && textAt(tokens, k - 1) === ','
      ? sentenceSubject(text, tokens, floor, k - 1) ?? (k - 2 >= floor && cues.cueLength(tokens, k - 2) > 0 ? subjectBefore(text, tokens, k - 2, floor) : null)
      : subjectBefore(text, tokens, k, floor);
    return outer && { mention: outer, cue: cueSpan(tokens, k, 1) };
  }
  return null;
}

/** True when the sentence around a quotation has a cue verb, even one whose speaker was not found. */
export function sentenceHasCue(tokens: readonly Token[], quotes: readonly QuoteSlot[], index: number, cues: CueMatcher): boolean {
  const q = quotes[index];
  const floor = index > 0 ? quotes[index - 1].after : 0;
  const ceiling = index + 1 < quotes.length ? quotes[index + 1].first : tokens.length;
  const [from] = sentenceBounds(tokens, Math.max(floor, q.first - 1), floor, q.first);
  const [, to] = sentenceBounds(tokens, q.after, q.after, ceiling);
  for (let i = from; i < to; i++) if (cues.cueLength(tokens, i) > 0 || cues.isAccordingTo(tokens, i)) return true;
  return false;
}

/**
 * `Kerry: '...'` and `Kerry to French TV: '...'`: a headline that opens with a short name before
 * a colon gives the quotations after the colon to that person.
 */
export function attributeHeadline(text: string, tokens: readonly Token[], quoteStart: number): Attribution | null {
  const colon = tokens.findIndex(t => t.text === ':');
  if (colon <= 0 || colon > 6 || tokens[colon].start > quoteStart) return null;
  let to = colon - 1;
  const toWord = tokens.findIndex((t, k) => k < colon && t.lower === 'to');
  if (toWord > 0) to = toWord - 1;
  if (!tokens.slice(0, to + 1).every(t => t.capitalized || t.text === '.' || t.lower === 'of')) return null;
  const mention = nameStartingAt(text, tokens, 0, to + 1);
  if (!mention || mention.end !== tokens[to].end) return null;
  return { mention, cue: { start: tokens[colon].start, end: tokens[colon].end }, rule: 'headline' };
}

/** Verbs that news headlines put after their subject, besides the cue verbs (`Parents Rally To '...'`). */
const HEADLINE_VERBS = new Set([
  'rip', 'rips', 'rally', 'rallies', 'take', 'takes', 'make', 'makes', 'show', 'shows', 'find', 'finds',
  'give', 'gives', 'get', 'gets', 'seek', 'seeks', 'push', 'pushes', 'hit', 'hits', 'back', 'backs',
  'join', 'joins', 'face', 'faces', 'defend', 'defends', 'attack', 'attacks', 'reject', 'rejects',
  'issue', 'issues', 'deliver', 'delivers', 'share', 'shares', 'insult', 'insults', 'speak', 'speaks',
  'to', 'will', 'just', 'is', 'are', 'was', 'has', 'have', 'can', 'could', 'would', 'won’t', "won't",
]);

/**
 * `Parents Rally To ‘Reclaim Our Schools’`, `Agency issues ‘deep apology’`: a headline quotation
 * that nothing else attributes is its headline's subject's, the words before the first verb.
 */
export function headlineSubject(text: string, tokens: readonly Token[], q: QuoteSlot, cues: CueMatcher): Attribution | null {
  let start = 0;
  for (let k = q.first - 1; k > 0; k--) if (tokens[k].text === ':') { start = k + 1; break; }
  if (!tokenIfAny(tokens, start)?.capitalized) return null;
  const reach = Math.min(q.first, start + 5);
  let verb = -1;
  for (let k = start + 1; k < reach && verb < 0; k++) {
    if (!tokens[k].isWord) return null;
    if (HEADLINE_VERBS.has(tokens[k].lower) || cues.cueLength(tokens, k) > 0) verb = k;
  }
  // `Clinton Speaks ‘...’`, `Senator Shared ‘...’`: else the first word with a verb's ending.
  for (let k = start + 1; verb < 0 && k < reach; k++) {
    if (/[^s]s$|ed$/.test(tokens[k].lower) && !/s$/.test(tokens[k - 1].lower) && tokens[k].text.length > 3) verb = k;
  }
  if (verb < 0) return null;
  const last = tokens[verb - 1];
  const cue = cueSpan(tokens, verb, 1);
  // `Harbour board issues ‘...’`: a headline in sentence case may open with a description.
  if (!last.capitalized) {
    const name = text.slice(tokens[start].start, last.end);
    return { mention: newMention(tokens[start].start, last.end, 'description', name), cue, rule: 'headline' };
  }
  const mention = nameStartingAt(text, tokens, start, verb);
  return mention && mention.end === last.end ? { mention, cue, rule: 'headline' } : null;
}

/** The speaker of a paragraph that introduces the next one: `Caddell continued:`. */
export function attributeIntro(text: string, tokens: readonly Token[], cues: CueMatcher): Attribution | null {
  const last = tokenIfAny(tokens, tokens.length - 1);
  if (!last || last.text !== ':') return null;
  // `Partial transcript as follows:`, `The statement follows:`: what follows speaks as what introduces it.
  const follows = tokens.length - 2;
  if (lowerAt(tokens, follows) === 'follows') {
    const [from] = sentenceBounds(tokens, follows, 0, follows);
    const mention = sentenceSubject(text, tokens, from, follows, true);
    return mention && { mention, cue: cueSpan(tokens, follows, 1), rule: 'intro' };
  }
  for (let i = tokens.length - 2; i >= 0 && i >= tokens.length - 12; i--) {
    const length = cues.cueLength(tokens, i);
    if (length === 0) continue;
    const mention = subjectBefore(text, tokens, i, 0) ?? subjectAfter(text, tokens, i + length - 1, tokens.length - 1);
    if (mention) return { mention, cue: cueSpan(tokens, i, length), rule: 'intro' };
  }
  return null;
}

/** The person the last sentence of a paragraph is about (`Priebus rejected that idea.`), named or a pronoun. */
export function lastSentenceSubject(text: string, tokens: readonly Token[]): Attribution | null {
  if (tokens.length === 0) return null;
  const [from] = sentenceBounds(tokens, tokens.length - 1, 0, tokens.length);
  const mention = sentenceSubject(text, tokens, from, tokens.length);
  if (!mention) return null;
  let verb = from;
  while (verb < tokens.length && tokens[verb].end <= mention.end) verb++;
  const cue = tokenIfAny(tokens, verb);
  if (!cue?.isWord || cue.capitalized) return null;
  return { mention, cue: { start: cue.start, end: cue.end }, rule: 'subject' };
}

/** The last person a paragraph reports as speaking (`Hammond said the meetings would...`). */
export function lastReportedSpeaker(text: string, tokens: readonly Token[], cues: CueMatcher, before = tokens.length): Attribution | null {
  for (let i = before - 1; i >= Math.max(0, before - SENTENCE_REACH); i--) {
    const length = cues.cueLength(tokens, i);
    if (length === 0) continue;
    const mention = subjectBefore(text, tokens, i, 0);
    if (!mention) continue;
    // `Carter said that for decades critics had been predicting...`: Carter is the one reporting.
    const outer = outerSpeaker(text, tokens, mention, 0, cues);
    return outer ? { mention: outer.mention, cue: outer.cue, rule: 'sentence' } : { mention, cue: cueSpan(tokens, i, length), rule: 'sentence' };
  }
  return null;
}
