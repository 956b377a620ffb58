/** The analysis entry points: one article, and the speakers of many articles taken together. */
import { analyze } from './analysis/article';
import type { AnalysisOptions, ArticleAnalysis } from './types';

export { type ArticleSpeakers, mergeSpeakers, SpeakerMerger, type WorkspaceSpeaker } from './analysis/merge';
export { primeAnalysis } from './analysis/primer';
export type { AnalysisOptions } from './types';

/** Finds an article's structure, its quotations and who said each. Pure and synchronous. */
export function analyzeArticle(text: string, options?: AnalysisOptions): ArticleAnalysis {
  return analyze(text, options);
}
