import * as vscode from 'vscode';
import { annotationsAt, describeAnnotation, type Annotation, type AnnotationBody } from '../core/annotations';
import { suggestSpeakers } from '../core/speakerSuggestions';
import type { QuoteNode } from '../core/speakerTree';
import type { Quote } from '../core/types';
import type { AnnotationStore } from './annotationStore';
import { asLocation, revealPassage, type LocationArgs } from './navigation';
import { isArticleDocument, type NewsWorkspace } from './newsWorkspace';

/** Names and texts a reader types are trimmed and kept to a sane length. */
const maxNameLength = 200;
const maxNoteLength = 10_000;

/** A passage of an article: where a command acts. */
interface Target {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly end: number;
}

/**
 * Annotation through the command palette, the editor context menu, quick fixes and the Speakers
 * view. Every command takes an optional argument naming its target (and, where it asks a question,
 * the answer), so menus, quick fixes, tree rows and tests can call it without the cursor; without
 * one it acts at the cursor or selection of the active article. Context keys say where each applies.
 */
export function registerAnnotationCommands(workspace: NewsWorkspace, store: AnnotationStore): vscode.Disposable {
  const contextKeys = new AnnotationContextKeys(workspace, store);

  const setSpeaker = async (arg?: unknown) => {
    const target = quoteTarget(workspace, arg);
    if (!target) return noTarget('Put the cursor in a quotation to set its speaker.');
    const speaker = named(argString(arg, 'speaker')) ?? await pickSpeaker(workspace, target);
    if (!speaker) return;
    const existing = annotationsOn(store, target).find(a => a.body.kind === 'speaker' || a.body.kind === 'quotation');
    if (existing) await store.update(target.uri, existing.id, existing.body.kind === 'quotation' ? { kind: 'quotation', speaker } : { kind: 'speaker', speaker });
    else await store.add(target.uri, target.start, target.end, { kind: 'speaker', speaker });
  };

  const markQuotation = async (arg?: unknown) => {
    const target = selectionTarget(arg);
    if (!target) return noTarget('Select the words of the quotation first.');
    const speaker = named(argString(arg, 'speaker'));
    await store.add(target.uri, target.start, target.end, speaker ? { kind: 'quotation', speaker } : { kind: 'quotation' });
  };

  const markNotQuotation = async (arg?: unknown) => {
    const target = quoteTarget(workspace, arg);
    if (!target) return noTarget('Put the cursor in a quotation to mark it as not one.');
    // A quotation the reader marked by hand is simply unmarked; a found one is overruled.
    const handMarked = annotationsOn(store, target).filter(a => a.body.kind === 'quotation');
    if (handMarked.length > 0) for (const a of handMarked) await store.remove(target.uri, a.id);
    else await store.add(target.uri, target.start, target.end, { kind: 'notQuotation' });
  };

  const addNote = async (arg?: unknown) => {
    const target = selectionTarget(arg);
    if (!target) return noTarget('Select the words to annotate first.');
    const text = argString(arg, 'text') ?? await vscode.window.showInputBox({ title: 'Add Note', prompt: 'Note on the selected words', validateInput: validateNote });
    if (text === undefined || validateNote(text)) return;
    await store.add(target.uri, target.start, target.end, { kind: 'note', text: text.trim() });
  };

  const addTag = async (arg?: unknown) => {
    const target = selectionTarget(arg);
    if (!target) return noTarget('Select the words to tag first.');
    const tag = named(argString(arg, 'tag')) ?? await pickTag(store);
    if (!tag) return;
    await store.add(target.uri, target.start, target.end, { kind: 'tag', tag });
  };

  const editAnnotation = async (arg?: unknown) => {
    const found = await chooseAnnotation(store, arg, 'Edit Annotation');
    if (!found) return;
    const { uri, annotation } = found;
    const body = await editedBody(workspace, uri, annotation, arg);
    if (body) await store.update(uri, annotation.id, body);
  };

  const removeAnnotation = async (arg?: unknown) => {
    const found = await chooseAnnotation(store, arg, 'Remove Annotation');
    if (found) await store.remove(found.uri, found.annotation.id);
  };

  const goTo = (direction: 1 | -1) => async () => {
    const editor = activeArticleEditor();
    if (!editor) return;
    const anchored = store.annotationsFor(editor.document.uri).filter(a => !a.orphaned).sort((a, b) => a.target.position.start - b.target.position.start);
    if (anchored.length === 0) return noTarget('This article has no annotations.');
    const here = editor.document.offsetAt(editor.selection.start);
    const next = direction === 1
      ? anchored.find(a => a.target.position.start > here) ?? anchored[0]
      : [...anchored].reverse().find(a => a.target.position.start < here) ?? anchored[anchored.length - 1];
    await revealPassage(editor.document.uri, next.target.position.start, next.target.position.end);
  };

  const showOrphans = async () => {
    const orphans = store.orphans();
    if (orphans.length === 0) {
      void vscode.window.showInformationMessage('News Annotator: every annotation is anchored in its article.');
      return;
    }
    const picked = await vscode.window.showQuickPick(orphans.map(({ uri, annotation }) => ({
      label: describeAnnotation(annotation),
      description: vscode.workspace.asRelativePath(uri),
      detail: `Last seen at offset ${annotation.target.position.start}; its words are no longer in the article.`,
      uri, annotation,
    })), { title: 'Orphaned Annotations', placeHolder: 'Annotations whose words could not be found again; pick one to open its article or delete it' });
    if (!picked) return;
    const action = await vscode.window.showQuickPick(['Open Article', 'Copy Annotated Words', 'Delete Annotation'], { title: picked.label });
    if (action === 'Open Article') await vscode.window.showTextDocument(picked.uri);
    if (action === 'Copy Annotated Words') await vscode.env.clipboard.writeText(picked.annotation.target.quote.exact);
    if (action === 'Delete Annotation') await store.remove(picked.uri, picked.annotation.id);
  };

  return vscode.Disposable.from(
    contextKeys,
    listOrphansAsProblems(store),
    command('newsAnnotator.setSpeaker', setSpeaker),
    command('newsAnnotator.markQuotation', markQuotation),
    command('newsAnnotator.markNotQuotation', markNotQuotation),
    command('newsAnnotator.addNote', addNote),
    command('newsAnnotator.addTag', addTag),
    command('newsAnnotator.editAnnotation', editAnnotation),
    command('newsAnnotator.removeAnnotation', removeAnnotation),
    command('newsAnnotator.nextAnnotation', goTo(1)),
    command('newsAnnotator.previousAnnotation', goTo(-1)),
    command('newsAnnotator.showOrphans', showOrphans),
  );
}

/**
 * Orphans in the Problems panel, one entry per annotation under its article, so that none is lost
 * from sight: where the reader looks for what needs attention, with the command that lists them.
 */
function listOrphansAsProblems(store: AnnotationStore): vscode.Disposable {
  const problems = vscode.languages.createDiagnosticCollection('news-annotator-orphans');
  const update = () => {
    const byArticle = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const { uri, annotation } of store.orphans()) {
      const entry = byArticle.get(uri.toString()) ?? { uri, diagnostics: [] };
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
        `Annotation whose words are no longer in the article: ${describeAnnotation(annotation)}. Run "News: Show Orphaned Annotations" to open, copy or delete it.`,
        vscode.DiagnosticSeverity.Information);
      diagnostic.source = 'News Annotator';
      entry.diagnostics.push(diagnostic);
      byArticle.set(uri.toString(), entry);
    }
    problems.clear();
    for (const { uri, diagnostics } of byArticle.values()) problems.set(uri, diagnostics);
  };
  update();
  return vscode.Disposable.from(problems, store.onDidChange(update));
}

/** Registers a command whose failures reach the reader as a message, not as a silent rejection. */
function command(id: string, handler: (arg?: unknown) => Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    try {
      await handler(arg);
    } catch (error) {
      void vscode.window.showErrorMessage(`News Annotator: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function noTarget(message: string): void {
  void vscode.window.showInformationMessage(`News Annotator: ${message}`);
}

function activeArticleEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isArticleDocument(editor.document) ? editor : undefined;
}

function argString(arg: unknown, key: string): string | undefined {
  const value = arg && typeof arg === 'object' ? (arg as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A speaker name or tag as typed: trimmed, one line, not empty, not absurdly long. */
function named(value: string | undefined): string | undefined {
  const flat = value?.replace(/\s+/g, ' ').trim();
  return flat && flat.length <= maxNameLength ? flat : undefined;
}

function validateNote(text: string): string | undefined {
  if (!text.trim()) return 'A note needs some text.';
  return text.length > maxNoteLength ? `Keep a note under ${maxNoteLength} characters.` : undefined;
}

/** The quotation a command is about: named by the argument (a location or a tree row), or under the cursor. */
function quoteTarget(workspace: NewsWorkspace, arg: unknown): Target | undefined {
  const node = arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'quote' ? arg as QuoteNode : undefined;
  const location: LocationArgs | undefined = node ? { uri: node.article.id, start: node.quote.start, end: node.quote.end } : asLocation(arg);
  if (location) {
    const uri = vscode.Uri.parse(location.uri, true);
    const quote = workspace.analysisFor(uri)?.quotes.find(q => q.start <= location.start && location.end <= q.end);
    return quote ? { uri, start: quote.start, end: quote.end } : undefined;
  }
  const editor = activeArticleEditor();
  if (!editor) return undefined;
  const quote = workspace.quoteAt(editor.document.uri, editor.document.offsetAt(editor.selection.active));
  return quote ? { uri: editor.document.uri, start: quote.start, end: quote.end } : undefined;
}

/** The words a command is about: named by the argument, or the active article's selection. */
function selectionTarget(arg: unknown): Target | undefined {
  const location = asLocation(arg);
  if (location) return location.end > location.start ? { uri: vscode.Uri.parse(location.uri, true), start: location.start, end: location.end } : undefined;
  const editor = activeArticleEditor();
  if (!editor || editor.selection.isEmpty) return undefined;
  return { uri: editor.document.uri, start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
}

/** Anchored annotations whose target is this passage or lies within it. */
function annotationsOn(store: AnnotationStore, target: Target): Annotation[] {
  return store.annotationsFor(target.uri).filter(a => !a.orphaned
    && target.start <= a.target.position.start && a.target.position.end <= target.end);
}

/** Known speakers, nearest in the article first; typing a name that is not there offers it as new. */
function pickSpeaker(workspace: NewsWorkspace, target: Target): Promise<string | undefined> {
  const analysis = workspace.analysisFor(target.uri);
  const current: Quote | undefined = analysis?.quotes.find(q => q.start === target.start && q.end === target.end);
  const everyone = workspace.speakers().map(s => s.name);
  const names = analysis ? suggestSpeakers(analysis, target, everyone) : everyone;
  return pickOrType('Set Speaker of Quotation', 'Pick a speaker, or type a new name', 'new speaker',
    names.map(name => ({ label: name, description: name === current?.speaker ? 'current speaker' : undefined })));
}

function pickTag(store: AnnotationStore): Promise<string | undefined> {
  const tags = [...new Set(store.allAnnotations().flatMap(a => a.body.kind === 'tag' ? [a.body.tag] : []))].sort();
  return pickOrType('Add Tag', 'Pick a tag used before, or type a new one', 'new tag', tags.map(label => ({ label })));
}

/** A quick pick over `known` where typing something not in the list offers it as a new entry. */
function pickOrType(title: string, placeholder: string, newLabel: string, known: vscode.QuickPickItem[]): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick();
  picker.title = title;
  picker.placeholder = placeholder;
  picker.items = known;
  picker.onDidChangeValue(value => {
    const typed = named(value);
    const isKnown = typed !== undefined && known.some(k => k.label.toLocaleLowerCase() === typed.toLocaleLowerCase());
    picker.items = typed && !isKnown ? [{ label: typed, description: newLabel, alwaysShow: true }, ...known] : known;
  });
  return new Promise<string | undefined>(resolve => {
    picker.onDidAccept(() => {
      resolve(named(picker.selectedItems[0]?.label ?? picker.value));
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** The annotation to act on: `{ uri, id }` from the argument, else one under the cursor (asking when several). */
async function chooseAnnotation(store: AnnotationStore, arg: unknown, title: string): Promise<{ uri: vscode.Uri; annotation: Annotation } | undefined> {
  const id = argString(arg, 'id');
  const uriText = argString(arg, 'uri');
  if (id && uriText) {
    const uri = vscode.Uri.parse(uriText, true);
    const annotation = store.annotationsFor(uri).find(a => a.id === id);
    if (!annotation) noTarget('That annotation no longer exists.');
    return annotation ? { uri, annotation } : undefined;
  }
  const editor = activeArticleEditor();
  if (!editor) return undefined;
  const here = annotationsAt(store.annotationsFor(editor.document.uri), editor.document.offsetAt(editor.selection.active));
  if (here.length === 0) {
    noTarget('There is no annotation at the cursor.');
    return undefined;
  }
  const annotation = here.length === 1 ? here[0] : (await vscode.window.showQuickPick(
    here.map(a => ({ label: describeAnnotation(a), annotation: a })), { title, placeHolder: 'Several annotations cover the cursor: pick one' }))?.annotation;
  return annotation ? { uri: editor.document.uri, annotation } : undefined;
}

/** The new body for an annotation, from the argument or by asking in the way that suits its kind. */
async function editedBody(workspace: NewsWorkspace, uri: vscode.Uri, annotation: Annotation, arg: unknown): Promise<AnnotationBody | undefined> {
  const body = annotation.body;
  const target: Target = { uri, start: annotation.target.position.start, end: annotation.target.position.end };
  switch (body.kind) {
    case 'speaker': {
      const speaker = named(argString(arg, 'speaker')) ?? await pickSpeaker(workspace, target);
      return speaker ? { kind: 'speaker', speaker } : undefined;
    }
    case 'quotation': {
      const speaker = named(argString(arg, 'speaker')) ?? await pickSpeaker(workspace, target);
      return speaker ? { kind: 'quotation', speaker } : undefined;
    }
    case 'note': {
      const text = argString(arg, 'text') ?? await vscode.window.showInputBox({ title: 'Edit Note', value: body.text, validateInput: validateNote });
      return text !== undefined && !validateNote(text) ? { kind: 'note', text: text.trim() } : undefined;
    }
    case 'tag': {
      const tag = named(argString(arg, 'tag') ?? await vscode.window.showInputBox({ title: 'Edit Tag', value: body.tag }));
      return tag ? { kind: 'tag', tag } : undefined;
    }
    case 'notQuotation':
      noTarget('A "not a quotation" mark has nothing to edit; remove it to let the analysis decide again.');
      return undefined;
  }
}

/**
 * Keeps the context keys the menus' `when` clauses read: whether the cursor is in a quotation or
 * an annotation, whether the article has annotations, whether any annotation is orphaned.
 */
class AnnotationContextKeys implements vscode.Disposable {
  readonly #subscriptions: vscode.Disposable[];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #values = new Map<string, boolean>();

  constructor(private readonly workspace: NewsWorkspace, private readonly store: AnnotationStore) {
    this.#subscriptions = [
      vscode.window.onDidChangeTextEditorSelection(() => this.#schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.#schedule()),
      workspace.onDidChange(() => this.#schedule()),
      store.onDidChange(() => this.#schedule()),
    ];
    this.#update();
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#subscriptions.forEach(s => s.dispose());
  }

  /** Selection events come in bursts while the reader drags or types; one update per burst is enough. */
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), 50);
  }

  #update(): void {
    this.#timer = undefined;
    const editor = activeArticleEditor();
    const annotations = editor ? this.store.annotationsFor(editor.document.uri) : [];
    const offset = editor ? editor.document.offsetAt(editor.selection.active) : -1;
    this.#set('newsAnnotator.quoteUnderCursor', !!editor && this.workspace.quoteAt(editor.document.uri, offset) !== undefined);
    this.#set('newsAnnotator.annotationUnderCursor', annotationsAt(annotations, offset).length > 0);
    this.#set('newsAnnotator.hasAnnotations', annotations.some(a => !a.orphaned));
    this.#set('newsAnnotator.hasOrphans', this.store.orphans().length > 0);
  }

  #set(key: string, value: boolean): void {
    if (this.#values.get(key) === value) return;
    this.#values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
