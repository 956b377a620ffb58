import * as vscode from 'vscode';
import { ArticleForExport, exportBrat, exportCsv, exportJsonLd, importBrat } from '../core/annotations';
import type { AnnotationStore } from './annotationStore';
import { isArticleDocument, type NewsWorkspace } from './newsWorkspace';

type ExportFormat = 'jsonld' | 'csv' | 'brat';

const formats: readonly (vscode.QuickPickItem & { readonly format: ExportFormat; readonly file?: string })[] = [
  { label: 'W3C Web Annotations (JSON-LD)', detail: 'Every annotation of the workspace in one AnnotationCollection', format: 'jsonld', file: 'annotations.jsonld' },
  { label: 'CSV', detail: 'One row per quotation: file, outlet, line, speaker, cue, text, notes, tags', format: 'csv', file: 'quotations.csv' },
  { label: 'brat standoff (.ann)', detail: 'One .ann file per article, in a folder you choose', format: 'brat' },
];

/**
 * "News: Export Annotations…" (JSON-LD, CSV, brat) and "News: Import brat Annotations…". Both take
 * an optional argument (`{ format, target }`, `{ uri, ann }`: URI strings) in place of the
 * pickers and dialogs, for tests and other extensions.
 */
export function registerAnnotationExchange(news: NewsWorkspace, store: AnnotationStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('newsAnnotator.exportAnnotations', (arg?: unknown) => reportFailure(() => exportAnnotations(news, store, arg))),
    vscode.commands.registerCommand('newsAnnotator.importBratAnnotations', (arg?: unknown) => reportFailure(() => importBratFile(news, store, arg))),
  );
}

async function reportFailure(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    void vscode.window.showErrorMessage(`News Annotator: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function argUri(arg: unknown, key: string): vscode.Uri | undefined {
  const value = arg && typeof arg === 'object' ? (arg as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? vscode.Uri.parse(value, true) : undefined;
}

async function exportAnnotations(news: NewsWorkspace, store: AnnotationStore, arg: unknown): Promise<void> {
  const wanted = arg && typeof arg === 'object' ? (arg as { format?: unknown }).format : undefined;
  const choice = formats.find(f => f.format === wanted)
    ?? await vscode.window.showQuickPick(formats, { title: 'Export Annotations', placeHolder: 'Export as' });
  if (!choice) return;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = argUri(arg, 'target') ?? (choice.format === 'brat'
    ? (await vscode.window.showOpenDialog({ title: 'Folder for the .ann files', canSelectFiles: false, canSelectFolders: true, defaultUri: base, openLabel: 'Export Here' }))?.[0]
    : await vscode.window.showSaveDialog({ title: 'Export Annotations', defaultUri: base && choice.file ? vscode.Uri.joinPath(base, choice.file) : undefined }));
  if (!target) return;

  await Promise.all([news.ready, store.ready]);
  let summary: string;
  if (choice.format === 'jsonld') {
    const sidecars = store.sidecars();
    const folder = vscode.Uri.joinPath(target, '..');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportJsonLd(sidecars.map(s => ({ folder: relativePath(folder, s.folder), data: s.data })))));
    summary = `${sidecars.reduce((n, s) => n + s.data.annotations.length, 0)} annotations`;
  } else {
    // Every article's text and analysis: the workspace index keeps no texts, so they are read back for the export.
    const keptTexts = news.keepTexts();
    let articles: ArticleForExport[];
    try {
      await keptTexts.ready;
      articles = articlesForExport(news, store);
    } finally {
      keptTexts.dispose();
    }
    if (choice.format === 'csv') {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportCsv(articles)));
    } else {
      for (const article of articles) {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, `${article.file.replace(/\.txt$/i, '')}.ann`), new TextEncoder().encode(exportBrat(article)));
      }
    }
    summary = `${articles.reduce((n, a) => n + a.analysis.quotes.filter(q => q.kind !== 'other').length, 0)} quotations from ${articles.length} articles`;
  }
  // Not awaited: the message stays until dismissed, and the command is done.
  const open = choice.format === 'brat' ? [] : ['Open'];
  void vscode.window.showInformationMessage(`News Annotator: exported ${summary} to ${vscode.workspace.asRelativePath(target)}.`, ...open)
    .then(picked => (picked ? vscode.window.showTextDocument(target) : undefined));
}

/** Every indexed article, corrected, with its annotations; paths relative to the workspace. */
function articlesForExport(news: NewsWorkspace, store: AnnotationStore): ArticleForExport[] {
  const articles: ArticleForExport[] = [];
  for (const uri of news.articles()) {
    const text = news.textOf(uri);
    const analysis = news.analysisFor(uri);
    if (text === undefined || !analysis) continue;
    articles.push({ file: vscode.workspace.asRelativePath(uri, false), text, analysis, annotations: store.annotationsFor(uri) });
  }
  return articles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `to` relative to the folder `from`, with forward slashes ('' for the same folder). */
function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  if (from.scheme !== to.scheme || from.authority !== to.authority) return to.toString();
  const a = from.path.split('/').filter(Boolean);
  const b = to.path.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

async function importBratFile(news: NewsWorkspace, store: AnnotationStore, arg: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const article = argUri(arg, 'uri') ?? (editor && isArticleDocument(editor.document) ? editor.document.uri : undefined);
  if (!article) {
    void vscode.window.showInformationMessage('News Annotator: open the article the .ann file belongs to first.');
    return;
  }
  const ann = argUri(arg, 'ann') ?? (await vscode.window.showOpenDialog({
    title: `brat annotations for ${vscode.workspace.asRelativePath(article)}`, canSelectMany: false, filters: { 'brat standoff': ['ann'] },
    defaultUri: vscode.Uri.joinPath(article, '..'),
  }))?.[0];
  if (!ann) return;
  const document = await vscode.workspace.openTextDocument(article);
  const text = news.textOf(article) ?? document.getText();
  const result = importBrat(new TextDecoder().decode(await vscode.workspace.fs.readFile(ann)), text, article.path.slice(article.path.lastIndexOf('/') + 1));
  if (result.annotations.length > 0) await store.addAll(article, result.annotations);
  const skipped = result.warnings.length ? ` Skipped ${result.warnings.length} line(s): ${result.warnings.slice(0, 3).join('; ')}${result.warnings.length > 3 ? '; …' : ''}` : '';
  void vscode.window.showInformationMessage(`News Annotator: imported ${result.annotations.length} annotation(s) from ${vscode.workspace.asRelativePath(ann)}.${skipped}`);
}
