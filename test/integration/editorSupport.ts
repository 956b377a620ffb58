// Helpers for the highlighting, Speakers view and annotation tests: opening articles the way a
// reader does and reading semantic tokens the way the editor does. The seeds' text belongs to
// their publishers: tests locate passages at run time and never quote them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { articlesIn, waitFor } from './articles';

export const extensionId = 'news-annotator.news-annotator';

/** The seed article whose name starts with `prefix` (`000`), or undefined when the seeds are absent. */
export async function seedArticle(prefix: string): Promise<vscode.Uri | undefined> {
  return (await articlesIn('seeds')).find(uri => uri.path.split('/').pop()!.startsWith(`${prefix}_`));
}

/** Opens `uri` in an editor, as a reader would, and waits until the extension is active. */
export async function openArticle(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(await waitFor(async () => extension?.isActive || undefined, 20_000), 'the extension did not activate');
  return editor;
}

/** Polls `probe` until it returns a value, failing with `what` if none comes within `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const value = await waitFor(probe, timeoutMs);
  assert.ok(value !== undefined, `${what} (waited ${timeoutMs} ms)`);
  return value;
}

export interface DecodedToken {
  readonly range: vscode.Range;
  readonly text: string;
  readonly type: string;
  readonly modifiers: readonly string[];
}

/** The document's semantic tokens as VS Code's editor receives them, decoded with the legend. */
export async function semanticTokens(document: vscode.TextDocument): Promise<DecodedToken[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  if (!legend || !tokens) return [];
  const decoded: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifierBits] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const range = new vscode.Range(line, character, line, character + length);
    decoded.push({
      range,
      text: document.getText(range),
      type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_, bit) => modifierBits & (1 << bit)),
    });
  }
  return decoded;
}

/** Offsets of every curly double quotation on one line of at least `minLength` characters, marks included. */
export function longCurlyQuotations(text: string, minLength: number): { start: number; end: number }[] {
  return [...text.matchAll(/\u201c[^\u201c\u201d\n]*\u201d/g)]
    .filter(m => m[0].length >= minLength)
    .map(m => ({ start: m.index!, end: m.index! + m[0].length }));
}
