import * as vscode from 'vscode';
import { registerAnnotationCommands } from './vscode/annotationCommands';
import { registerAnnotationExchange } from './vscode/annotationExchange';
import { createAnnotationStore } from './vscode/annotationStore';
import { registerCompareCommand } from './vscode/compareCommand';
import { registerHover } from './vscode/hover';
import { registerLanguageMode } from './vscode/languageMode';
import { createLogger } from './vscode/logger';
import { registerNavigation } from './vscode/navigation';
import { createNewsWorkspace } from './vscode/newsWorkspace';
import { registerQuickFixes } from './vscode/quickFixes';
import { registerSemanticTokens } from './vscode/semanticTokens';
import { registerSpeakersView } from './vscode/speakersView';
import { registerStatusBar } from './vscode/statusBar';

/** The composition root: builds each feature and hands its disposable to VS Code. Nothing else. */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLogger();
  const news = createNewsWorkspace(log);
  const annotations = createAnnotationStore(log);
  context.subscriptions.push(
    log,
    news,
    annotations,
    news.useCorrections(annotations),
    registerLanguageMode(context.workspaceState),
    registerNavigation(),
    registerHover(news),
    registerCompareCommand(news),
    registerSemanticTokens(news, annotations),
    registerSpeakersView(news, annotations),
    registerStatusBar(news),
    registerQuickFixes(news),
    registerAnnotationCommands(news, annotations),
    registerAnnotationExchange(news, annotations),
  );
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
