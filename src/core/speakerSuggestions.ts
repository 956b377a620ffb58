/**
 * Who most likely said a quotation the analysis could not attribute, or whom a reader most likely
 * wants when changing a speaker: the article's own speakers, nearest quotation first, then the
 * rest of the workspace by name.
 */
import type { ArticleAnalysis, Quote } from './types';

export function suggestSpeakers(analysis: ArticleAnalysis, quote: Pick<Quote, 'start' | 'end'>, workspaceNames: readonly string[] = []): string[] {
  const distance = new Map<string, number>();
  for (const other of analysis.quotes) {
    if (other.speaker === null || (other.start === quote.start && other.end === quote.end)) continue;
    const gap = other.end <= quote.start ? quote.start - other.end : Math.max(0, other.start - quote.end);
    distance.set(other.speaker, Math.min(gap, distance.get(other.speaker) ?? Infinity));
  }
  for (const record of analysis.speakers) if (!distance.has(record.name)) distance.set(record.name, Infinity);
  const local = [...distance].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const rest = [...new Set(workspaceNames)].filter(name => !distance.has(name)).sort((a, b) => a.localeCompare(b));
  return [...local, ...rest];
}
