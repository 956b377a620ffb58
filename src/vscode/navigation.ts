import * as vscode from 'vscode';

/** The extension's own command for "go to this passage", used by hover-card links and views. */
export const openLocationCommand = 'newsAnnotator.openLocation';

/** A passage in an article: offsets are UTF-16 code units into the BOM-free text. */
export interface LocationArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** A `command:` link that opens `location` with its passage selected, for trusted Markdown. */
export function openLocationLink(location: LocationArgs): string {
  return commandLink(openLocationCommand, location);
}

/** `command:<id>?<args>` with the arguments as URI-encoded JSON, as VS Code expects them. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * Registers `newsAnnotator.openLocation`. Its arguments come from links, so they are checked
 * rather than trusted: anything malformed gets a message and opens nothing.
 */
export function registerNavigation(): vscode.Disposable {
  return vscode.commands.registerCommand(openLocationCommand, async (args: unknown) => {
    const location = parseLocation(args);
    if (!location) {
      void vscode.window.showErrorMessage('News Annotator: cannot open that passage; the link is malformed.');
      return;
    }
    await revealPassage(location.uri, location.start, location.end);
  });
}

/** Opens `uri` and selects `[start, end)`, clamped to the document, centred in the editor. */
export async function revealPassage(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const anchor = document.positionAt(start);
  const active = document.positionAt(end);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  editor.selection = new vscode.Selection(anchor, active);
  editor.revealRange(new vscode.Range(anchor, active), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** `{ uri, start, end }` with a string uri and whole-number offsets, as links and rows pass it; anything else is undefined. */
export function asLocation(value: unknown): LocationArgs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, start, end } = value as Partial<Record<keyof LocationArgs, unknown>>;
  return typeof uri === 'string' && isOffset(start) && isOffset(end) && start <= end ? { uri, start, end } : undefined;
}

function parseLocation(args: unknown): { uri: vscode.Uri; start: number; end: number } | undefined {
  const location = asLocation(args);
  if (!location) return undefined;
  try {
    return { uri: vscode.Uri.parse(location.uri, true), start: location.start, end: location.end };
  } catch {
    return undefined;
  }
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
