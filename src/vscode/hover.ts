import * as vscode from 'vscode';
import { diffSegments, type DiffSegment } from '../core/crossSource/align';
import type { EvidenceKind, Quote } from '../core/types';
import { compareQuotationCommand, type CompareArgs } from './compareCommand';
import { escapeMarkdown } from './markdownText';
import { commandLink, openLocationCommand, openLocationLink } from './navigation';
import { newsLanguageId, type NewsWorkspace, type QuoteMatch } from './newsWorkspace';

/** How the attribution was found, in the reader's words. */
const evidenceLabels: Record<EvidenceKind, string> = {
  explicit: 'named beside a cue verb',
  pronoun: 'a pronoun resolved to them',
  description: 'a description resolved to them',
  continuation: 'continues the quotation before it',
  headline: 'attributed in the headline',
  manual: 'set by hand',
  none: 'no speaker found',
};

/** Runs of left-out words longer than this are counted rather than struck through word by word. */
const maxStruckWords = 6;

/** Registers the hover card on quotations in news articles. */
export function registerHover(news: NewsWorkspace): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: newsLanguageId }, {
    provideHover: (document, position, token) => provideQuoteHover(news, document, position, token),
  });
}

async function provideQuoteHover(news: NewsWorkspace, document: vscode.TextDocument, position: vscode.Position,
  token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
  const quote = news.quoteAt(document.uri, document.offsetAt(position));
  if (!quote || token.isCancellationRequested) return undefined;
  const maxRows = vscode.workspace.getConfiguration('newsAnnotator').get<number>('hover.maxMatches', 8);
  let { elsewhere, sameArticle } = byArticle(news.matchesFor(document.uri, quote));
  // The index keeps no texts: the other articles' wording and speakers need theirs read back first.
  const shown = [...elsewhere.slice(0, maxRows), ...sameArticle.slice(0, maxRows)];
  if ((await news.loadTexts(shown.map(m => m.uri))).length > 0) ({ elsewhere, sameArticle } = byArticle(news.matchesFor(document.uri, quote)));
  if (token.isCancellationRequested) return undefined;

  const card = new vscode.MarkdownString('', true);
  // Only the extension's own commands may run from the card; article text never forms a link anyway.
  card.isTrusted = { enabledCommands: [openLocationCommand, compareQuotationCommand] };
  card.supportHtml = false;
  card.appendMarkdown(attributionLine(quote));

  if (elsewhere.length > 0) {
    const sources = new Set(elsewhere.map(m => m.uri)).size;
    card.appendMarkdown(`\n\n---\n\n**Also quoted in ${sources} other source${sources === 1 ? '' : 's'}**\n\n`);
    card.appendMarkdown(matchRows(document.uri, quote, elsewhere.slice(0, maxRows), token));
    if (elsewhere.length > maxRows) {
      card.appendMarkdown(`\n\n…and ${elsewhere.length - maxRows} more: [compare all](${compareLink(document.uri, quote)})`);
    }
  }
  if (sameArticle.length > 0) {
    card.appendMarkdown('\n\n---\n\n**Also in this article**\n\n');
    card.appendMarkdown(matchRows(document.uri, quote, sameArticle.slice(0, maxRows), token));
  }
  if (token.isCancellationRequested) return undefined;
  return new vscode.Hover(card, new vscode.Range(document.positionAt(quote.start), document.positionAt(quote.end)));
}

/** Matches in other articles, and those in the quotation's own, each in the order given. */
function byArticle(matches: readonly QuoteMatch[]): { elsewhere: QuoteMatch[]; sameArticle: QuoteMatch[] } {
  return { elsewhere: matches.filter(m => !m.sameArticle), sameArticle: matches.filter(m => m.sameArticle) };
}

/** `**John Kerry** · named beside a cue verb: “Kerry” … “said” · confidence 0.95` */
function attributionLine(quote: Quote): string {
  if (!quote.speaker) return `*No speaker* · ${evidenceLabels.none}`;
  const words = [quote.speakerMention, quote.cue].filter(span => span !== null).map(span => `“${escapeMarkdown(span.text)}”`);
  const evidence = evidenceLabels[quote.evidence] + (words.length > 0 ? `: ${words.join(' … ')}` : '');
  return `**${escapeMarkdown(quote.speaker)}** · ${evidence} · confidence ${quote.confidence.toFixed(2)}`;
}

/** One list item per match: where, who, how alike, and the wording with the differences marked. */
function matchRows(uri: vscode.Uri, quote: Quote, matches: readonly QuoteMatch[], token: vscode.CancellationToken): string {
  const rows: string[] = [];
  for (const match of matches) {
    if (token.isCancellationRequested) break;
    const place = `${escapeMarkdown(match.label)}, line ${match.line + 1}`;
    const open = openLocationLink({ uri: match.uri, start: match.start, end: match.end });
    const other = match.quote;
    const facts = [`[${place}](${open} "Open this passage")`, other ? speakerOf(quote, other) : '*could not be read*',
      `${match.kind} ${Math.round(match.score * 100)}%`, `[compare](${compareLink(uri, quote, match)} "Compare side by side")`];
    rows.push(`- ${facts.join(' · ')}` + (other ? `  \n  ${markedWording(diffSegments(quote.text, other.text))}` : ''));
  }
  return rows.join('\n');
}

/** The speaker the other article gives, flagged when it is not this quotation's speaker. */
function speakerOf(quote: Quote, other: Quote): string {
  if (!other.speaker) return '*no speaker given*';
  const name = escapeMarkdown(other.speaker);
  const differs = quote.speaker !== null && other.speaker.toLowerCase() !== quote.speaker.toLowerCase();
  return differs ? `**${name}** ⚠ *different speaker, same words*` : name;
}

/**
 * The other outlet's wording: words it leaves out struck through (long runs counted instead),
 * words it has instead in bold.
 */
export function markedWording(segments: readonly DiffSegment[]): string {
  const parts = segments.map(segment => {
    const text = escapeMarkdown(segment.text);
    if (segment.op === 'inserted') return `**${text}**`;
    if (segment.op === 'equal') return text;
    const count = segment.text.split(/\s+/).filter(Boolean).length;
    return count > maxStruckWords ? `*(…${count} words left out…)*` : `~~${text}~~`;
  });
  return `“${parts.join(' ')}”`;
}

function compareLink(uri: vscode.Uri, quote: Quote, match?: QuoteMatch): string {
  const args: CompareArgs = {
    uri: uri.toString(), start: quote.start, end: quote.end,
    ...(match ? { other: { uri: match.uri, start: match.start, end: match.end } } : {}),
  };
  return commandLink(compareQuotationCommand, args);
}
