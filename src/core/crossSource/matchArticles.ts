/** Cross-source matching over a fixed set of articles: the command line's `matches`. */
import { CancellationLike } from '../types';
import { MatchKind } from './matchKinds';
import { CrossSourceMatcher, QuoteInput } from './matcher';

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
 * them (the command line's analysis threads); `matches()` then pairs the quotations.
 */
export class ArticleMatcher {
  private readonly matcher = new CrossSourceMatcher();
  private readonly articles: { readonly file: string; readonly spans: readonly QuoteInput[] }[] = [];

  /** `spans` as `quoteSpans` finds them in the article's text. */
  add(file: string, spans: readonly QuoteInput[]): void {
    this.matcher.setDocument(this.articles.length, spans);
    this.articles.push({ file, spans });
  }

  /** Every pair of matching quotations among the articles added, each pair once. Undefined when cancelled. */
  matches(token?: CancellationLike): ArticleMatch[] | undefined {
    const endOf = (doc: number, quote: number): ArticleMatchEnd => {
      const span = this.articles[doc].spans[quote];
      return { file: this.articles[doc].file, start: span.start, end: span.end };
    };
    return this.matcher.allMatches(token)?.map(m => ({
      a: endOf(m.a.doc, m.a.quote),
      b: endOf(m.b.doc, m.b.quote),
      kind: m.kind,
      score: m.score,
      sameArticle: m.sameArticle,
    }));
  }
}
