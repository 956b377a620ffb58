/**
 * Finding the words that name a speaker next to a cue verb: a name (with its titles), a pronoun,
 * or a description. Works on tokens with absolute offsets; `floor`/`ceiling` bound the search.
 */
import { BETWEEN_SUBJECT_AND_CUE, DETERMINERS, INSTITUTION_HEADS, NOT_NAMES, PERSON_NOUNS, PRONOUNS, ROLE_NOUNS, STANDING_FOR_PEOPLE, TITLE_WORDS } from './lexicon';
import { firstIndexAtOrAfter, isAbbreviation, lowerAt, textAt, type Token, tokenIfAny } from './tokens';

export type MentionKind = 'name' | 'pronoun' | 'description';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly kind: MentionKind;
  /** For names: the name without titles (`John Kerry`); otherwise the words as written. */
  readonly name: string;
  /** For names: the titles before it (`Secretary of State`). */
  readonly titles: readonly string[];
  /** For a relative `who`: the mention it stands for, where it is written (`Ana Ruiz, who said`); else null. */
  readonly antecedent: Mention | null;
}

/**
 * Every mention is made here, with the same fields in the same order: objects of one shape keep the
 * optimised code that reads them from being thrown away for an unexpected layout.
 */
export function newMention(start: number, end: number, kind: MentionKind, name: string, titles: readonly string[] = [], antecedent: Mention | null = null): Mention {
  return { start, end, kind, name, titles, antecedent };
}

/** The mention with another extent. */
const spanning = (m: Mention, start: number, end: number): Mention => newMention(start, end, m.kind, m.name, m.titles, m.antecedent);

/** The mention cut short at `end`, named by the words left. */
export const shortenedTo = (text: string, m: Mention, end: number): Mention => newMention(m.start, end, m.kind, text.slice(m.start, end), m.titles, m.antecedent);

const NAME_CONNECTORS = new Set(['of', 'de', 'van', 'von', 'bin', 'al', 'la', 'du', 'da', 'der', 'le', 'del', 'el', 'ibn', 'abu', 'di']);
const DAYS_AND_TIMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'recently', 'earlier', 'later', 'again', 'also', 'then']);
/** Words that end a noun phrase: auxiliaries and common verbs (`The inquiry has frustrated...`). */
const VERBISH = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'not', 'also', 'then', 'still', 'just', 'who', 'whom', 'whose', 'which', 'that', 'what', 'where', 'when', 'how', 'why', 'it', 'he', 'she', 'they', 'we', 'i', 'you']);
const FORWARD_STOPS = new Set(['who', 'which', 'that', 'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'for', 'with', 'from', 'about', 'and', 'but', 'or', 'adding', 'referring', 'noting', 'saying', 'told', 'said', 'says', 'in', 'according', 'than', 'if', 'because', 'since', 'into', 'over', 'under']);

/** `a nurse`, `the priest`, `a refugee`: nouns for people whatever their ending. */
const PERSON_HEADS: ReadonlySet<string> = new Set(PERSON_NOUNS.flatMap(noun => [noun, noun.endsWith('man') ? `${noun.slice(0, -3)}men` : `${noun}s`]));

/** Nouns for people by their ending: `the protester`, `the economist`, `the historian`. */
const AGENT_NOUN = /(er|or|ist|ian|ant|ent|man|woman|men|women|ers|ors|ists|ians|ants|ents)$/;

const bare = (t: Token) => t.lower.replace(/\.$/, '');
/** `Ruiz's`, `Davis’s`: a word with a possessive ending. */
export const isPossessive = (t: Token) => /['’]s$/i.test(t.text);

function nameLike(t: Token): boolean {
  return t.isWord && t.capitalized && !isPossessive(t);
}

/** The last word before `of` in `Stephanie Hooton of Derry`: a person's name, not a title or an institution. */
function namesPersonBeforeOf(t: Token): boolean {
  return nameLike(t) && !TITLE_WORDS.has(bare(t)) && !INSTITUTION_HEADS.has(t.lower);
}

/** `B` in `Charles B. Rangel`, `G.K` in `G.K. Butterfield`; not `U.S`. */
const isInitial = (t: Token) => /^([A-Z]\.)*[A-Z]$/.test(t.text) && !TITLE_WORDS.has(t.lower);

/** Where the name ending at `to` starts: the trailing run of words that are not title words. */
function nameStart(tokens: readonly Token[], from: number, to: number): number {
  let nameFrom = to;
  while (nameFrom - 1 >= from) {
    const t = tokens[nameFrom - 1];
    if (t.text === '.' && nameFrom - 2 >= from && isInitial(tokens[nameFrom - 2])) { nameFrom -= 2; continue; }
    if (!t.isWord || TITLE_WORDS.has(bare(t)) || t.lower === 'of') break;
    nameFrom--;
  }
  return nameFrom;
}

/** Builds a name mention from tokens [from, to], splitting leading titles off; the rest is titles. */
function nameMention(text: string, tokens: readonly Token[], from: number, to: number): Mention | null {
  while (from <= to && tokens[from].isWord && NOT_NAMES.has(tokens[from].lower) && !TITLE_WORDS.has(tokens[from].lower)) from++;
  while (to >= from && (!tokens[to].isWord || NOT_NAMES.has(tokens[to].lower) || NAME_CONNECTORS.has(tokens[to].lower))) to--;
  if (from > to) return null;
  let nameFrom = nameStart(tokens, from, to);
  if (TITLE_WORDS.has(bare(tokens[nameFrom])) && nameFrom === to && !tokens[to].capitalized) return null;
  let nameTo = to;
  if (nameFrom - 2 >= from && tokens[nameFrom - 1].lower === 'of') {
    const before = tokens[nameFrom - 2];
    if (namesPersonBeforeOf(before)) {
      // `Stephanie Hooton of Derry`: the person, then where they are from.
      nameTo = nameFrom - 2;
      nameFrom = nameStart(tokens, from, nameTo);
    } else if (before.capitalized && INSTITUTION_HEADS.has(before.lower)) {
      nameFrom = from; // `National Democratic Party of Germany` stays whole
    }
  }
  const start = tokens[from].start;
  const end = tokens[to].end;
  const name = text.slice(tokens[nameFrom].start, tokens[nameTo].end);
  const titles = nameFrom > from ? [text.slice(start, tokens[nameFrom - 1].end).replace(/\s+/g, ' ')] : [];
  return newMention(start, end, 'name', name, titles);
}

/** Walks left over a capitalised run that ends at `to`: `Secretary of State John Kerry`, `Sen. Bob Corker`. */
function nameEndingAt(text: string, tokens: readonly Token[], to: number, floor: number): Mention | null {
  let from = to;
  for (let k = to - 1; k >= floor; k--) {
    const t = tokens[k];
    if (nameLike(t)) { from = k; continue; }
    if (t.text === '.' && k > floor && isAbbreviation(tokens[k - 1]) && tokenIfAny(tokens, k + 1)?.capitalized) continue;
    if (t.isWord && NAME_CONNECTORS.has(t.lower) && k > floor && tokens[k - 1].capitalized) continue;
    break;
  }
  const of = from - 2;
  const beforeOf = of - 1;
  if (beforeOf >= floor && tokens[of].lower === 'of' && tokens[of + 1].lower === 'the' && namesPersonBeforeOf(tokens[beforeOf])) {
    // `Jane Roe of the Harbour Institute said`: the person, not the institution.
    const person = nameEndingAt(text, tokens, beforeOf, floor);
    if (person) return spanning(person, person.start, tokens[to].end);
  }
  return nameMention(text, tokens, from, to);
}

/** Walks right over a capitalised run that starts at `from`. */
export function nameStartingAt(text: string, tokens: readonly Token[], from: number, ceiling: number): Mention | null {
  let to = from;
  for (let k = from + 1; k < ceiling; k++) {
    const t = tokens[k];
    if (t.isWord && t.capitalized && !DAYS_AND_TIMES.has(t.lower)) { to = k; if (isPossessive(t)) return null; continue; }
    if (t.text === '.' && isAbbreviation(tokens[k - 1]) && tokenIfAny(tokens, k + 1)?.capitalized) continue;
    if (t.isWord && NAME_CONNECTORS.has(t.lower) && tokenIfAny(tokens, k + 1)?.capitalized) continue;
    break;
  }
  return nameMention(text, tokens, from, to);
}

/** `the former secretary of state`: a role noun before `of` heads the phrase. */
function roleOfPhrase(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to - 1; k++) if (tokens[k + 1].lower === 'of' && ROLE_NOUNS.has(tokens[k].lower)) return true;
  return false;
}

const OBJECT_PREPOSITION = /^(without|with|for|to|by|of|from|among|against|about|like)$/;

/** A word that heads a description of people: `official`, `spokesman`, `protesters`. */
const headsPeople = (t: Token) => t.isWord && !t.capitalized && (ROLE_NOUNS.has(t.lower) || PERSON_HEADS.has(t.lower) || AGENT_NOUN.test(t.lower));

/** A description ending at `to` (its head noun): `the UK secretary`, `a State Department official`. */
function descriptionEndingAt(text: string, tokens: readonly Token[], to: number, floor: number, anyHead = false): Mention | null {
  const head = tokens[to];
  if (!head.isWord) return null;
  let from = -1;
  let and = -1;
  for (let k = to - 1; k >= Math.max(floor, and < 0 ? to - 7 : and - 6); k--) {
    const t = tokens[k];
    // `the front-runner and former secretary of state`, `many marchers and spectators`: two roles of one subject.
    // (`his supporters and 22 percent` are two groups.)
    if (t.lower === 'and' && and < 0 && k - 1 >= floor && headsPeople(tokens[k - 1]) && !/^\d/.test(tokens[k + 1].text)) { and = k; continue; }
    if (t.isWord && DETERMINERS.has(t.lower)) {
      // `the two engineers`, `her three sons`: a quantifier after a determiner.
      from = k > floor && DETERMINERS.has(tokens[k - 1].lower) ? k - 1 : k;
      break;
    }
    if (t.isWord && isPossessive(t)) { from = k; break; }
    if (!t.isWord && t.text !== '-' && !(t.text === '.' && isAbbreviation(tokens[k - 1]))) break;
    if (t.isWord && (FORWARD_STOPS.has(t.lower) || BETWEEN_SUBJECT_AND_CUE.has(t.lower) || VERBISH.has(t.lower))) break;
  }
  if (from < 0 && STANDING_FOR_PEOPLE.has(head.lower)) {
    if (!opensClause(tokens, to)) return null;
    from = to;
  } else if (from < 0) {
    // Bare plural roles (`U.S. officials said`, `former employees have called`) or a role noun alone.
    if (!ROLE_NOUNS.has(head.lower) && !(PERSON_HEADS.has(head.lower) && /(s|men)$/.test(head.lower))) return null;
    from = to;
    // `U.S. officials`, `committee Democrats`: names and roles before it qualify it.
    const qualifies = (t: Token) => t.isWord && (t.capitalized ? !NOT_NAMES.has(t.lower) : ROLE_NOUNS.has(t.lower) && !STANDING_FOR_PEOPLE.has(t.lower));
    while (from - 1 >= floor && qualifies(tokens[from - 1])) from--;
    // `without reporters asking`: a plural of people after a preposition is its object, unless a role (`with officials saying`).
    if (!ROLE_NOUNS.has(head.lower) && OBJECT_PREPOSITION.test(lowerAt(tokens, from - 1))) return null;
  } else if (!ROLE_NOUNS.has(head.lower) && !PERSON_HEADS.has(head.lower) && !(STANDING_FOR_PEOPLE.has(head.lower) && from === to - 1) && !roleOfPhrase(tokens, from, to)
    // `those surveyed`, `those polled`: people named by what was done to them.
    && !(from === to - 1 && tokens[from].lower === 'those' && head.lower.endsWith('ed'))
    && (to - Math.max(from, and) > 4 || !(anyHead || AGENT_NOUN.test(head.lower)))) {
    return null;
  }
  const start = tokens[from].start;
  return newMention(start, head.end, 'description', text.slice(start, head.end));
}

const PARTICLE_OR_OBJECT = /^(in|out|up|down|past|over|on|off|back|into|to|at|by|from|with|around|away|through|across|the|a|an|his|her|their|its)$/;
const IRREGULAR_PAST = /^(put|sent|said|told|made|took|gave|got|went|came|wrote|ran|set|held|began|left|kept|brought|found|thought|spent|won|lost|led|met|saw|knew|chose|struck)$/;

function descriptionStartingAt(text: string, tokens: readonly Token[], from: number, ceiling: number): Mention | null {
  let to = from;
  for (let k = from + 1; k < Math.min(ceiling, from + 7); k++) {
    const t = tokens[k];
    if (!t.isWord) {
      if (t.text === '-' || (t.text === '.' && isAbbreviation(tokens[k - 1]))) continue;
      break;
    }
    // (`The so called "..."`: an adverb, no noun.)
    if (FORWARD_STOPS.has(t.lower) || VERBISH.has(t.lower) || t.lower === 'so') break;
    // `The music seemed`, `the department isn't`, `the office put out`: a verb after the noun ends the phrase.
    if (k >= from + 2 && (/n['’]t$/.test(t.lower) || IRREGULAR_PAST.test(t.lower) || (/ed$/.test(t.lower) && !tokens[k - 1].lower.endsWith('ed')))) break;
    // `a janitor walks past`: a verb in the present, after a singular noun and before a particle or an object.
    if (k >= from + 2 && /[^s]s$/.test(t.lower) && !/s$|^of$/.test(tokens[k - 1].lower) && !FORWARD_STOPS.has(tokens[k - 1].lower) && PARTICLE_OR_OBJECT.test(lowerAt(tokens, k + 1))) break;
    to = k;
    if (ROLE_NOUNS.has(t.lower) && !(tokenIfAny(tokens, k + 1)?.isWord && !FORWARD_STOPS.has(tokens[k + 1].lower))) break;
  }
  if (to === from) return null;
  return newMention(tokens[from].start, tokens[to].end, 'description', text.slice(tokens[from].start, tokens[to].end));
}

/** `he`, `she`, `they`, `it`, also contracted: `He’s predicting...`. */
function pronounAt(t: Token): Mention | null {
  if (!t.isWord) return null;
  const word = t.lower.replace(/['’](s|d|ll|re|ve)$/, '');
  if (!(word in PRONOUNS) && word !== 'it') return null;
  const end = t.start + word.length;
  return newMention(t.start, end, 'pronoun', t.text.slice(0, word.length));
}

/** Tokens between the commas at `open` and `close` are a place's second part: `Ohio`, `Mich.`, `New Hampshire`. */
function isPlaceTail(tokens: readonly Token[], open: number, close: number): boolean {
  if (close - open < 2 || close - open > 4 || !tokenIfAny(tokens, open - 1)?.capitalized) return false;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k];
    // `McConnell, R-Ky., said`: a party tag is the person's.
    if (/^[A-Z]-/.test(t.text) || (!t.capitalized && !(t.text === '.' && isAbbreviation(tokens[k - 1])))) return false;
  }
  return true;
}

/** Skips a bracketed aside leftwards: `Sen. Tim Kaine (D-Va.) said`. */
function skipParentheticalLeft(tokens: readonly Token[], k: number, floor: number): number {
  if (textAt(tokens, k) !== ')') return k;
  for (let j = k - 1; j >= floor; j--) if (tokens[j].text === '(') return j - 1;
  return k;
}

/**
 * The subject of the cue at `cue`, looking left no further than `floor`:
 * `Kerry said`, `he also said`, `the official said`, `Mogherini, who will join the talks, said`.
 */
export function subjectBefore(text: string, tokens: readonly Token[], cue: number, floor: number, depth = 0, anyHead = false): Mention | null {
  // `the so called "..."`: `so-called` has no subject.
  if (tokens[cue].lower === 'called' && lowerAt(tokens, cue - 1) === 'so') return null;
  let k = cue - 1;
  while (k >= floor) {
    const t = tokens[k];
    if (t.isWord && !t.capitalized && t.lower !== 'who' && (BETWEEN_SUBJECT_AND_CUE.has(t.lower) || /ly$/.test(t.lower))) { k--; continue; }
    if (t.isWord && DAYS_AND_TIMES.has(t.lower) && lowerAt(tokens, k - 1) === 'on') { k -= 2; continue; }
    // `who in 2010 said`, `who has in the past described`
    if (/^\d{4}$/.test(t.text) && lowerAt(tokens, k - 1) === 'in') { k -= 2; continue; }
    if (/^(past|days|weeks|months|years)$/.test(t.lower) && lowerAt(tokens, k - 1) === 'the' && /^(in|over)$/.test(lowerAt(tokens, k - 2))) { k -= 3; continue; }
    break;
  }
  k = skipParentheticalLeft(tokens, k, floor);
  if (k < floor) return null;
  const t = tokens[k];
  if (t.text === ',' && textAt(tokens, k - 1) === ')') {
    // `Gov. John Kasich (R-Ohio), said`
    const named = subjectAt(text, tokens, skipParentheticalLeft(tokens, k - 1, floor), floor);
    if (named !== null && named.kind === 'name') return named;
  }
  // `49% say`, `Just shy of half, 49%, say`: a share of those asked.
  if (t.text === '%' && /^\d/.test(textAt(tokens, k - 1)) && k - 1 >= floor) return share(text, tokens[k - 1], t);
  if (t.text === ',' && textAt(tokens, k - 1) === '%' && /^\d/.test(textAt(tokens, k - 2)) && textAt(tokens, k - 3) === ',' && k - 3 >= floor) return share(text, tokens[k - 2], tokens[k - 1]);
  if (t.text === ',' && depth < 3) {
    // An aside between subject and verb: look before the comma that opens it.
    let closing = k;
    let place = -1;
    for (let j = k - 1; j >= floor; j--) {
      if (tokens[j].text === ',' || tokens[j].text === '—' || tokens[j].text === '–') {
        // `Clinton, at a meeting in Columbus, Ohio, said`: `Ohio` completes a place, not the aside.
        if (place < 0 && isPlaceTail(tokens, j, closing)) { place = j; closing = j; continue; }
        const subject = subjectAt(text, tokens, skipParentheticalLeft(tokens, j - 1, floor), floor);
        if (subject) return subject;
        closing = j;
      }
    }
    return place >= 0 ? subjectAt(text, tokens, place - 1, floor) : null;
  }
  if (t.lower === 'who' && !t.capitalized) {
    // `Pence, who called their son "..."`, `a spymaster who wrote about "..."`: the relative pronoun
    // is the mention, standing for the one before it when that one is found. (`which` and `that`
    // are left alone: their clause is as often the object of someone's words, `a sign which read`.)
    const antecedent = subjectAt(text, tokens, textAt(tokens, k - 1) === ',' ? k - 2 : k - 1, floor);
    return antecedent ? newMention(t.start, t.end, antecedent.kind, antecedent.name, antecedent.titles, antecedent) : newMention(t.start, t.end, 'pronoun', t.text);
  }
  return subjectAt(text, tokens, k, floor, anyHead);
}

const share = (text: string, from: Token, to: Token): Mention => newMention(from.start, to.end, 'description', text.slice(from.start, to.end));

function subjectAt(text: string, tokens: readonly Token[], k: number, floor: number, anyHead = false): Mention | null {
  if (k < floor) return null;
  const t = tokens[k];
  if (!t.isWord) return null;
  const pronoun = pronounAt(t);
  if (pronoun) return pronoun;
  const mention = t.capitalized && !NOT_NAMES.has(t.lower) ? nameEndingAt(text, tokens, k, floor)
    : !t.capitalized || STANDING_FOR_PEOPLE.has(t.lower) || ROLE_NOUNS.has(t.lower) ? descriptionEndingAt(text, tokens, k, floor, anyHead) ?? peopleBeforePlace(text, tokens, k, floor)
    : null;
  return mention && withHolder(text, tokens, mention, floor);
}

/** `voters in each state say`, `delegates from every county said`: the people before a place they are in. */
function peopleBeforePlace(text: string, tokens: readonly Token[], k: number, floor: number): Mention | null {
  for (let p = k - 1; p >= Math.max(floor + 1, k - 3); p--) {
    const t = tokens[p];
    if (!t.isWord || t.capitalized) return null;
    if (!/^(in|from|across)$/.test(t.lower)) continue;
    const people = tokens[p - 1];
    return people.isWord && !people.capitalized && /s$/.test(people.lower) && (ROLE_NOUNS.has(people.lower) || PERSON_HEADS.has(people.lower)) ? descriptionEndingAt(text, tokens, p - 1, floor) : null;
  }
  return null;
}

const HOLDER_PREPOSITION = /^(in|at|for|from|of|with|on|among|to)$/;

/**
 * `a staffer in the room said`, `a spokesman for committee Democrats said`, `a source speaking to
 * Fox News said`, `a person close to the campaign said`: the words before the cue are the object of
 * a preposition; the person they belong to is the speaker.
 */
function withHolder(text: string, tokens: readonly Token[], held: Mention, floor: number): Mention {
  let at = firstIndexAtOrAfter(tokens, held.start);
  if (lowerAt(tokens, at - 1) === 'the') at--; // `the Coast Herald`
  const preposition = tokenIfAny(tokens, at - 1);
  if (!preposition?.isWord || !HOLDER_PREPOSITION.test(preposition.lower)) return held;
  let head = at - 2;
  if (head >= floor && (isParticiple(tokens[head]) || /^(familiar|close)$/.test(tokens[head].lower))) head--;
  if (head < floor || !tokens[head].isWord || (tokens[head].capitalized && !STANDING_FOR_PEOPLE.has(tokens[head].lower))) return held;
  const holder = descriptionEndingAt(text, tokens, head, floor);
  return holder ? newMention(holder.start, held.end, 'description', text.slice(holder.start, held.end)) : held;
}

/** `saying`, `speaking`: a present participle (or any word ending so). */
export const isParticiple = (t: Token) => t.isWord && t.lower.endsWith('ing');

const HONORIFICS = new Set(['mr', 'mrs', 'ms']);

/** The subject after an inverted cue: `said Kerry`, `said the official`, `added Rep. Jim Clyburn`. */
export function subjectAfter(text: string, tokens: readonly Token[], cue: number, ceiling: number): Mention | null {
  let k = cue + 1;
  if (k >= ceiling) return null;
  const t = tokens[k];
  if (!t.isWord) return null;
  // `said Democratic strategist David Axelrod`: a capitalised word, a role, then the name.
  const role = tokenIfAny(tokens, k + 1);
  if (t.capitalized && role?.isWord && !role.capitalized && !NAME_CONNECTORS.has(role.lower) && (ROLE_NOUNS.has(role.lower) || TITLE_WORDS.has(role.lower))) {
    const described = describedName(text, tokens, k + 1, ceiling);
    if (described) return spanning(described, t.start, described.end);
  }
  // `said Mr. McGinley`: an honorific opens a name.
  if (t.capitalized && (!NOT_NAMES.has(t.lower) || HONORIFICS.has(t.lower))) return nameStartingAt(text, tokens, k, ceiling);
  // `He’s`, `It’s`: a pronoun, not a possessive.
  const pronoun = pronounAt(t);
  if (pronoun) return pronoun;
  if (DETERMINERS.has(t.lower) || isPossessive(t) || opensQuantity(tokens, k)) return descriptionStartingAt(text, tokens, k, ceiling) ?? standingAlone(t);
  return describedName(text, tokens, k, ceiling) ?? standingAlone(t);
}

/** `200 protesters`, `about 50 protesters`: a number, perhaps rounded, opens a description as a determiner does. */
function opensQuantity(tokens: readonly Token[], k: number): boolean {
  const number = /^(about|nearly|almost|roughly|some|around|over)$/.test(tokens[k].lower) ? tokenIfAny(tokens, k + 1) : tokens[k];
  return number !== undefined && /^\d[\d,]*$/.test(number.text);
}

/**
 * True when `tokens[k]` opens a clause: after punctuation or `and`, `but`, `yet`, `so`. A word that
 * stands for people is a subject only there (`Others shouted`, not `for many state workers` or
 * `which some have argued`).
 */
export function opensClause(tokens: readonly Token[], k: number): boolean {
  const before = tokenIfAny(tokens, k - 1);
  return before === undefined || !before.isWord || /^(and|but|yet|so|when|while|if)$/.test(before.lower);
}

/** `said another`, `tweeted others`: a word that stands for people on its own. */
function standingAlone(t: Token): Mention | null {
  return STANDING_FOR_PEOPLE.has(t.lower) ? newMention(t.start, t.end, 'description', t.text) : null;
}

/** Words that put a time, not a person, between a cue and a name: `said last week Trump...`. */
const TIME_WORDS = /^(last|next|this|week|weeks|month|months|year|years|night|morning|afternoon|evening|ago|day|days)$/;

/**
 * `said pollster Frank Luntz`, `said former Pennsylvania Gov. Ed Rendell`, `said undecided Republican
 * voter Stephanie Hooton`: lower-case words that describe the name after them belong to the mention.
 */
function describedName(text: string, tokens: readonly Token[], from: number, ceiling: number): Mention | null {
  const describes = (t: Token | undefined) => t !== undefined && t.isWord && !t.capitalized && !FORWARD_STOPS.has(t.lower)
    && !VERBISH.has(t.lower) && !DAYS_AND_TIMES.has(t.lower) && !TIME_WORDS.test(t.lower) && !/ly$/.test(t.lower);
  if (!describes(tokens[from])) return null;
  for (let k = from + 1; k < Math.min(ceiling, from + 6); k++) {
    const t = tokens[k];
    if (describes(t)) continue;
    if (!t.isWord || !t.capitalized) return null;
    if (describes(tokens[k + 1]) && k + 1 < ceiling) continue; // `Republican voter`: a capitalised modifier
    const name = nameStartingAt(text, tokens, k, ceiling);
    return name && spanning(name, tokens[from].start, name.end);
  }
  return null;
}

/** The source after `according to`: a name or a description. */
export function sourceAfterPhrase(text: string, tokens: readonly Token[], last: number, ceiling: number): Mention | null {
  const k = last + 1;
  if (k >= ceiling || !tokens[k].isWord) return null;
  const t = tokens[k];
  if (t.capitalized && !NOT_NAMES.has(t.lower)) return nameStartingAt(text, tokens, k, ceiling);
  if (t.capitalized && t.lower === 'the') return descriptionStartingAt(text, tokens, k, ceiling) ?? nameStartingAt(text, tokens, k + 1, ceiling);
  if (DETERMINERS.has(t.lower) || isPossessive(t)) return descriptionStartingAt(text, tokens, k, ceiling);
  // `according to talk radio host Rush Limbaugh`, `according to show insiders`, `according to court records`
  return pronounAt(t) ?? describedName(text, tokens, k, ceiling) ?? bareNounPhrase(text, tokens, k, ceiling);
}

/** A noun phrase without a determiner, to its last role noun or plural: `show insiders`, `court records`. */
function bareNounPhrase(text: string, tokens: readonly Token[], from: number, ceiling: number): Mention | null {
  let head = -1;
  let last = -1;
  for (let k = from; k < Math.min(ceiling, from + 5); k++) {
    const t = tokens[k];
    if (!t.isWord || FORWARD_STOPS.has(t.lower) || VERBISH.has(t.lower)) break;
    last = k;
    if (ROLE_NOUNS.has(t.lower) || (k > from && AGENT_NOUN.test(t.lower) && t.lower.endsWith('s'))) head = k;
  }
  // `court records`: a plural at the end heads the phrase too.
  const end = head < 0 || tokens[last].lower.endsWith('s') ? last : head;
  if (end < 0) return null;
  return newMention(tokens[from].start, tokens[end].end, 'description', text.slice(tokens[from].start, tokens[end].end));
}
