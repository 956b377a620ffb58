// Helpers shared by the hover and index tests: finding articles in the test workspace, hovering, and
// reading hover cards the way a user reads them (Markdown escapes removed).
import * as path from 'path';
import * as vscode from 'vscode';

export const articleName = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** Seed-named articles under `folder` (`seeds` or `samples`) of the test workspace, sorted by name. */
export async function articlesIn(folder: string): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(`${folder}/*.txt`);
  return found.filter(uri => articleName.test(path.posix.basename(uri.path))).sort((a, b) => a.path.localeCompare(b.path));
}

export function baseName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, pollMs = 50): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, pollMs));
  }
}

/** The hover cards VS Code shows at `offset`, as raw Markdown. */
export async function hoverMarkdown(uri: vscode.Uri, offset: number): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset));
  return (hovers ?? []).flatMap(hover => hover.contents.map(content =>
    content instanceof vscode.MarkdownString ? content.value : typeof content === 'string' ? content : content.value));
}

/** The text a reader sees for Markdown-escaped text. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200b/g, '');
}

export interface CommandLink {
  readonly label: string;
  readonly command: string;
  readonly args: unknown[];
}

/** Every `[label](command:id?args)` link in a card. */
export function commandLinks(markdown: string): CommandLink[] {
  const links: CommandLink[] = [];
  for (const m of markdown.matchAll(/\[((?:\\.|[^\]\\])*)\]\(command:([\w.]+)\?([^\s)]*)(?: "[^"]*")?\)/g)) {
    links.push({ label: unescapeMarkdown(m[1]), command: m[2], args: JSON.parse(decodeURIComponent(m[3])) as unknown[] });
  }
  return links;
}

/** Lowercase words, for comparing wording without caring about marks, case or line breaks. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The longest run of words that two texts share inside double quotation marks in `first`: a remark
 * both articles carry, found without the extension's matcher (an independent oracle). Returns the
 * run's offsets in `first`.
 */
export function sharedQuotedRun(first: string, second: string, minWords: number): { start: number; end: number; words: string[] } | undefined {
  const secondWords = ` ${words(second).join(' ')} `;
  let best: { start: number; end: number; words: string[] } | undefined;
  for (const quoted of first.matchAll(/[\u201c"]([^\u201c\u201d"]+)[\u201d"]/g)) {
    const offset = (quoted.index ?? 0) + 1;
    const tokens = [...quoted[1].matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu)];
    for (let i = 0; i < tokens.length; i++) {
      for (let j = i + Math.max(minWords, (best?.words.length ?? 0) + 1); j <= tokens.length; j++) {
        const run = tokens.slice(i, j).map(t => words(t[0])[0]);
        if (!secondWords.includes(` ${run.join(' ')} `)) break;
        best = { start: offset + (tokens[i].index ?? 0), end: offset + (tokens[j - 1].index ?? 0) + tokens[j - 1][0].length, words: run };
      }
    }
  }
  return best;
}
