import * as vscode from 'vscode';
import { buildSpeakerTree, type QuoteNode, type SpeakerNode, type SpeakerSort, type SpeakerTreeNode, type TreeArticle, type UnattributedNode } from '../core/speakerTree';
import { citeQuotation } from '../core/annotations';
import { escapeMarkdown } from './markdownText';
import { asLocation, openLocationCommand, type LocationArgs } from './navigation';
import type { AnnotationStore, NewSpeakerOperation } from './annotationStore';
import type { NewsWorkspace } from './newsWorkspace';

export const speakersViewId = 'newsAnnotator.speakers';

/** A row as the reader sees it, for `newsAnnotator.speakerRows` (used by tests and automation). */
export interface SpeakerRow {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  /** What selecting the row runs. */
  readonly command?: { readonly command: string; readonly arguments?: unknown[] };
  /** The hover text, as Markdown, and whether VS Code would run command links in it. */
  readonly tooltip?: { readonly markdown: string; readonly trusted: boolean };
  readonly children?: SpeakerRow[];
}

/** Waits this long after the model changes before rebuilding the tree, so a burst redraws once. */
const refreshDelayMs = 300;

/**
 * The Speakers tree: speaker → article → quotation, over the live model. Rebuilt lazily, only when
 * VS Code asks for the rows after a change. Article text reaches the reader as plain labels and as
 * escaped, untrusted Markdown tooltips; only the extension's own commands are attached to rows.
 */
export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakerTreeNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<SpeakerTreeNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #built = new vscode.EventEmitter<number>();
  /** Fires with the number of speaker rows each time the rows are rebuilt. */
  readonly onDidBuild = this.#built.event;
  #roots: (SpeakerNode | UnattributedNode)[] | undefined;
  #sort: SpeakerSort = 'count';
  #filter = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #texts: ReturnType<NewsWorkspace['keepTexts']> | undefined;
  readonly #subscription: vscode.Disposable;

  constructor(private readonly workspace: NewsWorkspace) {
    // Corrections, speaker operations included, reach here through the workspace, which reports
    // every article they change.
    this.#subscription = workspace.onDidChange(() => this.#scheduleRefresh());
  }

  get sort(): SpeakerSort { return this.#sort; }
  get filter(): string { return this.#filter; }

  setSort(sort: SpeakerSort): void {
    this.#sort = sort;
    this.refresh();
  }

  setFilter(filter: string): void {
    this.#filter = filter.trim();
    this.refresh();
  }

  refresh(): void {
    this.#roots = undefined;
    this.#changed.fire(undefined);
  }

  /**
   * The rows need every article's text, which the workspace index does not keep: from the first
   * build on, the texts are kept at hand, and those not read yet are read, which refreshes the rows.
   * Settles once all are read.
   */
  keepTexts(): Promise<void> {
    this.#texts ??= this.workspace.keepTexts();
    return this.#texts.ready;
  }

  /** Lets go of the articles' texts until the rows are built again (the view was hidden). */
  releaseTexts(): void {
    this.#texts?.dispose();
    this.#texts = undefined;
  }

  /** The speaker rows as they stand now (sorted and filtered), built if out of date. */
  roots(): readonly (SpeakerNode | UnattributedNode)[] {
    if (!this.#roots) {
      void this.keepTexts();
      const articles = this.#articles();
      const keepApart = new Set(this.workspace.allSpeakerOperations().flatMap(op => (op.op === 'split' ? [op.alias] : [])));
      this.#roots = buildSpeakerTree(articles, { sort: this.#sort, filter: this.#filter, keepApart, people: this.workspace.speakers() });
      this.#built.fire(this.#roots.filter(r => r.kind === 'speaker').length);
    }
    return this.#roots;
  }

  getChildren(element?: SpeakerTreeNode): SpeakerTreeNode[] {
    if (!element) return [...this.roots()];
    switch (element.kind) {
      case 'speaker':
      case 'unattributed': return [...element.articles];
      case 'article': return [...element.quotes];
      case 'quote': return [];
    }
  }

  getTreeItem(node: SpeakerTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'speaker': return speakerItem(node);
      case 'unattributed': {
        const item = new vscode.TreeItem('Unattributed', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = countLabel(node.quoteCount, 'quotation');
        item.tooltip = 'Quotations nobody was found to have said. Right-click one to set its speaker.';
        item.iconPath = new vscode.ThemeIcon('question');
        item.contextValue = 'unattributed';
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.article.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.speaker ?? ''}\u0000${node.article.id}`;
        item.resourceUri = vscode.Uri.parse(node.article.id, true);
        item.description = countLabel(node.quotes.length, 'quotation');
        item.contextValue = 'article';
        return item;
      }
      case 'quote': return quoteItem(node);
    }
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#subscription.dispose();
    this.#changed.dispose();
    this.#built.dispose();
    this.releaseTexts();
  }

  #scheduleRefresh(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.refresh();
    }, refreshDelayMs);
  }

  #articles(): TreeArticle[] {
    const articles: TreeArticle[] = [];
    for (const uri of this.workspace.articles()) {
      const analysis = this.workspace.analysisFor(uri);
      const text = this.workspace.textOf(uri);
      if (analysis && text !== undefined) articles.push({ id: uri.toString(), label: articleLabel(uri), text, analysis });
    }
    return articles;
  }
}

function speakerItem(node: SpeakerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `speaker\u0000${node.id}`;
  item.description = `${countLabel(node.quoteCount, 'quotation')} · ${countLabel(node.articleCount, 'article')}`;
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(node.name)}**`);
  if (node.titles.length > 0) tooltip.appendMarkdown(`\n\n${escapeMarkdown(node.titles.join(', '))}`);
  if (node.aliases.length > 0) tooltip.appendMarkdown(`\n\nAlso named: ${node.aliases.map(escapeMarkdown).join(', ')}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon('person');
  item.contextValue = node.aliases.length > 0 ? 'speaker.withAliases' : 'speaker';
  return item;
}

function quoteItem(node: QuoteNode): vscode.TreeItem {
  const { quote } = node;
  const item = new vscode.TreeItem(preview(quote.text, 80), vscode.TreeItemCollapsibleState.None);
  item.id = `${node.speaker ?? ''}\u0000${node.article.id}\u0000${quote.start}`;
  item.description = `line ${node.line + 1}`;
  const tooltip = new vscode.MarkdownString(`“${escapeMarkdown(quote.text)}”\n\n`);
  tooltip.appendMarkdown(quote.speaker ? `${escapeMarkdown(quote.speaker)} · ${howFound(quote.evidence)}` : 'No speaker found');
  if (quote.speaker && quote.evidence !== 'manual') tooltip.appendMarkdown(` · confidence ${quote.confidence.toFixed(2)}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(quote.evidence === 'manual' ? 'pass' : 'quote');
  item.contextValue = quote.evidence === 'manual' ? 'quote.corrected' : 'quote';
  const location: LocationArgs = { uri: node.article.id, start: quote.start, end: quote.end };
  item.command = { command: openLocationCommand, title: 'Open Quotation', arguments: [location] };
  return item;
}

function howFound(evidence: QuoteNode['quote']['evidence']): string {
  switch (evidence) {
    case 'explicit': return 'named beside the quotation';
    case 'pronoun': return 'through a pronoun';
    case 'description': return 'through a description';
    case 'continuation': return 'continues the previous speaker';
    case 'headline': return 'from the headline';
    case 'manual': return 'set by hand';
    case 'none': return 'no speaker found';
  }
}

function articleLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One line of at most `max` characters, for labels. */
function preview(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * `“words” — Speaker, Outlet, file, line N` for a quotation row, or for `{ uri, start, end }` as
 * the row's own command carries it. Undefined when the target is not a known quotation.
 */
function citationFor(workspace: NewsWorkspace, target: unknown): string | undefined {
  const location = target && typeof target === 'object' && 'kind' in target && target.kind === 'quote'
    ? { uri: (target as QuoteNode).article.id, start: (target as QuoteNode).quote.start }
    : asLocation(target);
  if (!location) return undefined;
  const uri = vscode.Uri.parse(location.uri, true);
  const analysis = workspace.analysisFor(uri);
  const text = workspace.textOf(uri);
  const quote = analysis?.quotes.find(q => q.start === location.start);
  if (!analysis || text === undefined || !quote) return undefined;
  return citeQuotation(quote, articleLabel(uri), text, analysis.headline?.text ?? null);
}

/** The rows under `node` down to the leaves, as `getTreeItem` renders them. */
function rowsOf(provider: SpeakersTreeProvider, node?: SpeakerTreeNode): SpeakerRow[] {
  return provider.getChildren(node).map(child => {
    const item = provider.getTreeItem(child);
    const children = rowsOf(provider, child);
    return {
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      ...(item.contextValue ? { contextValue: item.contextValue } : {}),
      ...(item.command ? { command: { command: item.command.command, arguments: item.command.arguments } } : {}),
      ...(item.tooltip instanceof vscode.MarkdownString ? { tooltip: { markdown: item.tooltip.value, trusted: !!item.tooltip.isTrusted } } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  });
}

/**
 * Registers the view, its title-bar commands (sort, filter, clear filter), `newsAnnotator.showSpeakers`
 * and `newsAnnotator.speakerRows`, which returns the rows as the view shows them now.
 */
export function registerSpeakersView(workspace: NewsWorkspace, store: AnnotationStore): vscode.Disposable {
  const provider = new SpeakersTreeProvider(workspace);
  const view = vscode.window.createTreeView(speakersViewId, { treeDataProvider: provider, showCollapseAll: true });
  const updateState = () => {
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.speakersSort', provider.sort);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.speakersFiltered', provider.filter !== '');
    // Shown above the rows wherever the view sits, so a filtered list is never mistaken for all of it.
    view.message = provider.filter ? `Speakers whose name, alias or title contains \u201c${provider.filter}\u201d` : undefined;
  };
  updateState();
  // The title says how many speakers there are, and the filter when one is set.
  const describe = provider.onDidBuild(count => {
    view.description = [countLabel(count, 'speaker'), ...(provider.filter ? [`filter: ${provider.filter}`] : [])].join(' · ');
  });
  const visibility = view.onDidChangeVisibility(({ visible }) => {
    if (!visible) provider.releaseTexts();
  });
  // Until the first build is done an empty view means "not yet", and the welcome text says so.
  void vscode.commands.executeCommand('setContext', 'newsAnnotator.indexing', true);
  void workspace.ready.finally(() => vscode.commands.executeCommand('setContext', 'newsAnnotator.indexing', false));
  return vscode.Disposable.from(
    provider,
    view,
    describe,
    visibility,
    vscode.commands.registerCommand('newsAnnotator.sortSpeakersByName', () => { provider.setSort('name'); updateState(); }),
    vscode.commands.registerCommand('newsAnnotator.sortSpeakersByCount', () => { provider.setSort('count'); updateState(); }),
    vscode.commands.registerCommand('newsAnnotator.filterSpeakers', async (filter?: unknown) => {
      const text = typeof filter === 'string' ? filter : await vscode.window.showInputBox({
        title: 'Filter Speakers',
        prompt: 'Show speakers whose name, alias or title contains this text',
        value: provider.filter,
      });
      if (text === undefined) return;
      provider.setFilter(text);
      updateState();
    }),
    vscode.commands.registerCommand('newsAnnotator.clearSpeakerFilter', () => { provider.setFilter(''); updateState(); }),
    vscode.commands.registerCommand('newsAnnotator.showSpeakers', () => vscode.commands.executeCommand(`${speakersViewId}.focus`)),
    vscode.commands.registerCommand('newsAnnotator.copyQuotation', async (target?: unknown) => {
      const citation = citationFor(workspace, target);
      if (!citation) {
        void vscode.window.showWarningMessage('News Annotator: choose a quotation in the Speakers view to copy it.');
        return;
      }
      await vscode.env.clipboard.writeText(citation);
      vscode.window.setStatusBarMessage('Quotation copied with its citation', 3000);
    }),
    ...registerSpeakerOperations(provider, store),
    vscode.commands.registerCommand('newsAnnotator.speakerRows', async () => {
      await workspace.ready;
      await provider.keepTexts();
      provider.refresh();
      return rowsOf(provider);
    }),
  );
}

/**
 * Rename, merge and split, stored as speaker operations in the sidecars of the articles that quote
 * the speaker. Each takes the speaker row (from the view) or `{ speaker, to | into | alias }` (from
 * automation), and asks for what is missing.
 */
function registerSpeakerOperations(provider: SpeakersTreeProvider, store: AnnotationStore): vscode.Disposable[] {
  const record = async (row: SpeakerNode, operations: (variant: string) => NewSpeakerOperation) => {
    const articles = row.articles.map(a => vscode.Uri.parse(a.article.id, true));
    // An article may know the person by a shorter name (`Kerry`) that the row merges in: cover each.
    const variants = new Set(row.articles.flatMap(a => a.quotes.map(q => q.quote.speaker ?? row.name)));
    for (const variant of variants) await store.addSpeakerOperation(articles, operations(variant));
  };
  const run = (id: string, handler: (row: SpeakerNode, arg: Record<string, unknown>) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      const row = await speakerRowOf(provider, arg);
      if (!row) return;
      try {
        await handler(row, arg && typeof arg === 'object' ? arg as Record<string, unknown> : {});
      } catch (error) {
        void vscode.window.showErrorMessage(`News Annotator: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  return [
    run('newsAnnotator.renameSpeaker', async (row, arg) => {
      const to = typeof arg.to === 'string' ? arg.to : await vscode.window.showInputBox({
        title: `Rename ${row.name}`, value: row.name, prompt: 'The name this person goes by in every article',
        validateInput: value => (value.trim() ? undefined : 'A speaker needs a name.'),
      });
      const name = to?.replace(/\s+/g, ' ').trim();
      if (name && name !== row.name) await record(row, from => ({ op: 'rename', from, to: name }));
    }),
    run('newsAnnotator.mergeSpeaker', async (row, arg) => {
      const others = provider.roots().flatMap(r => (r.kind === 'speaker' && r.id !== row.id ? [r] : []));
      const into = typeof arg.into === 'string' ? arg.into : (await vscode.window.showQuickPick(
        others.map(r => ({ label: r.name, description: `${countLabel(r.quoteCount, 'quotation')} · ${countLabel(r.articleCount, 'article')}` })),
        { title: `Merge ${row.name} into…`, placeHolder: 'The speaker who is the same person' }))?.label;
      if (into && into !== row.name) await record(row, from => ({ op: 'merge', from, into }));
    }),
    run('newsAnnotator.splitSpeakerAlias', async (row, arg) => {
      const alias = typeof arg.alias === 'string' ? arg.alias : await vscode.window.showQuickPick(row.aliases as string[], {
        title: `Split an alias out of ${row.name}`, placeHolder: 'Quotations attributed through this name go to a speaker of its own',
      });
      if (alias && row.aliases.includes(alias)) await record(row, from => ({ op: 'split', from, alias }));
    }),
  ];
}

/** The speaker row a command is about: the row itself, `{ speaker }` naming one, or the reader's pick. */
async function speakerRowOf(provider: SpeakersTreeProvider, arg: unknown): Promise<SpeakerNode | undefined> {
  const rows = provider.roots().flatMap(r => (r.kind === 'speaker' ? [r] : []));
  if (arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'speaker') {
    const id = (arg as SpeakerNode).id;
    return rows.find(r => r.id === id);
  }
  const named = arg && typeof arg === 'object' ? (arg as { speaker?: unknown }).speaker : undefined;
  if (typeof named === 'string') return rows.find(r => r.name === named);
  return (await vscode.window.showQuickPick(rows.map(row => ({ label: row.name, description: countLabel(row.quoteCount, 'quotation'), row })),
    { placeHolder: 'Which speaker?' }))?.row;
}
