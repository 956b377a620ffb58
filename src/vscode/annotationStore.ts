import * as vscode from 'vscode';
import {
  Annotation, AnnotationBody, EMPTY_SIDECAR, SIDECAR_FILE_NAME, SidecarData, SpeakerOperation, createAnnotation,
  nowIso, parseSidecar, reanchorAnnotations, rebaseOffsets, serializeSidecar, targetFor, withBody,
} from '../core/annotations';
import { decodeArticle } from '../core/text';

/** The articles whose annotations changed (added, edited, removed, moved, orphaned or reloaded). */
export interface AnnotationStoreChange {
  readonly articles: readonly vscode.Uri[];
}

export interface OrphanedAnnotation {
  readonly uri: vscode.Uri;
  readonly annotation: Annotation;
}

/** A speaker operation as a command asks for it; the store stamps it. */
export type NewSpeakerOperation = SpeakerOperation extends infer O ? O extends SpeakerOperation ? Omit<O, 'created'> : never : never;

/** Outside changes to an article come in bursts (a git pull, a save that writes twice). */
const reanchorDelayMs = 300;

/** One folder's sidecar as the store holds it. */
interface Sidecar {
  readonly folder: vscode.Uri;
  readonly uri: vscode.Uri;
  /** The annotations with their current positions (re-anchored, rebased on edits). */
  data: SidecarData;
  /** The file's text as last read or written (undefined: no file yet); a difference means an outside change. */
  onDisk: string | undefined;
  /** Why the file is never written (unreadable, corrupt, newer format). */
  refusal: string | undefined;
  /** Reads and writes of this file, one after another. */
  queue: Promise<unknown>;
}

/**
 * The annotations of the workspace, kept in one `news-annotations.jsonld` per folder of articles
 * (W3C Web Annotation JSON-LD; see src/core/annotations). Positions follow edits in the editor
 * (rebased from the edit events) and changes outside it (re-anchored by quote and context);
 * annotations whose words are gone are kept as orphans. Renamed and moved articles keep their
 * annotations. Every write goes to a temporary file renamed over the sidecar, after checking the
 * file on disk for outside changes; a file that cannot be read is reported and never written.
 */
export class AnnotationStore implements vscode.Disposable {
  readonly onDidChange: vscode.Event<AnnotationStoreChange>;
  /** Settles once the sidecars present at start are loaded. */
  readonly ready: Promise<void>;

  readonly #sidecars = new Map<string, Promise<Sidecar>>();
  readonly #loaded = new Map<string, Sidecar>();
  readonly #emitter = new vscode.EventEmitter<AnnotationStoreChange>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly #reanchorTimers = new Map<string, { readonly timer: ReturnType<typeof setTimeout>; readonly persist: boolean }>();
  readonly #reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.onDidChange = this.#emitter.event;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.#disposables.push(
      this.#emitter,
      watcher,
      watcher.onDidChange(uri => this.#changedOnDisk(uri)),
      watcher.onDidCreate(uri => this.#changedOnDisk(uri)),
      watcher.onDidDelete(uri => this.#changedOnDisk(uri)),
      vscode.workspace.onDidChangeTextDocument(event => this.#edited(event)),
      vscode.workspace.onDidSaveTextDocument(document => this.#saved(document)),
      vscode.workspace.onDidRenameFiles(event => void this.#renamed(event.files)),
    );
    // Loading starts after activation has returned, never inside it.
    this.ready = new Promise<void>(resolve => setTimeout(resolve, 0))
      .then(() => vscode.workspace.findFiles(`**/${SIDECAR_FILE_NAME}`))
      .then(files => Promise.all(files.map(file => this.#sidecar(parentOf(file)))))
      .then(() => undefined, error => this.log.error(`Loading annotation files failed: ${errorText(error)}`));
  }

  dispose(): void {
    for (const { timer } of this.#reanchorTimers.values()) clearTimeout(timer);
    this.#disposables.forEach(d => d.dispose());
  }

  /**
   * The annotations of one article (orphans included, flagged), positions current. Synchronous: a
   * folder not loaded yet answers empty and fires `onDidChange` once it is.
   */
  annotationsFor(article: vscode.Uri): readonly Annotation[] {
    const sidecar = this.#loaded.get(parentOf(article).toString());
    if (!sidecar) {
      void this.#sidecar(parentOf(article));
      return [];
    }
    const source = nameOf(article);
    return sidecar.data.annotations.filter(a => a.target.source === source);
  }

  allAnnotations(): Annotation[] {
    return [...this.#loaded.values()].flatMap(sidecar => [...sidecar.data.annotations]);
  }

  /** Every annotation whose words could not be found, with its article. */
  orphans(): OrphanedAnnotation[] {
    return [...this.#loaded.values()].flatMap(sidecar => sidecar.data.annotations
      .filter(a => a.orphaned)
      .map(annotation => ({ uri: vscode.Uri.joinPath(sidecar.folder, annotation.target.source), annotation })));
  }

  /** Every readable sidecar's folder and content (positions current), for exports. */
  sidecars(): { readonly folder: vscode.Uri; readonly data: SidecarData }[] {
    return [...this.#loaded.values()]
      .filter(s => !s.refusal && (s.data.annotations.length > 0 || s.data.speakerOperations.length > 0))
      .map(s => ({ folder: s.folder, data: s.data }));
  }

  /** The speaker operations that apply to an article (those of its folder's sidecar), in order. */
  speakerOperationsFor(article: vscode.Uri): readonly SpeakerOperation[] {
    return this.#loaded.get(parentOf(article).toString())?.data.speakerOperations ?? noSpeakerOperations;
  }

  /** Annotates `[start, end)` of the article as it is now (open document or file). */
  async add(article: vscode.Uri, start: number, end: number, body: AnnotationBody): Promise<Annotation> {
    const text = await this.#textOf(article);
    if (text === undefined) throw new Error(`cannot read ${vscode.workspace.asRelativePath(article)} to annotate it.`);
    if (start < 0 || end > text.length || end <= start) throw new Error('the passage to annotate is outside the article.');
    const annotation = createAnnotation(targetFor(nameOf(article), text, start, end), body);
    await this.#mutate(parentOf(article), data => ({ ...data, annotations: [...data.annotations, annotation] }), [article]);
    return annotation;
  }

  /** Adds annotations made elsewhere (a brat import, say) to an article. */
  async addAll(article: vscode.Uri, annotations: readonly Annotation[]): Promise<void> {
    const source = nameOf(article);
    const placed = annotations.map(a => ({ ...a, target: { ...a.target, source } }));
    await this.#mutate(parentOf(article), data => ({ ...data, annotations: [...data.annotations, ...placed] }), [article]);
  }

  async update(article: vscode.Uri, id: string, body: AnnotationBody): Promise<void> {
    await this.#mutate(parentOf(article), data => {
      if (!data.annotations.some(a => a.id === id)) throw new Error('that annotation no longer exists.');
      return { ...data, annotations: data.annotations.map(a => (a.id === id ? withBody(a, body) : a)) };
    }, [article]);
  }

  async remove(article: vscode.Uri, id: string): Promise<void> {
    await this.#mutate(parentOf(article), data => ({ ...data, annotations: data.annotations.filter(a => a.id !== id) }), [article]);
  }

  /** Records a rename, merge or split of a speaker in the sidecar of each folder holding one of `articles`. */
  async addSpeakerOperation(articles: readonly vscode.Uri[], operation: NewSpeakerOperation): Promise<void> {
    const stamped = { ...operation, created: nowIso() } as SpeakerOperation;
    const folders = new Map(articles.map(article => [parentOf(article).toString(), parentOf(article)]));
    for (const folder of folders.values()) {
      const inFolder = articles.filter(article => parentOf(article).toString() === folder.toString());
      await this.#mutate(folder, data => ({ ...data, speakerOperations: [...data.speakerOperations, stamped] }), inFolder);
    }
  }

  /**
   * Re-anchors an article's annotations against its current text (open document or file). With
   * `persist`, moved and orphaned annotations are also written, so the sidecar describes the
   * article as it is on disk.
   */
  async reanchor(article: vscode.Uri, persist = false): Promise<void> {
    const sidecar = await this.#sidecar(parentOf(article));
    await this.#reanchorIn(sidecar, article);
    if (persist) await this.#persist(sidecar, [article]);
  }

  async #reanchorIn(sidecar: Sidecar, article: vscode.Uri): Promise<void> {
    const source = nameOf(article);
    const own = sidecar.data.annotations.filter(a => a.target.source === source);
    if (own.length === 0) return;
    const text = await this.#textOf(article);
    const result = text === undefined
      ? { changed: own.filter(a => !a.orphaned).length, annotations: own.map(a => (a.orphaned ? a : { ...a, orphaned: true })) }
      : reanchorAnnotations(own, text);
    if (result.changed === 0) return;
    replaceAnnotations(sidecar, result.annotations);
    const orphans = result.annotations.filter(a => a.orphaned).length;
    if (orphans > 0) this.log.info(`${vscode.workspace.asRelativePath(article)}: ${orphans} annotation(s) could not be placed in the current text and are kept as orphans.`);
    this.#emitter.fire({ articles: [article] });
  }

  /** The folder's sidecar, loading it (once) and re-anchoring its articles on first use. */
  #sidecar(folder: vscode.Uri): Promise<Sidecar> {
    const key = folder.toString();
    let loading = this.#sidecars.get(key);
    if (!loading) {
      loading = this.#load(folder);
      this.#sidecars.set(key, loading);
    }
    return loading;
  }

  async #load(folder: vscode.Uri): Promise<Sidecar> {
    const sidecar: Sidecar = {
      folder, uri: vscode.Uri.joinPath(folder, SIDECAR_FILE_NAME), data: EMPTY_SIDECAR, onDisk: undefined, refusal: undefined, queue: Promise.resolve(),
    };
    await this.#readFromDisk(sidecar);
    this.#loaded.set(folder.toString(), sidecar);
    await this.#reanchorAll(sidecar);
    if (sidecar.data.annotations.length > 0 || sidecar.refusal) this.#fireFolder(sidecar);
    return sidecar;
  }

  /** Takes in the file's current content when it differs from what the store last read or wrote. */
  async #readFromDisk(sidecar: Sidecar): Promise<boolean> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(sidecar.uri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
        return this.#refuse(sidecar, `could not be read (${errorText(error)}); it is left untouched and annotations in this folder are read-only`);
      }
      bytes = await this.#restoreInterruptedWrite(sidecar);
    }
    if (bytes === undefined) {
      if (sidecar.onDisk === undefined && !sidecar.refusal) return false;
      sidecar.onDisk = undefined;
      sidecar.refusal = undefined;
      sidecar.data = EMPTY_SIDECAR;
      return true;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return this.#refuse(sidecar, 'is not UTF-8 text; it is left untouched and annotations in this folder are read-only until it is fixed');
    }
    if (text === sidecar.onDisk && !sidecar.refusal) return false;
    const parsed = parseSidecar(text);
    if (!parsed.ok) return this.#refuse(sidecar, parsed.message, text);
    sidecar.data = parsed.data;
    sidecar.onDisk = text;
    sidecar.refusal = undefined;
    for (const warning of parsed.warnings) this.log.warn(`${vscode.workspace.asRelativePath(sidecar.uri)}: ${warning}`);
    return true;
  }

  /**
   * VS Code's rename with overwrite deletes the target before moving the new file in; a crash in
   * between leaves only the complete temporary file. Moves the newest such file that reads as a
   * sidecar into place, and returns its content.
   */
  async #restoreInterruptedWrite(sidecar: Sidecar): Promise<Uint8Array | undefined> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(sidecar.folder);
    } catch {
      return undefined;
    }
    const candidates: { uri: vscode.Uri; mtime: number; bytes: Uint8Array }[] = [];
    for (const [name] of entries.filter(([name, type]) => type === vscode.FileType.File && isTemporaryName(name))) {
      const uri = vscode.Uri.joinPath(sidecar.folder, name);
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (parseSidecar(new TextDecoder().decode(bytes)).ok) candidates.push({ uri, mtime: (await vscode.workspace.fs.stat(uri)).mtime, bytes });
      } catch {
        // Gone meanwhile, or unreadable: not a candidate.
      }
    }
    const newest = candidates.sort((a, b) => b.mtime - a.mtime)[0];
    if (!newest) return undefined;
    try {
      await vscode.workspace.fs.rename(newest.uri, sidecar.uri, { overwrite: false });
    } catch {
      return undefined;
    }
    this.log.warn(`${vscode.workspace.asRelativePath(sidecar.uri)} was restored from ${nameOf(newest.uri)}, left by an interrupted write.`);
    return newest.bytes;
  }

  /** Marks a sidecar read-only, shows nothing from it, and tells the reader once. */
  #refuse(sidecar: Sidecar, message: string, text?: string): boolean {
    sidecar.refusal = message;
    sidecar.onDisk = text;
    sidecar.data = EMPTY_SIDECAR;
    const where = vscode.workspace.asRelativePath(sidecar.uri);
    this.log.error(`${where} ${message}`);
    const key = `${sidecar.uri.toString()}\n${message}`;
    if (!this.#reported.has(key)) {
      this.#reported.add(key);
      void vscode.window.showWarningMessage(`News Annotator: the annotation file ${where} ${message}.`, 'Open File').then(choice => {
        if (choice) void vscode.window.showTextDocument(sidecar.uri);
      });
    }
    return true;
  }

  async #reanchorAll(sidecar: Sidecar): Promise<void> {
    const sources = [...new Set(sidecar.data.annotations.map(a => a.target.source))];
    for (const source of sources) await this.#reanchorIn(sidecar, vscode.Uri.joinPath(sidecar.folder, source));
  }

  /**
   * Changes a sidecar and writes it: outside changes to the file are taken in first, so a write
   * never undoes a git pull; a refused file is never written.
   */
  async #mutate(folder: vscode.Uri, change: (data: SidecarData) => SidecarData, articles: readonly vscode.Uri[]): Promise<void> {
    const sidecar = await this.#sidecar(folder);
    const run = async () => {
      if (await this.#readFromDisk(sidecar)) await this.#reanchorAll(sidecar);
      if (sidecar.refusal) {
        throw new Error(`the annotation file ${vscode.workspace.asRelativePath(sidecar.uri)} ${sidecar.refusal}. Nothing was changed.`);
      }
      const next = change(sidecar.data);
      const text = serializeSidecar(next);
      // Kept in memory even if the write fails, so a full disk loses nothing; the next write retries.
      sidecar.data = next;
      if (text === sidecar.onDisk) return;
      try {
        await writeAtomically(sidecar.uri, text);
      } catch (error) {
        throw new Error(`could not write ${vscode.workspace.asRelativePath(sidecar.uri)} (${errorText(error)}); the change is kept until the next save succeeds.`);
      }
      sidecar.onDisk = text;
    };
    const done = sidecar.queue.then(run, run);
    sidecar.queue = done.catch(() => undefined);
    try {
      await done;
    } finally {
      this.#emitter.fire({ articles });
    }
  }

  /** Saves re-anchored positions with the article. */
  #saved(document: vscode.TextDocument): void {
    const sidecar = this.#loaded.get(parentOf(document.uri).toString());
    if (!sidecar?.data.annotations.some(a => a.target.source === nameOf(document.uri))) return;
    void this.reanchor(document.uri, true);
  }

  /** Writes the sidecar as it is in memory (moved positions, orphans) when it can be written. */
  async #persist(sidecar: Sidecar, articles: readonly vscode.Uri[]): Promise<void> {
    if (sidecar.refusal) return;
    try {
      await this.#mutate(sidecar.folder, data => data, articles);
    } catch (error) {
      this.log.error(`Saving moved annotations in ${vscode.workspace.asRelativePath(sidecar.uri)} failed: ${errorText(error)}`);
    }
  }

  /** Edits in the editor move annotations through the edit events; lost words make orphans. */
  #edited(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const uri = event.document.uri;
    const sidecar = this.#loaded.get(parentOf(uri).toString());
    const source = nameOf(uri);
    const own = sidecar?.data.annotations.filter(a => a.target.source === source) ?? [];
    if (!sidecar || own.length === 0) return;
    const rebased = rebaseOffsets(own, event.contentChanges, event.document.getText());
    replaceAnnotations(sidecar, rebased);
    this.#emitter.fire({ articles: [uri] });
    // A document that is not dirty now matches its file (VS Code took in an outside change, or an
    // undo reached the saved text): the sidecar follows. An undo can also bring back the words of
    // an orphan: look for them once the typing settles.
    const persist = !event.document.isDirty;
    if (persist || rebased.some(a => a.orphaned)) this.#scheduleReanchor(uri, persist);
  }

  #changedOnDisk(uri: vscode.Uri): void {
    if (nameOf(uri) === SIDECAR_FILE_NAME) {
      const sidecar = this.#loaded.get(parentOf(uri).toString());
      if (!sidecar) {
        void this.#sidecar(parentOf(uri));
        return;
      }
      sidecar.queue = sidecar.queue.then(async () => {
        if (await this.#readFromDisk(sidecar)) {
          await this.#reanchorAll(sidecar);
          this.#fireFolder(sidecar);
        }
      }).catch(error => this.log.error(`Reloading ${vscode.workspace.asRelativePath(uri)} failed: ${errorText(error)}`));
      return;
    }
    const sidecar = this.#loaded.get(parentOf(uri).toString());
    if (!sidecar?.data.annotations.some(a => a.target.source === nameOf(uri))) return;
    // An open document is updated by VS Code itself, and its edits reach `#edited`.
    if (vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString())) return;
    this.#scheduleReanchor(uri, true);
  }

  #scheduleReanchor(uri: vscode.Uri, persist: boolean): void {
    const key = uri.toString();
    const pending = this.#reanchorTimers.get(key);
    clearTimeout(pending?.timer);
    const stickyPersist = persist || (pending?.persist ?? false);
    this.#reanchorTimers.set(key, { persist: stickyPersist, timer: setTimeout(() => {
      this.#reanchorTimers.delete(key);
      this.reanchor(uri, stickyPersist).catch(error => this.log.error(`Re-anchoring ${vscode.workspace.asRelativePath(uri)} failed: ${errorText(error)}`));
    }, reanchorDelayMs) });
  }

  /** Renamed or moved articles take their annotations along; renamed folders take their sidecar. */
  async #renamed(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      try {
        await this.#renamedOne(oldUri, newUri);
      } catch (error) {
        void vscode.window.showErrorMessage(`News Annotator: the annotations of ${vscode.workspace.asRelativePath(oldUri)} could not follow it to its new name: ${errorText(error)}`);
      }
    }
  }

  async #renamedOne(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const oldPrefix = `${oldUri.toString()}/`;
    const movedFolders = [...this.#loaded.keys()].filter(key => key === oldUri.toString() || key.startsWith(oldPrefix));
    for (const key of movedFolders) {
      const sidecar = this.#loaded.get(key)!;
      this.#loaded.delete(key);
      this.#sidecars.delete(key);
      const moved = vscode.Uri.parse(newUri.toString() + key.slice(oldUri.toString().length), true);
      this.#fireFolder(sidecar);
      this.#fireFolder(await this.#sidecar(moved));
    }
    if (movedFolders.length > 0 || nameOf(oldUri) === SIDECAR_FILE_NAME) return;

    const from = await this.#sidecar(parentOf(oldUri));
    const oldName = nameOf(oldUri);
    const moving = from.data.annotations.filter(a => a.target.source === oldName);
    if (moving.length === 0) return;
    const newName = nameOf(newUri);
    const renamed = moving.map(a => ({ ...a, target: { ...a.target, source: newName } }));
    const ids = new Set(moving.map(a => a.id));
    if (parentOf(oldUri).toString() === parentOf(newUri).toString()) {
      await this.#mutate(from.folder, data => ({ ...data, annotations: data.annotations.map(a => (ids.has(a.id) ? { ...a, target: { ...a.target, source: newName } } : a)) }), [oldUri, newUri]);
    } else {
      // Written to the new folder first: a failure in between leaves a copy, never nothing.
      await this.#mutate(parentOf(newUri), data => ({ ...data, annotations: [...data.annotations.filter(a => !ids.has(a.id)), ...renamed] }), [newUri]);
      await this.#mutate(from.folder, data => ({ ...data, annotations: data.annotations.filter(a => !ids.has(a.id)) }), [oldUri]);
    }
    await this.reanchor(newUri, true);
  }

  #fireFolder(sidecar: Sidecar): void {
    const sources = new Set(sidecar.data.annotations.map(a => a.target.source));
    this.#emitter.fire({ articles: [...sources].map(source => vscode.Uri.joinPath(sidecar.folder, source)) });
  }

  /** The article's text as the analysis sees it: the open document (unsaved edits count), else the file. */
  async #textOf(article: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === article.toString());
    if (open) return open.getText();
    try {
      const decoded = decodeArticle(await vscode.workspace.fs.readFile(article));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }
}

export function createAnnotationStore(log: vscode.LogOutputChannel): AnnotationStore {
  return new AnnotationStore(log);
}

const temporaryPrefix = `.${SIDECAR_FILE_NAME}.`;

function isTemporaryName(name: string): boolean {
  return name.startsWith(temporaryPrefix) && name.endsWith('.tmp');
}

/**
 * Writes `text` beside `target` and renames it over: a crash while writing leaves the old file
 * whole, and a crash while renaming leaves the new one complete, to be restored on the next load.
 */
async function writeAtomically(target: vscode.Uri, text: string): Promise<void> {
  const temporary = vscode.Uri.joinPath(parentOf(target), `${temporaryPrefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}

function replaceAnnotations(sidecar: Sidecar, updated: readonly Annotation[]): void {
  const byId = new Map(updated.map(a => [a.id, a]));
  sidecar.data = { ...sidecar.data, annotations: sidecar.data.annotations.map(a => byId.get(a.id) ?? a) };
}

/** One empty list for every folder without a sidecar, so that a change to a folder's list shows as a new list. */
const noSpeakerOperations: readonly SpeakerOperation[] = [];

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
