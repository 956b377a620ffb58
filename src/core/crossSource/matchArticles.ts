/** Cross-source matching over a fixed set of articles: the command line's `matches`. */
import { CancellationLike } from '../types';
import { MatchKind } from './matchKinds';
import { CrossSourceMatch, CrossSourceMatcher, MatcherSnapshot, QuoteInput } from './matcher';

export interface ArticleMatchEnd {
  readonly file: string;
  /** The quotation's offsets, marks included, as in `Quote.start`/`Quote.end`. */
  readonly start: number;
  readonly end: number;
}

export interface ArticleMatch {
  readonly a: ArticleMatchEnd;
  readonly b: ArticleMatchEnd;
  readonly kind: MatchKind;
  readonly score: number;
  /** A headline quotation matched against the body of its own article. */
  readonly sameArticle: boolean;
}

/**
 * Indexes articles one at a time as they arrive, so the indexing can overlap with whatever produces
 * them (the command line's analysis threads); `matches()` then pairs the quotations. The pairing can
 * also be shared out among threads: each restores `snapshot()` and works out its `shareOfMatches`,
 * and `matchesFromShares` puts the shares together.
 */
export class ArticleMatcher {
  private readonly matcher = new CrossSourceMatcher();
  /** Each article's file and its quotations' offsets, start and end one after the other: the words are in the matcher. */
  private readonly articles: { readonly file: string; readonly offsets: Int32Array }[] = [];

  /** `spans` as `quoteSpans` finds them in the article's text. */
  add(file: string, spans: readonly QuoteInput[]): void {
    this.matcher.setDocument(this.articles.length, spans);
    const offsets = new Int32Array(2 * spans.length);
    spans.forEach((span, k) => {
      offsets[2 * k] = span.start;
      offsets[2 * k + 1] = span.end;
    });
    this.articles.push({ file, offsets });
  }

  /** Number of articles added. */
  get size(): number {
    return this.articles.length;
  }

  /** Every pair of matching quotations among the articles added, each pair once. Undefined when cancelled. */
  matches(token?: CancellationLike): ArticleMatch[] | undefined {
    return this.matcher.allMatches(token)?.map(this.articleMatch);
  }

  /** The articles' quotations as indexed, for `shareOfMatches` on other threads. */
  snapshot(): MatcherSnapshot {
    return this.matcher.snapshot();
  }

  /** `matches()` from the shares of every article (by its place among those added), in any order of shares. */
  matchesFromShares(shares: readonly (readonly CrossSourceMatch[])[]): ArticleMatch[] {
    // Each share lists its articles' matches in the order `matches()` does; a stable sort interleaves them.
    return shares.flat().sort((x, y) => x.a.doc - y.a.doc).map(this.articleMatch);
  }

  private readonly articleMatch = (m: CrossSourceMatch): ArticleMatch => ({
    a: this.endOf(m.a.doc, m.a.quote),
    b: this.endOf(m.b.doc, m.b.quote),
    kind: m.kind,
    score: m.score,
    sameArticle: m.sameArticle,
  });

  private endOf(doc: number, quote: number): ArticleMatchEnd {
    const { file, offsets } = this.articles[doc];
    return { file, start: offsets[2 * quote], end: offsets[2 * quote + 1] };
  }
}

/** The matches listed under `articles` (places among those added), worked out on a matcher restored from `snapshot`. */
export function shareOfMatches(snapshot: MatcherSnapshot, articles: Iterable<number>): CrossSourceMatch[] {
  return CrossSourceMatcher.restore(snapshot).shareOfAllMatches(new Set(articles));
}
