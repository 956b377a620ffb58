import * as vscode from 'vscode';
import { detectNewsArticle } from '../core/detect';

/**
 * Which files open in News Article mode. The manifest claims seed-style names (`NNN_<16 hex>.txt`)
 * and `*.news.txt`; this adds the `newsAnnotator.articlePatterns` globs, recognition by content for
 * other `.txt` files (switch, offer or leave alone, as `newsAnnotator.detectByContent` says), and
 * the "News: Open as News Article" command. It only ever looks at Plain Text `.txt` documents.
 */

const newsLanguageId = 'news-article';
const openAsNewsArticleCommand = 'newsAnnotator.openAsNewsArticle';
/** Files the user was already asked about, kept in workspace state so the question comes once. */
const askedKey = 'newsAnnotator.askedToSwitch';
const askedLimit = 500;
/** Lines read for content detection: a headline and the first paragraphs are enough. */
const detectionLines = 200;

type DetectByContent = 'switch' | 'offer' | 'off';

function settings(uri: vscode.Uri) {
  const config = vscode.workspace.getConfiguration('newsAnnotator', uri);
  const patterns = config.get<unknown[]>('articlePatterns', []).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const mode = config.get<string>('detectByContent', 'offer');
  return { patterns, detectByContent: (['switch', 'offer', 'off'].includes(mode) ? mode : 'offer') as DetectByContent };
}

/** A Plain Text `.txt` file backed by a file system (not a git revision, an output channel...). */
function isCandidate(document: vscode.TextDocument): boolean {
  return document.languageId === 'plaintext'
    && document.uri.path.toLowerCase().endsWith('.txt')
    && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) !== undefined;
}

/** `articlePatterns` are globs relative to the document's workspace folder, as the workspace index reads them. */
function matchesArticlePatterns(document: vscode.TextDocument, patterns: readonly string[]): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return folder !== undefined
    && patterns.some(glob => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0);
}

/** File names go into a notification, which turns `[text](link)` into a link: break that syntax. */
function plainName(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.replace(/\]\(/g, '] (');
}

export function registerLanguageMode(state: vscode.Memento): vscode.Disposable {
  /**
   * Documents this code switched in this session (by pattern, by content, or on accepting the
   * offer). One that comes back as Plain Text was switched back by the user, and is left alone.
   */
  const switchedByExtension = new Set<string>();
  /** Asked in this session; the question is up before workspace state has been written. */
  const askedNow = new Set<string>();

  async function switchToNews(document: vscode.TextDocument): Promise<void> {
    try {
      await vscode.languages.setTextDocumentLanguage(document, newsLanguageId);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0} as a news article: {1}', plainName(document.uri), String(error)));
    }
  }

  function switchAutomatically(document: vscode.TextDocument): void {
    switchedByExtension.add(document.uri.toString());
    void switchToNews(document);
  }

  function wasAsked(uri: vscode.Uri): boolean {
    return askedNow.has(uri.toString()) || state.get<string[]>(askedKey, []).includes(uri.toString());
  }

  function rememberAsked(uri: vscode.Uri): Thenable<void> {
    askedNow.add(uri.toString());
    const asked = state.get<string[]>(askedKey, []).filter(u => u !== uri.toString());
    asked.push(uri.toString());
    return state.update(askedKey, asked.slice(-askedLimit));
  }

  async function offerSwitch(document: vscode.TextDocument, headline: boolean, quotations: number): Promise<void> {
    const remembered = rememberAsked(document.uri);
    const open = vscode.l10n.t('Open as News Article');
    const always = vscode.l10n.t('Always for Such Files');
    const never = vscode.l10n.t("Don't Ask Again");
    const counted = quotations === 1
      ? vscode.l10n.t('an attributed quotation')
      : vscode.l10n.t('{0} attributed quotations', quotations);
    const why = headline ? vscode.l10n.t('a headline and {0}', counted) : counted;
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} looks like a news article ({1}). Open it in News Article mode?', plainName(document.uri), why),
      open, always, never);
    // Switch before changing the setting, so that the change does not switch the same file again.
    if ((choice === open || choice === always) && !document.isClosed && document.languageId !== newsLanguageId) {
      switchedByExtension.add(document.uri.toString());
      await switchToNews(document);
    }
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    if (choice === always) await vscode.workspace.getConfiguration('newsAnnotator').update('detectByContent', 'switch', target);
    if (choice === never) await vscode.workspace.getConfiguration('newsAnnotator').update('detectByContent', 'off', target);
    await remembered;
  }

  /** Switches a document named by `articlePatterns`; returns whether it did. */
  function applyPatterns(document: vscode.TextDocument): boolean {
    if (!isCandidate(document) || switchedByExtension.has(document.uri.toString())) return false;
    if (!matchesArticlePatterns(document, settings(document.uri).patterns)) return false;
    switchAutomatically(document);
    return true;
  }

  /** For a document the user is looking at: the name patterns, then its content. */
  function considerShown(document: vscode.TextDocument): void {
    if (applyPatterns(document) || !isCandidate(document) || switchedByExtension.has(document.uri.toString())) return;
    const mode = settings(document.uri).detectByContent;
    if (mode === 'off' || (mode === 'offer' && wasAsked(document.uri))) return;
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, detectionLines), 0));
    const evidence = detectNewsArticle(head);
    if (!evidence.looksLikeNews) return;
    if (mode === 'switch') switchAutomatically(document);
    else void offerSwitch(document, evidence.headline, evidence.attributedQuotations);
  }

  function considerVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) considerShown(editor.document);
  }

  async function openAsNewsArticle(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a text file first, then run "News: Open as News Article".'));
      return;
    }
    if (document.languageId !== newsLanguageId) await switchToNews(document);
  }

  // Documents opened without an editor (by the workspace index, say) follow the name patterns only;
  // content detection waits until a document is shown, so that nobody is asked about files they
  // never opened.
  const disposables = [
    vscode.commands.registerCommand(openAsNewsArticleCommand, openAsNewsArticle),
    vscode.workspace.onDidOpenTextDocument(applyPatterns),
    vscode.window.onDidChangeVisibleTextEditors(considerVisible),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('newsAnnotator.articlePatterns')) vscode.workspace.textDocuments.forEach(applyPatterns);
      if (event.affectsConfiguration('newsAnnotator.detectByContent')) considerVisible();
    }),
  ];
  vscode.workspace.textDocuments.forEach(applyPatterns);
  considerVisible();
  return vscode.Disposable.from(...disposables);
}
