/** Cross-source matching over a fixed set of articles, in one call: the command line's `matches`. */
import { CancellationLike } from '../types';
import { MatchKind } from './matchKinds';
import { CrossSourceMatcher } from './matcher';
import { quoteSpans } from './quoteSpans';

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

/** Every pair of matching quotations among `articles`, each pair once. Undefined when cancelled. */
export function matchArticles(
  articles: readonly { readonly file: string; readonly text: string }[],
  token?: CancellationLike,
): ArticleMatch[] | undefined {
  const matcher = new CrossSourceMatcher();
  const spans = articles.map(article => quoteSpans(article.text));
  spans.forEach((quotes, doc) => matcher.setDocument(doc, quotes));
  const endOf = (doc: number, quote: number): ArticleMatchEnd => {
    const span = spans[doc][quote];
    return { file: articles[doc].file, start: span.start, end: span.end };
  };
  return matcher.allMatches(token)?.map(m => ({
    a: endOf(m.a.doc, m.a.quote),
    b: endOf(m.b.doc, m.b.quote),
    kind: m.kind,
    score: m.score,
    sameArticle: m.sameArticle,
  }));
}
