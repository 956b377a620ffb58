import * as vscode from 'vscode';
import { summarizeArticle } from '../core/articleSummary';
import type { NewsWorkspace } from './newsWorkspace';
import { isArticleDocument } from './newsWorkspace';

/**
 * A status bar item for the article in the active editor: its quotations, speakers and
 * cross-source matches. Clicking it opens the Speakers view. Hidden for other files.
 */
export function registerStatusBar(workspace: NewsWorkspace): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsAnnotator.articleSummary', vscode.StatusBarAlignment.Right, 100);
  item.name = 'News Article Summary';
  item.command = 'newsAnnotator.showSpeakers';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && isArticleDocument(document) ? workspace.analysisFor(document.uri) : undefined;
    if (!document || !analysis) {
      item.hide();
      return;
    }
    const counts = summarizeArticle(analysis, workspace.carriedElsewhere(document.uri));
    item.text = `$(quote) ${counts.quotations} $(person) ${counts.speakers} $(link) ${counts.crossSourced}`;
    item.tooltip = `${plural(counts.quotations, 'quotation')}, ${plural(counts.speakers, 'speaker')}, ` +
      `${plural(counts.crossSourced, 'quotation')} also in other articles. Click to show the Speakers view.`;
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    workspace.onDidChange(update),
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
