/**
 * The Speakers view as plain data: speaker → article → quotation, sorted and filtered. Pure, so
 * that the view adapter only maps nodes to tree items.
 *
 * Quotations are grouped by article under each speaker (rather than articles under each quotation)
 * because a reader asks "what did Kerry say, and where": the article rows carry the outlet and
 * the count, and the same remark reported by several outlets is the hover's job.
 */
import { compareStrings } from './annotations/model';
import { mergeSpeakers, type WorkspaceSpeaker } from './analysis/merge';
import type { ArticleAnalysis, Quote } from './types';

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
  /** Zero-based line of the quotation's first character (worked out when first read). */
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
  /** Unique among the rows: the name, or the name and article of an unnamed speaker. */
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly titles: readonly string[];
  readonly quoteCount: number;
  readonly articleCount: number;
  /** Built when first read: a large workspace has far more rows than anyone expands. */
  readonly articles: readonly ArticleNode[];
}

/** Attributable quotations nobody was found to speak, listed last so they can be attributed. */
export interface UnattributedNode {
  readonly kind: 'unattributed';
  readonly quoteCount: number;
  readonly articleCount: number;
  readonly articles: readonly ArticleNode[];
}

export type SpeakerTreeNode = SpeakerNode | UnattributedNode | ArticleNode | QuoteNode;
export type SpeakerSort = 'count' | 'name';

export interface SpeakerTreeOptions {
  readonly sort?: SpeakerSort;
  /** Keeps speakers whose name, an alias or a title contains this text (case-insensitive). */
  readonly filter?: string;
  /** Names split out by hand as people of their own: never merged into a fuller name. */
  readonly keepApart?: ReadonlySet<string>;
  /** The workspace's speakers, one per person, when already at hand; else merged from the articles. */
  readonly people?: readonly WorkspaceSpeaker[];
}

/**
 * Builds the tree roots. One person is one row, as the workspace merges speakers (`Kerry` joins
 * `John Kerry`); an unnamed speaker that several articles have (`the official`) gets a row per
 * article, since two outlets' officials are not known to be one person; a name the analysis
 * never gave (set by hand) is one row. Scare quotes and titles (kind `other`) are left out: nobody
 * said them. The "Unattributed" row is shown only when some quotation lacks a speaker and no
 * filter is set.
 */
export function buildSpeakerTree(articles: readonly TreeArticle[], options: SpeakerTreeOptions = {}): (SpeakerNode | UnattributedNode)[] {
  const people = peopleByName(options.people ?? mergeSpeakers(articles.map(a => a.analysis)));
  const rows = new Map<string | null, { person: WorkspaceSpeaker | undefined; name: string; perArticle: Map<TreeArticle, Quote[]> }>();
  for (const article of articles) {
    for (const quote of article.analysis.quotes) {
      if (quote.kind === 'other' && quote.speaker === null) continue;
      const apart = quote.speaker !== null && (options.keepApart?.has(quote.speaker) ?? false);
      const candidates = quote.speaker === null || apart ? [] : people.get(quote.speaker) ?? [];
      const person = candidates.length === 1 ? candidates[0] : undefined;
      const key = quote.speaker === null ? null
        : person ? person.name
        : candidates.length > 1 ? `${quote.speaker}\u0000${article.id}`
        : quote.speaker;
      const row = rows.get(key) ?? { person, name: person?.name ?? quote.speaker ?? '', perArticle: new Map<TreeArticle, Quote[]>() };
      rows.set(key, row);
      const quotes = row.perArticle.get(article);
      if (quotes) quotes.push(quote); else row.perArticle.set(article, [quote]);
    }
  }
  /** The article rows under a speaker row, made on first read and kept. */
  const groups = (speaker: string | null, perArticle: Map<TreeArticle, Quote[]>) => {
    let made: ArticleNode[] | undefined;
    return () => made ??= [...perArticle].map(([article, quotes]) => {
      // Line numbers cost a pass over the text: only rows the reader opens pay for it.
      let lines: ((offset: number) => number) | undefined;
      const lineOf = (offset: number) => (lines ??= lineIndex(article.text))(offset);
      return {
        kind: 'article' as const, speaker, article,
        quotes: quotes.map(quote => ({ kind: 'quote' as const, speaker, article, quote, get line() { return lineOf(quote.start); } })),
      };
    }).sort((a, b) => b.quotes.length - a.quotes.length || compareStrings(a.article.label.toLowerCase(), b.article.label.toLowerCase()));
  };

  const needle = options.filter?.trim().toLocaleLowerCase() ?? '';
  const speakers: SpeakerNode[] = [];
  for (const [key, { person, name, perArticle }] of rows) {
    if (key === null) continue;
    const aliases = person?.aliases ?? [];
    const titles = person?.titles ?? [];
    if (needle && ![name, ...aliases, ...titles].some(s => s.toLocaleLowerCase().includes(needle))) continue;
    const articleRows = groups(name, perArticle);
    speakers.push({ kind: 'speaker', id: key, name, aliases, titles, quoteCount: countQuotes(perArticle), articleCount: perArticle.size, get articles() { return articleRows(); } });
  }
  sortRows(speakers, options.sort ?? 'count');

  const unattributed = rows.get(null)?.perArticle;
  if (!unattributed || needle) return speakers;
  const articleRows = groups(null, unattributed);
  return [...speakers, { kind: 'unattributed', quoteCount: countQuotes(unattributed), articleCount: unattributed.size, get articles() { return articleRows(); } }];
}

/**
 * Most quoted first, or alphabetical ignoring case. Names are lower-cased once and compared by
 * code unit: a collator costs more than the rest of the tree when thousands of rows tie on count.
 */
function sortRows(rows: SpeakerNode[], sort: SpeakerSort): void {
  const keys = new Map(rows.map(row => [row, row.name.toLowerCase()]));
  const byName = (a: SpeakerNode, b: SpeakerNode) => compareStrings(keys.get(a)!, keys.get(b)!) || compareStrings(a.name, b.name);
  rows.sort(sort === 'name' ? byName : (a, b) => b.quoteCount - a.quoteCount || byName(a, b));
}

function countQuotes(perArticle: Map<TreeArticle, Quote[]>): number {
  let count = 0;
  for (const quotes of perArticle.values()) count += quotes.length;
  return count;
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

/** Each name and alias to the people it can stand for (more than one only for unnamed speakers). */
function peopleByName(people: readonly WorkspaceSpeaker[]): Map<string, WorkspaceSpeaker[]> {
  const byName = new Map<string, WorkspaceSpeaker[]>();
  for (const person of people) {
    for (const name of new Set([person.name, ...person.aliases])) byName.set(name, [...(byName.get(name) ?? []), person]);
  }
  return byName;
}
