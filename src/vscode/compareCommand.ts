import * as vscode from 'vscode';
import type { Quote } from '../core/types';
import { isArticleDocument, type NewsWorkspace, type QuoteMatch } from './newsWorkspace';

export const compareQuotationCommand = 'newsAnnotator.compareQuotation';

/** Read-only documents holding one passage each, for the two sides of the diff editor. */
const passageScheme = 'news-passage';

/** What a hover link passes: the quotation, and optionally which match to compare it with. */
export interface CompareArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly other?: { readonly uri: string; readonly start: number; readonly end: number };
}

/**
 * Registers "News: Compare Quotation Across Sources": the quotation under the cursor (or the one a
 * hover link names) beside the same remark in another article, in VS Code's diff editor. With several
 * matches, a QuickPick chooses.
 */
export function registerCompareCommand(news: NewsWorkspace): vscode.Disposable {
  const passages = new PassageProvider(news);
  return vscode.Disposable.from(
    passages,
    vscode.workspace.registerTextDocumentContentProvider(passageScheme, passages),
    vscode.commands.registerCommand(compareQuotationCommand, (args?: unknown) => compareQuotation(news, args)),
  );
}

async function compareQuotation(news: NewsWorkspace, args: unknown): Promise<void> {
  const target: CompareTarget | undefined = parseArgs(args) ?? fromEditor();
  if (!target) {
    void vscode.window.showInformationMessage('Place the cursor on a quotation in a news article to compare it across sources.');
    return;
  }
  const quote = news.quoteAt(target.uri, target.start);
  if (!quote) {
    void vscode.window.showInformationMessage('There is no quotation at the cursor to compare.');
    return;
  }
  let matches = news.matchesFor(target.uri, quote);
  // The index keeps no texts: the other articles' need reading back for their quotations.
  if ((await news.loadTexts(matches.map(m => m.uri))).length > 0) matches = news.matchesFor(target.uri, quote);
  const match = target.other
    ? matches.find(m => m.uri === target.other?.uri && m.start === target.other.start)
    : await pickMatch(matches);
  if (!match) {
    if (matches.length === 0) void vscode.window.showInformationMessage('No other article in the workspace carries this quotation.');
    return;
  }
  const line = (news.textOf(target.uri) ?? '').slice(0, quote.start).split('\n').length - 1;
  const left = passageUri(target.uri.toString(), quote, news.labelOf(target.uri), line);
  const right = passageUri(match.uri, match, match.label, match.line);
  await vscode.commands.executeCommand('vscode.diff', left, right,
    `${news.labelOf(target.uri)} ↔ ${match.label} (${match.kind} ${Math.round(match.score * 100)}%)`, { preview: true });
}

async function pickMatch(matches: readonly QuoteMatch[]): Promise<QuoteMatch | undefined> {
  if (matches.length <= 1) return matches[0];
  const picked = await vscode.window.showQuickPick(
    matches.map(match => ({
      label: `${match.label}:${match.line + 1}`,
      description: `${match.sameArticle ? 'this article · ' : ''}${match.quote?.speaker ?? 'no speaker'} · ${match.kind} ${Math.round(match.score * 100)}%`,
      detail: match.quote?.text ?? '(could not be read)',
      match,
    })),
    { title: 'Compare with which passage?', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.match;
}

interface CompareTarget {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly other?: CompareArgs['other'];
}

function parseArgs(args: unknown): CompareTarget | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const { uri, start, other } = args as Partial<CompareArgs>;
  if (typeof uri !== 'string' || typeof start !== 'number') return undefined;
  try {
    return { uri: vscode.Uri.parse(uri, true), start, other: typeof other?.uri === 'string' ? other : undefined };
  } catch {
    return undefined;
  }
}

function fromEditor(): CompareTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticleDocument(editor.document)) return undefined;
  return { uri: editor.document.uri, start: editor.document.offsetAt(editor.selection.active) };
}

/** `news-passage:/<file> line N?<where>`: the path titles the editor, the query says what to show. */
function passageUri(uri: string, quote: Pick<Quote, 'start' | 'end'>, label: string, line: number): vscode.Uri {
  const query = JSON.stringify({ uri, start: quote.start, end: quote.end });
  return vscode.Uri.from({ scheme: passageScheme, path: `/${label.replace(/\.txt$/, '')} line ${line + 1}`, query });
}

/**
 * Serves a passage as it stands now in the workspace, one sentence per line, so that the diff
 * editor lines up sentences instead of comparing one long line.
 */
class PassageProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly news: NewsWorkspace) {
    this.subscription = news.onDidChange(({ uris }) => {
      const changed = new Set(uris.map(uri => uri.toString()));
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === passageScheme && changed.has(sourceOf(document.uri)?.uri ?? '')) {
          this.changeEmitter.fire(document.uri);
        }
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = sourceOf(uri);
    if (!source) return '';
    await this.news.loadTexts([source.uri]);
    const text = this.news.textOf(vscode.Uri.parse(source.uri, true));
    if (text === undefined) return '(This article is no longer in the workspace index.)';
    return text.slice(source.start, source.end).replace(/\s+/g, ' ').replace(/([.?!]["”’]?) (?=\S)/g, '$1\n').trim() + '\n';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function sourceOf(uri: vscode.Uri): { uri: string; start: number; end: number } | undefined {
  try {
    const parsed = JSON.parse(uri.query) as { uri?: unknown; start?: unknown; end?: unknown };
    if (typeof parsed.uri === 'string' && typeof parsed.start === 'number' && typeof parsed.end === 'number') {
      return { uri: parsed.uri, start: parsed.start, end: parsed.end };
    }
  } catch {
    // Not one of ours: show nothing.
  }
  return undefined;
}
