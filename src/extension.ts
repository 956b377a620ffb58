import * as vscode from 'vscode';
import { registerLanguageMode } from './vscode/languageMode';

/** The composition root: builds each feature and hands its disposable to VS Code. Nothing else. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    registerLanguageMode(),
  );
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
