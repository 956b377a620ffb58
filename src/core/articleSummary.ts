/** What the status bar says about one article, from its (corrected) analysis. */
import type { ArticleAnalysis, Quote } from './types';

export interface ArticleSummary {
  /** Quotations someone is said to have spoken, or that nobody was found to speak; scare quotes left out. */
  readonly quotations: number;
  /** Distinct speakers of those quotations. */
  readonly speakers: number;
  /** Those quotations that another article in the workspace also carries. */
  readonly crossSourced: number;
}

export function summarizeArticle(analysis: ArticleAnalysis, isCrossSourced: (quote: Quote) => boolean): ArticleSummary {
  const quotes = analysis.quotes.filter(q => q.kind !== 'other' || q.speaker !== null);
  return {
    quotations: quotes.length,
    speakers: new Set(quotes.flatMap(q => (q.speaker === null ? [] : [q.speaker]))).size,
    crossSourced: quotes.filter(isCrossSourced).length,
  };
}
