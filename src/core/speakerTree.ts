/**
 * The Speakers view as plain data: speaker → article → quotation, sorted and filtered. Pure, so
 * that the view adapter only maps nodes to tree items.
 *
 * Quotations are grouped by article under each speaker (rather than articles under each quotation)
 * because a reader asks "what did Kerry say, and where": the article rows carry the outlet and
 * the count, and the same remark reported by several outlets is the hover's job.
 */
import type { ArticleAnalysis, Quote, SpeakerRecord } from './types';

export interface TreeArticle {
  /** Identifies the article to the adapter (a URI string). */
  readonly id: string;
  /** What the reader sees for the article: its outlet or workspace-relative path. */
  readonly label: string;
  /** The article's text, for line numbers and previews. */
  readonly text: string;
  readonly analysis: ArticleAnalysis;
}

export interface QuoteNode {
  readonly kind: 'quote';
  /** The speaker row this quotation sits under, or null under "Unattributed". */
  readonly speaker: string | null;
  readonly article: TreeArticle;
  readonly quote: Quote;
  /** Zero-based line of the quotation's first character. */
  readonly line: number;
}

export interface ArticleNode {
  readonly kind: 'article';
  readonly speaker: string | null;
  readonly article: TreeArticle;
  readonly quotes: readonly QuoteNode[];
}

export interface SpeakerNode {
  readonly kind: 'speaker';
  readonly name: string;
  readonly aliases: readonly string[];
  readonly titles: readonly string[];
  readonly quoteCount: number;
  readonly articles: readonly ArticleNode[];
}

/** Attributable quotations nobody was found to speak, listed last so they can be attributed. */
export interface UnattributedNode {
  readonly kind: 'unattributed';
  readonly quoteCount: number;
  readonly articles: readonly ArticleNode[];
}

export type SpeakerTreeNode = SpeakerNode | UnattributedNode | ArticleNode | QuoteNode;
export type SpeakerSort = 'count' | 'name';

export interface SpeakerTreeOptions {
  readonly sort?: SpeakerSort;
  /** Keeps speakers whose name, an alias or a title contains this text (case-insensitive). */
  readonly filter?: string;
  /** Workspace-wide speaker records; when absent, those of the articles are merged. */
  readonly speakers?: readonly SpeakerRecord[];
}

/**
 * Builds the tree roots. Scare quotes and titles (kind `other`) are left out: nobody said them.
 * The "Unattributed" row is shown only when some quotation lacks a speaker and no filter is set.
 */
export function buildSpeakerTree(articles: readonly TreeArticle[], options: SpeakerTreeOptions = {}): (SpeakerNode | UnattributedNode)[] {
  const directory = new SpeakerDirectory(options.speakers ?? articles.flatMap(a => a.analysis.speakers));
  const bySpeaker = new Map<string | null, Map<TreeArticle, Quote[]>>();
  for (const article of articles) {
    for (const quote of article.analysis.quotes) {
      if (quote.kind === 'other' && quote.speaker === null) continue;
      const speaker = quote.speaker === null ? null : directory.canonical(quote.speaker);
      const perArticle = bySpeaker.get(speaker) ?? new Map<TreeArticle, Quote[]>();
      bySpeaker.set(speaker, perArticle);
      perArticle.set(article, [...(perArticle.get(article) ?? []), quote]);
    }
  }
  const groups = (speaker: string | null, perArticle: Map<TreeArticle, Quote[]>): ArticleNode[] =>
    [...perArticle].map(([article, quotes]) => {
      const lines = lineIndex(article.text);
      return {
        kind: 'article' as const, speaker, article,
        quotes: quotes.map(quote => ({ kind: 'quote' as const, speaker, article, quote, line: lines(quote.start) })),
      };
    }).sort((a, b) => b.quotes.length - a.quotes.length || a.article.label.localeCompare(b.article.label));

  const needle = options.filter?.trim().toLocaleLowerCase() ?? '';
  const speakers: SpeakerNode[] = [];
  for (const [name, perArticle] of bySpeaker) {
    if (name === null) continue;
    const record = directory.record(name);
    if (needle && ![name, ...record.aliases, ...record.titles].some(s => s.toLocaleLowerCase().includes(needle))) continue;
    const articleNodes = groups(name, perArticle);
    speakers.push({ kind: 'speaker', name, aliases: record.aliases, titles: record.titles, quoteCount: countQuotes(articleNodes), articles: articleNodes });
  }
  speakers.sort(options.sort === 'name'
    ? (a, b) => a.name.localeCompare(b.name)
    : (a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));

  const unattributed = bySpeaker.get(null);
  if (!unattributed || needle) return speakers;
  const articleNodes = groups(null, unattributed);
  return [...speakers, { kind: 'unattributed', quoteCount: countQuotes(articleNodes), articles: articleNodes }];
}

function countQuotes(articles: readonly ArticleNode[]): number {
  return articles.reduce((n, a) => n + a.quotes.length, 0);
}

/** Zero-based line of an offset, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index! + m[0].length);
  return offset => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return low;
  };
}

/**
 * One person, one row: records with the same name merge, and a name that is an alias (or the
 * surname) of exactly one fuller name resolves to it (`Kerry` → `John Kerry`). A shared surname
 * of two different people stays apart rather than guessing.
 */
export class SpeakerDirectory {
  readonly #records = new Map<string, { aliases: Set<string>; titles: Set<string> }>();
  readonly #canonical = new Map<string, string>();

  constructor(records: readonly SpeakerRecord[]) {
    for (const r of records) {
      const entry = this.#records.get(r.name) ?? { aliases: new Set<string>(), titles: new Set<string>() };
      r.aliases.forEach(a => entry.aliases.add(a));
      r.titles.forEach(t => entry.titles.add(t));
      this.#records.set(r.name, entry);
    }
    for (const name of this.#records.keys()) {
      const fuller = [...this.#records].filter(([other, entry]) =>
        other !== name && other.length > name.length && (entry.aliases.has(name) || other.endsWith(` ${name}`)));
      if (fuller.length === 1) this.#canonical.set(name, fuller[0][0]);
    }
    for (const [name, target] of this.#canonical) {
      const from = this.#records.get(name)!;
      const into = this.#records.get(target)!;
      into.aliases.add(name);
      from.aliases.forEach(a => into.aliases.add(a));
      from.titles.forEach(t => into.titles.add(t));
    }
  }

  /** The row a speaker name belongs to. */
  canonical(name: string): string {
    let current = name;
    for (let hops = 0; this.#canonical.has(current) && hops < 8; hops++) current = this.#canonical.get(current)!;
    return current;
  }

  record(name: string): SpeakerRecord {
    const entry = this.#records.get(name);
    return {
      name,
      aliases: entry ? [...entry.aliases].filter(a => a !== name).sort() : [],
      titles: entry ? [...entry.titles].sort() : [],
    };
  }
}
