import { Minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { decodeArticle, stripBom } from '../core/text';
import { analyzeArticle, type WorkspaceSpeaker } from '../core/analyze';
import { applyCorrections, speakerAfter, type Annotation, type SpeakerOperation } from '../core/annotations';
import type { ArticleAnalysis, Quote } from '../core/types';
import { WorkspaceIndex, type QuoteMatch } from '../core/workspaceIndex';

/** The language id of news articles, as package.json declares it. */
export const newsLanguageId = 'news-article';

/** Names that make a file a news article in every workspace (as `contributes.languages` says); `newsAnnotator.articlePatterns` adds more. */
const builtInPatterns = [`**/[0-9][0-9][0-9]_${'[0-9a-f]'.repeat(16)}.txt`, '**/*.news.txt'];

/** Work done between two yields to the event loop, so keystrokes never wait behind indexing. */
const sliceMs = 10;
/** Files read from disk at once during a build. */
const readConcurrency = 32;
/** How long index changes are gathered into one `onDidChange` event; longer while many files come in. */
const changeCoalesceMs = 50;
const bulkChangeCoalesceMs = 1000;
/** Queued articles above which an update counts as a bulk one (a git pull, a folder copied in). */
const bulkQueue = 20;
/** Match lists kept between two index changes: the hover, highlighting and status bar ask for the same ones. */
const maxCachedMatchLists = 5000;
/** Texts of closed articles read back from disk and kept for the next calls that need them (the index keeps none). */
const maxReadBackTexts = 64;

export type { QuoteMatch };

/** Hand corrections, which win over the automatic analysis everywhere (the annotation store provides them). */
export interface CorrectionSource {
  /** One article's annotations, anchored against its current text (orphans flagged). */
  annotationsFor(uri: vscode.Uri): readonly Annotation[];
  /** The speaker renames, merges and splits that apply to an article, oldest first. */
  speakerOperationsFor(uri: vscode.Uri): readonly SpeakerOperation[];
  /** Fires with the articles whose corrections changed. */
  readonly onDidChange: vscode.Event<{ readonly articles: readonly vscode.Uri[] }>;
}

export interface NewsWorkspaceChange {
  /** The articles whose analysis or matches may have changed (removed ones included). */
  readonly uris: readonly vscode.Uri[];
}

/** A queued look at one article: waiting out its debounce, due for the reader, or being read. */
interface PendingUpdate {
  readonly timer: ReturnType<typeof setTimeout> | undefined;
  readonly cancellation: vscode.CancellationTokenSource;
}

/**
 * The live model every feature reads: the pure WorkspaceIndex over every news article in the open
 * folders, built in the background at start and kept current as articles are opened, edited
 * (unsaved text counts), created, renamed and deleted, in the editor or outside it (git pull).
 *
 * Updates are debounced per file and cancellable. Reading and analysing happen in short slices
 * with a yield between them, so the extension host keeps answering keystrokes. Queries about an
 * open article first take in its latest unsaved text, so a hover never shows stale words.
 */
export class NewsWorkspace implements vscode.Disposable {
  /** Settles when the first build has finished (or was cancelled by closing the window). */
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<NewsWorkspaceChange>;

  private readonly index = new WorkspaceIndex({
    maxTextLength: Number.MAX_SAFE_INTEGER, analyze: analyzerFromSettings(), readText: id => this.textNow(id),
  });
  /** Texts of closed articles read back from disk, most recently used last. */
  private readonly readBack = new Map<string, string>();
  /** How many whole-workspace readers (see `keepTexts`) hold on to every text. */
  private textKeepers = 0;
  private readonly changeEmitter = new vscode.EventEmitter<NewsWorkspaceChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, PendingUpdate>();
  /** Articles whose debounce is over, waiting for the one reader loop. */
  private readonly due = new Map<string, vscode.Uri>();
  private draining: Promise<void> | undefined;
  /** Articles that exist on disk under an article name, by URI string. */
  private readonly onDisk = new Map<string, vscode.Uri>();
  /** Files deleted while an editor still held them: their unchanged text is not an article any more. */
  private readonly goneFromDisk = new Set<string>();
  /** The document version each open article was last indexed at. */
  private readonly indexedVersions = new Map<string, number>();
  /** Why each file named like an article is not in the index (too large, binary, not UTF-8, unreadable). */
  private readonly skipped = new Map<string, string>();
  private readonly problems = vscode.languages.createDiagnosticCollection('news-annotator');
  private readonly lifetime = new vscode.CancellationTokenSource();
  private watchers: vscode.Disposable[] = [];
  private changed = new Map<string, vscode.Uri>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private oversizeNotified = false;
  /** How many whole-workspace reads are under way. */
  private bulkReads = 0;
  private readonly matchCache = new Map<string, readonly QuoteMatch[]>();
  private corrections: CorrectionSource | undefined;
  /** Analyses with corrections applied, by article; emptied whenever the index or the corrections change. */
  private readonly corrected = new Map<string, ArticleAnalysis>();
  /** Each folder's speaker operations as last seen, to tell when they change. */
  private readonly seenSpeakerOperations = new Map<string, readonly SpeakerOperation[]>();
  /** Compiled article globs per workspace folder; rebuilt when the folders or the patterns change. */
  private readonly nameMatchers = new Map<string, Minimatch[]>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.onDidChange = this.changeEmitter.event;
    const indexChanges = this.index.onDidChange(({ changed, removed }) => {
      this.matchCache.clear();
      this.corrected.clear();
      for (const id of [...changed, ...removed]) this.noteChange(vscode.Uri.parse(id, true));
    });
    this.disposables.push(
      { dispose: () => indexChanges.dispose() },
      this.changeEmitter,
      this.problems,
      vscode.workspace.onDidOpenTextDocument(document => this.documentOpened(document)),
      vscode.workspace.onDidChangeTextDocument(event => {
        if (event.contentChanges.length > 0 && isIndexable(event.document)) this.schedule(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument(document => this.documentClosed(document)),
      vscode.workspace.onDidRenameFiles(event => this.renamed(event.files)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration('newsAnnotator.articlePatterns') || event.affectsConfiguration('newsAnnotator.maxFileSizeKB')) {
          this.rescan();
        }
        if (event.affectsConfiguration('newsAnnotator.cueVerbs')) this.index.setAnalyzer(analyzerFromSettings());
      }),
    );
    this.watch();
    // The first build starts after activation has returned, never inside it; `ready` never rejects.
    this.ready = yieldToEventLoop().then(() => this.buildAll(this.lifetime.token)).catch(error => {
      this.log.error(`Indexing the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  }

  /**
   * Lets hand corrections win over the automatic analysis in every answer below. Returns the
   * disposable that stops it.
   */
  useCorrections(source: CorrectionSource): vscode.Disposable {
    this.corrections = source;
    const subscription = source.onDidChange(({ articles }) => {
      this.corrected.clear();
      this.matchCache.clear();
      for (const uri of articles) this.noteChange(uri);
      // Speaker operations (rename, merge, split) hold for a whole folder: when a folder's changed,
      // its other articles changed too. (An edit re-anchoring notes leaves them as they were.)
      const folders = new Set<string>();
      for (const uri of articles) {
        const folder = folderOf(uri);
        const operations = source.speakerOperationsFor(uri);
        if (this.seenSpeakerOperations.get(folder) === operations) continue;
        this.seenSpeakerOperations.set(folder, operations);
        folders.add(folder);
      }
      if (folders.size === 0) return;
      for (const uri of this.articles()) if (folders.has(folderOf(uri))) this.noteChange(uri);
    });
    return new vscode.Disposable(() => {
      subscription.dispose();
      if (this.corrections === source) this.corrections = undefined;
      this.corrected.clear();
    });
  }

  /** The article's analysis, hand corrections applied: of the open document's current text when it is open. */
  analysisFor(uri: vscode.Uri): ArticleAnalysis | undefined {
    const id = this.current(uri);
    const analysis = this.index.analysisFor(id);
    if (!analysis || !this.hasCorrections(uri)) return analysis;
    let corrected = this.corrected.get(id);
    if (!corrected) {
      corrected = applyCorrections(analysis, this.corrections!.annotationsFor(uri), this.index.textOf(id)!, this.corrections!.speakerOperationsFor(uri));
      this.corrected.set(id, corrected);
    }
    return corrected;
  }

  /** The text the analysis of `uri` counts its offsets into (BOM removed). */
  textOf(uri: vscode.Uri): string | undefined {
    return this.index.textOf(this.current(uri));
  }

  /** The innermost quotation that covers `offset`, if any. */
  quoteAt(uri: vscode.Uri, offset: number): Quote | undefined {
    const id = this.current(uri);
    if (!this.hasCorrections(uri)) return this.index.quotesAt(id, offset).at(-1);
    return this.analysisFor(uri)?.quotes
      .filter(q => q.start <= offset && offset < q.end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  }

  /** Whether another article carries a quotation of `uri` (a headline echoing its own body does not count). */
  carriedElsewhere(uri: vscode.Uri): (quote: Quote) => boolean {
    const self = uri.toString();
    return quote => this.matchesFor(uri, quote).some(match => match.uri !== self);
  }

  /**
   * Other places with the words of `quote` (a quotation of `uri`): best first, same-article matches
   * last, each with the speaker its article gives after hand corrections.
   */
  matchesFor(uri: vscode.Uri, quote: Pick<Quote, 'start' | 'end'>): readonly QuoteMatch[] {
    const id = this.current(uri);
    // Aligning a remark that many outlets carry costs milliseconds; the answer holds until the index changes.
    const key = `${id}#${quote.start}:${quote.end}`;
    const cached = this.index.pendingCount === 0 ? this.matchCache.get(key) : undefined;
    if (cached) return cached;
    const [matches, complete] = this.withCorrections(this.index.matchesFor(id, quote));
    if (this.matchCache.size >= maxCachedMatchLists) this.matchCache.clear();
    if (complete) this.matchCache.set(key, matches);
    return matches;
  }

  /**
   * Reads back from disk the texts of closed articles among `ids` (URI strings) that are not at hand,
   * for what needs more than the index keeps: a match's quotation and speaker (`QuoteMatch.quote`),
   * `analysisFor` and `textOf` of a closed article. The most recently used stay for a while. Returns
   * the ids read.
   */
  async loadTexts(ids: readonly string[]): Promise<string[]> {
    const missing = [...new Set(ids)].filter(id => this.index.has(id) && !this.readBack.has(id) && !openIndexableDocument(vscode.Uri.parse(id, true)));
    const read: string[] = [];
    for (let at = 0; at < missing.length; at += readConcurrency) {
      await Promise.all(missing.slice(at, at + readConcurrency).map(async id => {
        const text = await readQuietly(vscode.Uri.parse(id, true));
        if (text === undefined) return;
        this.keepText(id, text);
        read.push(id);
      }));
    }
    return read;
  }

  /**
   * For a whole-workspace reader (the Speakers view while shown, an export): until disposed, every
   * article's text, and every analysis made, is kept at hand; the texts not read yet are read now,
   * and the articles read are reported through `onDidChange`. `ready` settles once all are in.
   */
  keepTexts(): vscode.Disposable & { readonly ready: Promise<void> } {
    this.textKeepers++;
    // Whoever reads every text reads every analysis too, again on each change: keep those as well.
    const analyses = this.index.holdAnalyses();
    const ready = this.loadTexts(this.index.documentIds()).then(read => {
      for (const id of read) this.noteChange(vscode.Uri.parse(id, true));
    });
    let disposed = false;
    return {
      ready,
      dispose: () => {
        if (disposed) return;
        disposed = true;
        this.textKeepers--;
        analyses.dispose();
        this.trimReadBack();
      },
    };
  }

  /** Every speaker across the workspace, one record per person, with renames and merges applied. */
  speakers(): readonly WorkspaceSpeaker[] {
    const speakers = this.index.speakers();
    const operations = this.allSpeakerOperations();
    if (operations.length === 0) return speakers;
    const byName = new Map<string, { name: string; aliases: Set<string>; titles: Set<string>; quotes: number; documents: number }>();
    for (const speaker of speakers) {
      const name = speakerAfter(speaker.name, null, operations);
      const entry = byName.get(name) ?? { name, aliases: new Set<string>(), titles: new Set<string>(), quotes: 0, documents: 0 };
      if (name !== speaker.name) entry.aliases.add(speaker.name);
      speaker.aliases.forEach(alias => entry.aliases.add(alias));
      speaker.titles.forEach(title => entry.titles.add(title));
      entry.quotes += speaker.quotes;
      // An upper bound when two merged names appear in one article.
      entry.documents += speaker.documents;
      byName.set(name, entry);
    }
    return [...byName.values()]
      .map(entry => ({ ...entry, aliases: [...entry.aliases].filter(alias => alias !== entry.name).sort(), titles: [...entry.titles].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every indexed article. */
  articles(): vscode.Uri[] {
    return this.index.documentIds().map(id => vscode.Uri.parse(id, true));
  }

  /** How the reader sees an article's name: its workspace-relative path. */
  labelOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  dispose(): void {
    this.lifetime.cancel();
    this.lifetime.dispose();
    for (const key of [...this.pending.keys()]) this.cancelPending(key);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const disposable of [...this.watchers, ...this.disposables]) disposable.dispose();
  }

  private hasCorrections(uri: vscode.Uri): boolean {
    return this.corrections !== undefined &&
      (this.corrections.speakerOperationsFor(uri).length > 0 || this.corrections.annotationsFor(uri).length > 0);
  }

  /** The speaker operations of every folder that holds an article, oldest first. */
  allSpeakerOperations(): SpeakerOperation[] {
    const corrections = this.corrections;
    if (!corrections) return [];
    const byFolder = new Map<string, vscode.Uri>();
    for (const uri of this.articles()) byFolder.set(folderOf(uri), uri);
    const operations = [...byFolder.values()].flatMap(uri => [...corrections.speakerOperationsFor(uri)]);
    return operations.sort((a, b) => a.created.localeCompare(b.created));
  }

  /**
   * Matches as the other articles read after their corrections; a match on a quotation struck out by
   * hand goes. Not complete when an article with corrections was not at hand (see `loadTexts`): its
   * matches stay as the index gives them.
   */
  private withCorrections(matches: readonly QuoteMatch[]): [readonly QuoteMatch[], boolean] {
    if (!this.corrections) return [matches, true];
    let complete = true;
    const corrected = matches.flatMap(match => {
      const uri = vscode.Uri.parse(match.uri, true);
      if (!this.hasCorrections(uri)) return [match];
      const analysis = this.analysisFor(uri);
      if (!analysis) {
        complete = false;
        return [match];
      }
      const quote = analysis.quotes.find(q => q.start === match.start && q.end === match.end);
      return quote ? [{ ...match, quote }] : [];
    });
    return [corrected, complete];
  }

  /** An article's text as the editor has it now: its open document's, else the copy read back from disk. */
  private textNow(id: string): string | undefined {
    const document = openIndexableDocument(vscode.Uri.parse(id, true));
    if (document) return stripBom(document.getText());
    const text = this.readBack.get(id);
    if (text !== undefined) this.keepText(id, text);
    return text;
  }

  private keepText(id: string, text: string): void {
    this.readBack.delete(id);
    this.readBack.set(id, text);
    this.trimReadBack();
  }

  private trimReadBack(): void {
    if (this.textKeepers > 0) return;
    for (const id of this.readBack.keys()) {
      if (this.readBack.size <= maxReadBackTexts) break;
      this.readBack.delete(id);
    }
  }

  // ---- building ------------------------------------------------------------------------------

  private async buildAll(token: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News: indexing articles' }, async progress => {
      // Open articles first: the reader is looking at them, and their unsaved text wins over disk.
      for (const document of vscode.workspace.textDocuments) {
        if (isIndexable(document)) this.indexDocument(document);
      }
      const uris = await this.findArticles(token);
      const listed = Date.now();
      await this.readNow(uris, progress);
      if (token.isCancellationRequested) return;
      this.log.info(`Indexed ${this.index.size} articles in ${Date.now() - started} ms ` +
        `(listing ${listed - started} ms, reading, analysing and matching ${Date.now() - listed} ms)` +
        (this.skipped.size > 0 ? `; ${this.skipped.size} skipped, listed above.` : '.'));
      this.notifyOversize();
    });
  }

  private async findArticles(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of this.patterns()) {
      for (const uri of await vscode.workspace.findFiles(pattern, undefined, undefined, token)) found.set(uri.toString(), uri);
    }
    for (const [key, uri] of found) this.onDisk.set(key, uri);
    return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Queues `uris` without a debounce and waits until the reader has taken them all in. */
  private async readNow(uris: readonly vscode.Uri[], progress: vscode.Progress<{ message?: string }>): Promise<void> {
    for (const uri of uris) {
      const key = uri.toString();
      if (this.indexedVersions.has(key)) continue; // open: the editor's text is already in
      this.cancelPending(key);
      this.pending.set(key, { timer: undefined, cancellation: new vscode.CancellationTokenSource() });
      this.due.set(key, uri);
    }
    const total = this.due.size;
    const ticker = setInterval(() => progress.report({ message: `${total - this.due.size}/${total}` }), 250);
    this.bulkReads++;
    try {
      await this.drain();
    } finally {
      this.bulkReads--;
      clearInterval(ticker);
    }
  }

  /** The one reader loop: runs while articles are due, and settles when none is left. */
  private drain(): Promise<void> {
    this.draining ??= this.readDue().finally(() => {
      this.draining = undefined;
      if (this.due.size > 0 && !this.lifetime.token.isCancellationRequested) void this.drain();
    });
    return this.draining;
  }

  /**
   * Reads due articles a few at a time, then analyses what they brought in slices of a few
   * milliseconds with a yield between slices, so a git pull of thousands of files never stalls typing.
   */
  private async readDue(): Promise<void> {
    const token = this.lifetime.token;
    const started = Date.now();
    let count = 0;
    while (this.due.size > 0 && !token.isCancellationRequested) {
      const batch = [...this.due.values()].slice(0, readConcurrency);
      for (const uri of batch) this.due.delete(uri.toString());
      await Promise.all(batch.map(uri => this.refresh(uri)));
      await inSlices(token, () => this.index.processPending(token, 1));
      count += batch.length;
    }
    // Once nothing is left to read, work out matches ahead of hovers, so the first hover on an
    // article does not pay for them (an article indexed later gets its matches as it is indexed).
    await inSlices(token, () => this.index.processPending(token, 1) && this.index.resolveMatches(token, 1));
    if (count > bulkQueue) {
      this.log.info(`Took in ${count} changed articles in ${Date.now() - started} ms.`);
      await this.findUnreported(token);
    }
  }

  /**
   * A burst of changes (a git pull) can outrun the file watcher: files written into a folder a moment
   * after it was created reach the disk before the folder is watched, and nobody reports them. After
   * each burst, look once for articles on disk that the index has never heard of.
   */
  private async findUnreported(token: vscode.CancellationToken): Promise<void> {
    const known = (key: string) => this.index.has(key) || this.pending.has(key) || this.skipped.has(key);
    const unreported = (await this.findArticles(token)).filter(uri => !known(uri.toString()));
    if (unreported.length === 0 || token.isCancellationRequested) return;
    this.log.info(`Found ${unreported.length} articles the file watcher did not report; reading them.`);
    for (const uri of unreported) this.appeared(uri);
  }

  /** One RelativePattern per folder and glob, so a user's glob never has to nest inside braces. */
  private patterns(): vscode.RelativePattern[] {
    return (vscode.workspace.workspaceFolders ?? [])
      .flatMap(folder => this.globs(folder).map(glob => new vscode.RelativePattern(folder, glob)));
  }

  private globs(folder: vscode.WorkspaceFolder): string[] {
    const extra = vscode.workspace.getConfiguration('newsAnnotator', folder).get<unknown[]>('articlePatterns', []);
    return [...new Set([...builtInPatterns, ...extra.filter((g): g is string => typeof g === 'string' && g.trim() !== '')])];
  }

  /** Whether `uri` has an article name in its workspace folder (after a rename it may no longer have). */
  private isArticleName(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    let matchers = this.nameMatchers.get(folder.uri.toString());
    if (!matchers) {
      matchers = this.globs(folder).map(glob => new Minimatch(glob, { dot: true }));
      this.nameMatchers.set(folder.uri.toString(), matchers);
    }
    return matchers.some(matcher => matcher.match(relative));
  }

  /** Starts over after the folders, the patterns or the size limit changed. */
  private rescan(): void {
    this.nameMatchers.clear();
    this.watch();
    const token = this.lifetime.token;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News: indexing articles' }, async progress => {
      const uris = await this.findArticles(token);
      const current = new Set(uris.map(uri => uri.toString()));
      for (const key of [...this.onDisk.keys()]) if (!current.has(key)) this.onDisk.delete(key);
      for (const id of this.index.documentIds()) {
        if (!current.has(id) && !this.indexedVersions.has(id)) this.drop(vscode.Uri.parse(id, true));
      }
      for (const key of [...this.skipped.keys()]) if (!current.has(key)) this.clearProblem(vscode.Uri.parse(key, true));
      for (const document of vscode.workspace.textDocuments) if (isIndexable(document)) this.indexDocument(document);
      await this.readNow(uris, progress);
    }).then(undefined, error => {
      this.log.error(`Indexing the workspace again failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  // ---- keeping current -----------------------------------------------------------------------

  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    for (const pattern of this.patterns()) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(uri => this.appeared(uri));
      watcher.onDidChange(uri => this.appeared(uri));
      watcher.onDidDelete(uri => this.deleted(uri));
      this.watchers.push(watcher);
    }
    // Deleting or renaming a folder outside the editor reports the folder alone, which no article glob matches.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    folders.onDidDelete(uri => this.deleted(uri));
    this.watchers.push(folders);
  }

  private appeared(uri: vscode.Uri): void {
    this.onDisk.set(uri.toString(), uri);
    this.goneFromDisk.delete(uri.toString());
    this.schedule(uri);
  }

  private documentOpened(document: vscode.TextDocument): void {
    if (isIndexable(document) && this.indexedVersions.get(document.uri.toString()) !== document.version) this.schedule(document.uri);
  }

  private documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.goneFromDisk.delete(key);
    if (!this.indexedVersions.delete(key)) return;
    // Unsaved edits are gone with the editor: fall back to the file, or forget an untitled article.
    this.schedule(document.uri);
  }

  private renamed(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): void {
    for (const { oldUri, newUri } of files) {
      const oldKey = oldUri.toString();
      for (const id of this.index.documentIds()) {
        if (id !== oldKey && !id.startsWith(oldKey + '/')) continue;
        const to = vscode.Uri.parse(newUri.toString() + id.slice(oldKey.length), true);
        // Keep the article (and its matches) under its new name at once; the check then reads it again
        // or drops it, when the new name is no article name.
        this.index.rename(id, to.toString());
        this.readBack.delete(id);
        this.onDisk.delete(id);
        this.appeared(to);
      }
    }
  }

  private deleted(uri: vscode.Uri): void {
    const key = uri.toString();
    const under = (id: string) => id === key || id.startsWith(key + '/');
    for (const id of new Set([...this.onDisk.keys(), ...this.skipped.keys(), ...this.index.documentIds()])) {
      if (!under(id)) continue;
      this.onDisk.delete(id);
      this.goneFromDisk.add(id);
      this.cancelPending(id);
      const article = vscode.Uri.parse(id, true);
      this.clearProblem(article);
      // Unsaved edits of a deleted file stay until their editor closes; an unchanged open copy goes
      // (and comes back only if the reader types into it).
      if (!openIndexableDocument(article)?.isDirty) this.drop(article);
    }
  }

  /** Queues a fresh look at `uri` after the debounce delay, replacing any queued or running one. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelPending(key);
    const cancellation = new vscode.CancellationTokenSource();
    const delay = vscode.workspace.getConfiguration('newsAnnotator', uri).get<number>('indexDebounceMs', 300);
    const timer = setTimeout(() => {
      if (cancellation.token.isCancellationRequested) return;
      this.due.set(key, uri);
      void this.drain();
    }, Math.max(0, delay));
    this.pending.set(key, { timer, cancellation });
  }

  private cancelPending(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    pending.cancellation.cancel();
    pending.cancellation.dispose();
    this.pending.delete(key);
    this.due.delete(key);
  }

  /** Takes in the current state of one article: its open text, its file on disk, or its absence. */
  private async refresh(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const pending = this.pending.get(key);
    if (!pending) return; // cancelled while it waited: a newer look is queued, or the editor's text is in
    const { token } = pending.cancellation;
    try {
      const document = openIndexableDocument(uri);
      if (document) {
        this.indexDocument(document);
      } else if (this.onDisk.has(key) && this.isArticleName(uri)) {
        const text = await this.readArticle(uri);
        if (token.isCancellationRequested || openIndexableDocument(uri)) return;
        if (text === undefined) this.drop(uri);
        else this.put(uri, text);
      } else {
        this.onDisk.delete(key);
        this.drop(uri);
      }
    } catch (error) {
      this.log.error(`Could not update ${this.labelOf(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.pending.get(key) === pending) {
        this.pending.delete(key);
        pending.cancellation.dispose();
      }
    }
  }

  /** The index id of `uri`, after taking in the unsaved text of its open document if that changed. */
  private current(uri: vscode.Uri): string {
    const document = openIndexableDocument(uri);
    if (document && this.indexedVersions.get(uri.toString()) !== document.version) this.indexDocument(document);
    return uri.toString();
  }

  private indexDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancelPending(key);
    this.indexedVersions.set(key, document.version);
    if (this.goneFromDisk.has(key) && !document.isDirty) {
      this.drop(document.uri);
      return;
    }
    const text = stripBom(document.getText());
    const limit = maxBytes(document.uri);
    // UTF-16 length as a cheap stand-in for the size on disk: the same for ASCII, smaller otherwise.
    if (text.length > limit) {
      this.skip(document.uri, `it is ${kb(text.length)} KB, over the ${kb(limit)} KB limit (newsAnnotator.maxFileSizeKB)`, true);
      this.drop(document.uri);
      return;
    }
    this.clearProblem(document.uri);
    this.put(document.uri, text);
  }

  // ---- reading, writing, reporting -----------------------------------------------------------

  /** The decoded text of an article on disk, or undefined (with the reason recorded) when it is skipped. */
  private async readArticle(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const limit = maxBytes(uri);
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > limit) {
        this.skip(uri, `it is ${kb(size)} KB, over the ${kb(limit)} KB limit (newsAnnotator.maxFileSizeKB)`, true);
        return undefined;
      }
      const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) {
        this.skip(uri, decoded.reason, false);
        return undefined;
      }
      this.clearProblem(uri);
      return decoded.text;
    } catch (error) {
      // Deleted between the listing and the read (a git checkout, say): the watcher reports it.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      this.skip(uri, `it could not be read (${error instanceof Error ? error.message : String(error)})`, false);
      return undefined;
    }
  }

  private put(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    // A copy read back earlier is stale now; a whole-workspace reader keeps the new one.
    if (this.textKeepers > 0) this.keepText(key, text);
    else this.readBack.delete(key);
    if (this.index.holdsText(key, text)) return;
    this.index.upsert(key, text, this.labelOf(uri));
  }

  private drop(uri: vscode.Uri): void {
    this.readBack.delete(uri.toString());
    this.index.remove(uri.toString());
  }

  private skip(uri: vscode.Uri, reason: string, oversize: boolean): void {
    const key = uri.toString();
    const message = `News Annotator skipped ${this.labelOf(uri)}: ${reason}.`;
    if (this.skipped.get(key) !== reason) this.log.warn(message);
    this.skipped.set(key, reason);
    // The Problems panel is where a reader looks for what is wrong with a file.
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message,
      oversize ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'News Annotator';
    this.problems.set(uri, [diagnostic]);
  }

  private clearProblem(uri: vscode.Uri): void {
    this.skipped.delete(uri.toString());
    this.problems.delete(uri);
  }

  /** Once per session, after the first build: how many articles were too large, and how to see which. */
  private notifyOversize(): void {
    const count = [...this.skipped.values()].filter(reason => reason.includes('newsAnnotator.maxFileSizeKB')).length;
    if (this.oversizeNotified || count === 0) return;
    this.oversizeNotified = true;
    void vscode.window.showInformationMessage(
      `News Annotator left ${count} article${count === 1 ? '' : 's'} over the size limit out of the index.`,
      'Show List', 'Change Limit',
    ).then(choice => {
      if (choice === 'Show List') this.log.show(true);
      if (choice === 'Change Limit') void vscode.commands.executeCommand('workbench.action.openSettings', 'newsAnnotator.maxFileSizeKB');
    });
  }

  /**
   * Gathers index changes into one event per burst, so a git pull does not redraw every view per
   * file; while many files come in, views redraw about once a second.
   */
  private noteChange(uri: vscode.Uri): void {
    this.changed.set(uri.toString(), uri);
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      const uris = [...this.changed.values()];
      this.changed = new Map();
      this.changeEmitter.fire({ uris });
    }, this.bulkReads > 0 || this.pending.size > bulkQueue ? bulkChangeCoalesceMs : changeCoalesceMs);
  }
}

/** Builds the live model; `activate()` hands it to the features that read it. */
export function createNewsWorkspace(log: vscode.LogOutputChannel): NewsWorkspace {
  return new NewsWorkspace(log);
}

/** A document in News Article mode. */
export function isArticleDocument(document: vscode.TextDocument): boolean {
  return document.languageId === newsLanguageId;
}

/**
 * An article the index takes in: in News Article mode, and a file (in the open folders or not) or
 * an untitled document. Not the `git:` copy of a file in a diff, nor the extension's own passages.
 */
function isIndexable(document: vscode.TextDocument): boolean {
  const { scheme } = document.uri;
  return isArticleDocument(document) &&
    (scheme === 'file' || scheme === 'untitled' || vscode.workspace.getWorkspaceFolder(document.uri) !== undefined);
}

function openIndexableDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === key && isIndexable(d));
}

/** The folder an article lies in, as a key: its annotation file, and its speaker operations, are that folder's. */
function folderOf(uri: vscode.Uri): string {
  return vscode.Uri.joinPath(uri, '..').toString();
}

/**
 * An article's text read back from disk, or undefined when it cannot be read or decoded now, or has
 * grown past the size limit since it was indexed (the file watcher then reports it, with the reason).
 */
async function readQuietly(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > maxBytes(uri)) return undefined;
    const decoded = decodeArticle(bytes);
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

function maxBytes(uri: vscode.Uri): number {
  const kilobytes = vscode.workspace.getConfiguration('newsAnnotator', uri).get<number>('maxFileSizeKB', 1024);
  return Math.max(1, kilobytes) * 1024;
}

function kb(bytes: number): string {
  return (bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** Runs `step` (one article's worth of work; true once nothing is left) in slices of a few milliseconds, yielding between slices. */
async function inSlices(token: vscode.CancellationToken, step: () => boolean): Promise<void> {
  for (;;) {
    const sliceEnd = Date.now() + sliceMs;
    let done = false;
    while (!done && Date.now() < sliceEnd && !token.isCancellationRequested) done = step();
    await yieldToEventLoop();
    if (done || token.isCancellationRequested) return;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}

/** The analysis with the user's extra cue verbs (`newsAnnotator.cueVerbs`), one list for the whole window. */
function analyzerFromSettings(): (text: string) => ArticleAnalysis {
  const extraCueVerbs = vscode.workspace.getConfiguration('newsAnnotator')
    .get<unknown[]>('cueVerbs', [])
    .filter((verb): verb is string => typeof verb === 'string' && verb.trim().length > 0)
    .map(verb => verb.trim());
  return text => analyzeArticle(text, { extraCueVerbs });
}
