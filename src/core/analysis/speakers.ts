/**
 * One person, one speaker. Collects the people an article names (`UK Foreign Secretary Philip
 * Hammond`, later `Hammond`), and resolves the pronouns (`he`) and descriptions (`the UK
 * secretary`) that stand for them.
 */
import type { SpeakerRecord } from '../types';
import { FIRST_NAME_GENDER, HONORIFIC_GENDER, INSTITUTION_HEADS, NOT_NAMES, PRONOUNS, TITLE_WORDS } from './lexicon';
import type { Mention } from './mentions';

type Gender = 'm' | 'f' | 'plural' | undefined;

export interface Person {
  name: string;
  readonly aliases: Set<string>;
  readonly titles: Set<string>;
  gender: Gender;
  /** A description nobody in the article is named for (`the official`). */
  readonly unnamed: boolean;
  quotes: number;
  /** Offset of the latest mention recorded so far. */
  lastSeen: number;
}

interface Occurrence {
  readonly person: Person;
  readonly position: number;
  readonly paragraph: number;
  /** Opens its sentence or speaks: the likely referent of a later `he`. */
  readonly subject: boolean;
}

/** How many earlier mentions a pronoun or description may look back over. */
const LOOKBACK = 200;
/** Up to this many occurrences out of order are put in place one by one; more are merged in one pass. */
const FEW_PENDING = 16;

/** How many occurrences of `list` (in text order) lie before `position`, or at it too when `orAt`. */
function countBefore(list: readonly Occurrence[], position: number, orAt: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].position < position || (orAt && list[mid].position === position)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const surnameOf = (name: string) => words(name).at(-1)!.toLowerCase().replace(/['’]s$/, '');
/**
 * The lower-case words before the surname. Sliced from the words rather than mapped: an empty array
 * from `map` has another hidden class than a full one, and code compiled for one is thrown away on the other.
 */
const givenNames = (name: string) => words(name.toLowerCase()).slice(0, -1);

/** Title words that a description's head noun stands for. */
const HEAD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  senator: ['sen', 'senator'],
  congressman: ['rep', 'representative', 'congressman'],
  congresswoman: ['rep', 'representative', 'congresswoman'],
  lawmaker: ['sen', 'rep', 'senator', 'representative'],
  governor: ['gov', 'governor'],
  official: ['secretary', 'minister', 'official', 'spokesman', 'spokeswoman', 'director', 'chief', 'ambassador', 'envoy', 'commissioner', 'adviser'],
  diplomat: ['secretary', 'minister', 'ambassador', 'envoy'],
  candidate: ['candidate', 'nominee'],
  nominee: ['candidate', 'nominee'],
  minister: ['minister', 'secretary'],
  secretary: ['secretary', 'minister'],
};
const GENERIC_MODIFIERS = new Set(['former', 'top', 'senior', 'new', 'current', 'then', 'outgoing', 'incoming', 'longtime', 'veteran', 'same', 'other', 'british', 'american', 'foreign']);

export class SpeakerRegistry {
  readonly people: Person[] = [];
  private occurrences: Occurrence[] = [];
  /** Occurrences recorded out of order, in the order they came, until `settle` merges them. */
  private pending: Occurrence[] = [];
  private readonly bySurname = new Map<string, Person[]>();
  /** Names as written, once resolved: an article repeats its names many times. */
  private readonly byWrittenName = new Map<string, Person>();
  /** Mentions already resolved, by offset: two quotations can share one `he said`. */
  private readonly resolved = new Map<number, Person | null>();

  private remember<T extends Person | null>(position: number, person: T): T {
    this.resolved.set(position, person);
    return person;
  }

  /** Records a named person (or finds the one already known) at a position in the article. */
  addName(name: string, titles: readonly string[], position: number, paragraph: number, subject: boolean): Person {
    const seen = this.byWrittenName.get(name);
    if (seen) {
      // The same words again: only new titles can add anything.
      for (const title of titles) seen.titles.add(title);
      this.record({ person: seen, position, paragraph, subject });
      return seen;
    }
    const clean = name.replace(/['’]s$/, '').replace(/\s+/g, ' ').trim();
    const person = this.findByName(clean) ?? this.create(clean);
    this.byWrittenName.set(name, person);
    if (words(clean).length > words(person.name).length) {
      person.aliases.add(person.name);
      person.name = clean;
    } else if (clean !== person.name) {
      person.aliases.add(clean);
    }
    for (const title of titles) person.titles.add(title);
    person.gender ??= genderOf(person, titles);
    this.record({ person, position, paragraph, subject });
    return person;
  }

  private create(name: string): Person {
    const person: Person = { name, aliases: new Set(), titles: new Set(), gender: undefined, unnamed: false, quotes: 0, lastSeen: -1 };
    this.people.push(person);
    const key = surnameOf(name);
    this.bySurname.set(key, [...(this.bySurname.get(key) ?? []), person]);
    return person;
  }

  /** `Kerry` and `John Kerry` are one person; `Bill Clinton` and `Hillary Clinton` are not. */
  private findByName(name: string): Person | undefined {
    const candidates = this.bySurname.get(surnameOf(name));
    if (!candidates) return undefined;
    const given = givenNames(name);
    const compatible = candidates.filter(p => {
      const theirs = givenNames(p.name);
      return given.length === 0 || theirs.length === 0 || given.every(w => theirs.includes(w)) || theirs.every(w => given.includes(w));
    });
    if (compatible.length === 0) return undefined;
    const exact = compatible.find(p => p.name.toLowerCase() === name.toLowerCase());
    return exact ?? (given.length === 0 ? this.mostRecent(compatible) : compatible[0]);
  }

  /**
   * Keeps occurrences in text order, those at one position in the order they came. They mostly
   * arrive in order; a paragraph's attributions come after its names, and those wait in `pending`
   * until they are needed, so a long paragraph is not shifted along once for each of them.
   */
  private record(occurrence: Occurrence): void {
    const list = this.occurrences;
    if (this.pending.length > 0 || (list.length > 0 && list[list.length - 1].position > occurrence.position)) this.pending.push(occurrence);
    else list.push(occurrence);
    occurrence.person.lastSeen = Math.max(occurrence.person.lastSeen, occurrence.position);
  }

  /** Puts the occurrences that came out of order in their places: a few one by one, many in one merge. */
  private settle(): void {
    if (this.pending.length === 0) return;
    const list = this.occurrences;
    if (this.pending.length <= FEW_PENDING) {
      for (const occurrence of this.pending) list.splice(countBefore(list, occurrence.position, true), 0, occurrence);
      this.pending = [];
      return;
    }
    const late = this.pending.sort((a, b) => a.position - b.position);
    const merged: Occurrence[] = [];
    let i = 0;
    for (const occurrence of late) {
      while (i < list.length && list[i].position <= occurrence.position) merged.push(list[i++]);
      merged.push(occurrence);
    }
    while (i < list.length) merged.push(list[i++]);
    this.occurrences = merged;
    this.pending = [];
  }

  /**
   * Occurrences before `position`, latest first, no further back than `LOOKBACK` of them: a pronoun
   * or description never reaches that far, and a longer search would make huge articles quadratic.
   */
  private *before(position: number): Generator<Occurrence> {
    this.settle();
    const lo = countBefore(this.occurrences, position, false);
    for (let i = lo - 1; i >= Math.max(0, lo - LOOKBACK); i--) yield this.occurrences[i];
  }

  private mostRecent(people: readonly Person[]): Person {
    return people.reduce((best, p) => (p.lastSeen > best.lastSeen ? p : best));
  }

  /** The person a pronoun at `position` stands for: the latest subject or speaker it can be. */
  resolvePronoun(pronoun: string, position: number, paragraph: number): Person | null {
    const known = this.resolved.get(position);
    if (known !== undefined) return known;
    const gender = PRONOUNS[pronoun.toLowerCase()];
    if (gender !== 'm' && gender !== 'f') return null;
    const before = [...this.before(position)].filter(o => o.person.gender === undefined || o.person.gender === gender);
    const pick = (test: (o: Occurrence) => boolean) => before.find(test)?.person ?? null;
    const person = pick(o => o.paragraph === paragraph && o.subject)
      ?? pick(o => o.paragraph === paragraph && o.person.unnamed)
      ?? pick(o => paragraph - o.paragraph <= 3 && o.subject)
      ?? pick(o => paragraph - o.paragraph <= 3)
      ?? pick(() => true);
    if (person && person.gender === undefined) person.gender = gender;
    return this.remember(position, person);
  }

  /** The named person a description stands for, or an unnamed speaker kept under the description. */
  resolveDescription(mention: Mention, position: number, paragraph: number): Person {
    const known = this.resolved.get(position);
    if (known) return known;
    const all = words(mention.name.toLowerCase().replace(/['’]s\b/g, ''));
    const head = all.at(-1)!;
    const modifiers = all.slice(1, -1).filter(w => !GENERIC_MODIFIERS.has(w) && !NOT_NAMES.has(w));
    const heads = HEAD_SYNONYMS[head] ?? [head];
    const matches = (p: Person) => {
      if (p.unnamed) return p.name.toLowerCase().endsWith(head);
      const titleWords = new Set([...p.titles].flatMap(t => words(t.toLowerCase().replace(/\./g, ''))));
      return heads.some(h => titleWords.has(h)) && modifiers.every(m => titleWords.has(m.replace(/\./g, '')) || !TITLE_WORDS.has(m.replace(/\./g, '')) && !/^[A-Z]/.test(m));
    };
    // `a State Department official` introduces someone new; `the official` looks back.
    const indefinite = /^(a|an|another|one)$/.test(all[0]);
    for (const o of indefinite ? [] : this.before(position)) {
      if (matches(o.person)) {
        this.record({ person: o.person, position, paragraph, subject: true });
        return this.remember(position, o.person);
      }
    }
    const name = mention.name.replace(/^(a|an|A|An)\s+/, 'the ');
    const person: Person = { name, aliases: new Set(), titles: new Set(), gender: /s$/.test(head) ? 'plural' : undefined, unnamed: true, quotes: 0, lastSeen: -1 };
    this.people.push(person);
    this.record({ person, position, paragraph, subject: true });
    return this.remember(position, person);
  }

  /** Someone the article brings in without a name (`a militant speaking in a British accent`). */
  addUnnamed(description: string, position: number, paragraph: number): void {
    const name = description.replace(/^(a|an)\s+/i, 'the ');
    const person: Person = { name, aliases: new Set(), titles: new Set(), gender: undefined, unnamed: true, quotes: 0, lastSeen: -1 };
    this.people.push(person);
    this.record({ person, position, paragraph, subject: false });
  }

  /** Notes that a known person is mentioned again (`Kerry met with...`), to guide pronouns. */
  noteMention(person: Person, position: number, paragraph: number, subject: boolean): void {
    this.record({ person, position, paragraph, subject });
  }

  knownSurname(word: string): Person | undefined {
    const candidates = this.bySurname.get(word.toLowerCase());
    return candidates && this.mostRecent(candidates);
  }

  /** The people who were given at least one quotation, as records. */
  records(): SpeakerRecord[] {
    return this.people.filter(p => p.quotes > 0).map(toRecord);
  }
}

function genderOf(person: Person, titles: readonly string[]): Gender {
  for (const title of titles) {
    for (const w of words(title.toLowerCase().replace(/\./g, ''))) if (HONORIFIC_GENDER[w]) return HONORIFIC_GENDER[w];
  }
  const name = words(person.name.toLowerCase());
  const byFirstName = FIRST_NAME_GENDER.get(name[0]);
  if (byFirstName) return byFirstName;
  // `National Democratic Party of Germany`, `Teachers Union`: an institution is nobody's `he` or `she`.
  return name.length > 1 && name.some((w, i) => INSTITUTION_HEADS.has(w) && (i === name.length - 1 || name[i + 1] === 'of')) ? 'plural' : undefined;
}

export function toRecord(p: Person): SpeakerRecord {
  return { name: p.name, aliases: [...p.aliases].sort(), titles: [...p.titles].sort() };
}
