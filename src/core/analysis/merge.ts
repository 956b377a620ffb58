/**
 * One person, one speaker across the workspace: `Kerry` in one article and `John Kerry` in
 * another are the same speaker when no other Kerry is about. Unnamed speakers (`the official`)
 * are never merged across articles: two outlets' officials are not known to be one person.
 */
import type { Quote, SpeakerRecord } from '../types';

export interface WorkspaceSpeaker {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly titles: readonly string[];
  /** Quotations attributed to this speaker, over all articles. */
  readonly quotes: number;
  /** Articles that quote this speaker. */
  readonly documents: number;
}

interface Group {
  name: string;
  readonly aliases: Set<string>;
  readonly titles: Set<string>;
  quotes: number;
  readonly documents: Set<number>;
}

interface FullNameGroup extends Group {
  /** `name` as `tokensOf` gives it: full names are compared word by word. */
  words: readonly string[];
}

const tokensOf = (name: string) => name.toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);
const isUnnamed = (name: string) => /^(the|a|an)\s/i.test(name) || name === name.toLowerCase();

/** Whether every given name of `a` (its words but the last, as `tokensOf` gives them) is among those of `b`. */
function givenNamesWithin(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    const at = b.indexOf(a[i]);
    if (at < 0 || at === b.length - 1) return false;
  }
  return true;
}

/** True when two full names with the same surname can be one person: one's given names are within the other's. */
const sameFullName = (x: readonly string[], y: readonly string[]) => givenNamesWithin(x, y) || givenNamesWithin(y, x);

/** An article's speakers, and who said each of its quotations (an analysis will do). */
export interface ArticleSpeakers {
  readonly quotes: readonly Pick<Quote, 'speaker'>[];
  readonly speakers: readonly SpeakerRecord[];
}

/** Each article's speakers, and who said each of its quotations. */
export function mergeSpeakers(analyses: readonly ArticleSpeakers[]): WorkspaceSpeaker[] {
  const merger = new SpeakerMerger();
  for (const analysis of analyses) merger.add(analysis);
  return merger.merged();
}

/**
 * `mergeSpeakers` an article at a time, so that what each article found need not be kept: the
 * command line adds each article as soon as it is analysed.
 */
export class SpeakerMerger {
  private readonly full: FullNameGroup[] = [];
  /** Full-name groups by surname: only those can merge, so no pass compares every pair. */
  private readonly bySurname = new Map<string, FullNameGroup[]>();
  private readonly single: { doc: number; name: string; aliases: readonly string[]; titles: readonly string[]; quotes: number }[] = [];
  private readonly unnamed: Group[] = [];
  private documents = 0;

  add(analysis: ArticleSpeakers): void {
    const doc = this.documents++;
    const counts = new Map<string, number>();
    for (const q of analysis.quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    for (const record of analysis.speakers) {
      const quotes = counts.get(record.name) ?? 0;
      if (isUnnamed(record.name)) {
        this.unnamed.push({ name: record.name, aliases: new Set(record.aliases), titles: new Set(record.titles), quotes, documents: new Set([doc]) });
        continue;
      }
      const words = tokensOf(record.name);
      if (words.length === 1) {
        this.single.push({ doc, name: record.name, aliases: record.aliases, titles: record.titles, quotes });
        continue;
      }
      const surname = words[words.length - 1];
      const bucket = this.bySurname.get(surname) ?? [];
      let group = bucket.find(g => sameFullName(g.words, words));
      if (!group) {
        group = { name: record.name, words, aliases: new Set(), titles: new Set(), quotes: 0, documents: new Set() };
        this.full.push(group);
        bucket.push(group);
        this.bySurname.set(surname, bucket);
      } else if (record.name.length > group.name.length) {
        group.aliases.add(group.name);
        group.name = record.name;
        group.words = words;
      } else if (record.name !== group.name) {
        group.aliases.add(record.name);
      }
      for (const alias of record.aliases) group.aliases.add(alias);
      for (const title of record.titles) group.titles.add(title);
      group.quotes += quotes;
      group.documents.add(doc);
    }
  }

  /** The speakers of every article added, most quoted first. Ends the merge: call it once, after the last `add`. */
  merged(): WorkspaceSpeaker[] {
    // A lone surname joins the one full name it can stand for; with two candidates it stays apart.
    const alone: Group[] = [];
    const lone = new Map<string, Group>();
    for (const s of this.single) {
      const candidates = this.bySurname.get(tokensOf(s.name)[0]) ?? [];
      const group = candidates.length === 1 ? candidates[0] : lone.get(s.name);
      if (group) {
        if (group.name !== s.name) group.aliases.add(s.name);
        for (const alias of s.aliases) group.aliases.add(alias);
        for (const title of s.titles) group.titles.add(title);
        group.quotes += s.quotes;
        group.documents.add(s.doc);
      } else {
        const created = { name: s.name, aliases: new Set(s.aliases), titles: new Set(s.titles), quotes: s.quotes, documents: new Set([s.doc]) };
        alone.push(created);
        lone.set(s.name, created);
      }
    }
    return [...this.full, ...alone, ...this.unnamed]
      .map(g => ({
        name: g.name,
        aliases: [...g.aliases].filter(a => a !== g.name).sort(),
        titles: [...g.titles].sort(),
        quotes: g.quotes,
        documents: g.documents.size,
      }))
      .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  }
}
