/**
 * The workspace index: every news article the editor knows of, its quotations, and where else each
 * quotation's words appear. Pure and synchronous (no `vscode`, no Node built-ins, no timers), so
 * the adapter decides when work happens: it feeds texts in with `upsert`/`remove`/`rename`
 * (debounced as it likes) and either lets queries index what is pending or calls `processPending`
 * in slices with a cancellation token to keep the editor responsive.
 *
 * Two levels of work per article, so a large workspace is indexed fast:
 * - indexing (`processPending`, or any query that needs it): find the quotations' spans and index
 *   their words for cross-source matching; about as fast as reading the text;
 * - analysis (speakers, cues, kinds): done lazily for the articles a query touches (`quotesAt`,
 *   `analysisFor`, the other side of `matchesFor`), the most recent ones cached.
 *
 * Memory: given `readText`, the index keeps no texts: each article keeps where its quotations are,
 * and the matcher their words as integer ids; a text is read back when something needs more (an
 * analysis not cached, `textOf`). Without it, texts are kept as UTF-8 bytes.
 */
import { analyzeArticle, mergeSpeakers, type WorkspaceSpeaker } from './analyze';
import { CrossSourceMatch, CrossSourceMatcher } from './crossSource/matcher';
import { MatchKind } from './crossSource/matchKinds';
import { quoteSpans } from './crossSource/quoteSpans';
import { FNV_OFFSET, fnv1a } from './hash';
import { detached } from './text';
import { ArticleAnalysis, CancellationLike, Quote } from './types';

/** A place where the words of a quotation appear again. */
export interface QuoteMatch {
  /** The article that carries the other quotation (the id it was upserted under). */
  readonly uri: string;
  /** The article's display label as given to `upsert`, else its uri. */
  readonly label: string;
  /** The other quotation's offsets, marks included. */
  readonly start: number;
  readonly end: number;
  /**
   * The other quotation, with the speaker its article gives. Read lazily: the first read analyses
   * that article (about 1-2 ms for a typical one) unless its analysis is cached. Undefined when that
   * article's text cannot be read back now (see `readText`).
   */
  readonly quote: Quote | undefined;
  /** Zero-based line of `quote.start` in the other article. */
  readonly line: number;
  readonly kind: MatchKind;
  /** 0..1, 1 for exact. */
  readonly score: number;
  /** A headline quotation matched against the body of the same article: show it apart from other outlets. */
  readonly sameArticle: boolean;
}

/** One end of a match in `allMatches`: quote offsets as in the article's quotations. */
export interface MatchLocation {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** A matched pair, each pair once. */
export interface IndexedMatch {
  readonly a: MatchLocation;
  readonly b: MatchLocation;
  readonly kind: MatchKind;
  readonly score: number;
  readonly sameArticle: boolean;
}

export interface SkippedDocument {
  readonly uri: string;
  /** Length of the text in UTF-16 code units. */
  readonly length: number;
  readonly reason: string;
}

/** What changed in the index: articles (re)indexed, removed, or renamed (old uri in `removed`, new in `changed`). */
export interface IndexChange {
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export interface Disposable {
  dispose(): void;
}

export interface WorkspaceIndexOptions {
  /** Texts longer than this (UTF-16 code units) are skipped and listed by `skipped()`. Default 1,048,576. */
  readonly maxTextLength?: number;
  /** The analysis to run on each article; `analyzeArticle` by default. */
  readonly analyze?: (text: string) => ArticleAnalysis;
  /** How many full analyses to keep for `analysisFor`. Default 32. */
  readonly cachedAnalyses?: number;
  /**
   * Reads an article's current text back (an open editor's, or the file's), or undefined when it
   * cannot be had now (then `analysisFor` and `textOf` give undefined too). With it, the index keeps
   * no texts; a text read back that differs from the one indexed is indexed in its place.
   */
  readonly readText?: (uri: string) => string | undefined;
}

interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** Zero-based line of `start`. */
  readonly line: number;
}

/** Numbers kept per quotation in `DocumentEntry.spans`: start, end, paragraph, line. */
const SPAN_FIELDS = 4;

interface DocumentEntry {
  readonly id: number;
  uri: string;
  readonly label: string | undefined;
  readonly version: number | undefined;
  /** The text until it is indexed. */
  pendingText: string | null;
  /** The text as UTF-8, kept only when the index has no `readText`. */
  readonly bytes: Uint8Array | null;
  /** A digest of the text, to tell whether a text read back or upserted again is the one indexed. */
  readonly digest: string;
  /** Where the quotations are, `SPAN_FIELDS` numbers each (their words live in the matcher); null until indexed. */
  spans: Int32Array | null;
  /** What the speaker merge needs of the analysis, kept once analysed; null until then. */
  speakers: SpeakerSummary | null;
}

/** The part of an analysis the workspace's speaker list is made of: small enough to keep for every article. */
interface SpeakerSummary {
  readonly speakers: ArticleAnalysis['speakers'];
  readonly quoteSpeakers: readonly (string | null)[];
}

const encoder = new TextEncoder();
// Keep a leading U+FEFF if the caller left one: offsets must count it as the caller does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class WorkspaceIndex {
  private readonly matcher = new CrossSourceMatcher();
  private readonly byUri = new Map<string, DocumentEntry>();
  private readonly byId = new Map<number, DocumentEntry>();
  private readonly pending = new Set<DocumentEntry>();
  private readonly skippedDocs = new Map<string, SkippedDocument>();
  private readonly analyses = new Map<number, ArticleAnalysis>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private readonly maxTextLength: number;
  private analyze: (text: string) => ArticleAnalysis;
  private readonly cachedAnalyses: number;
  /** While above 0, every analysis made is kept (see `holdAnalyses`). */
  private analysisHolders = 0;
  private readonly readText: ((uri: string) => string | undefined) | undefined;
  private nextId = 0;
  private mergedSpeakers: readonly WorkspaceSpeaker[] | null = null;

  constructor(options: WorkspaceIndexOptions = {}) {
    this.maxTextLength = options.maxTextLength ?? 1 << 20;
    this.analyze = options.analyze ?? analyzeArticle;
    this.cachedAnalyses = options.cachedAnalyses ?? 32;
    this.readText = options.readText;
  }

  /**
   * Keeps every analysis made, not only the most recent `cachedAnalyses`, until the returned
   * disposable is disposed: a view over the whole workspace reads every analysis again on each
   * change, and would otherwise analyse every article again each time.
   */
  holdAnalyses(): Disposable {
    this.analysisHolders++;
    let held = true;
    return {
      dispose: () => {
        if (!held) return;
        held = false;
        this.analysisHolders--;
        this.trimAnalyses();
      },
    };
  }

  /**
   * Analyses every article again with `analyze` from the next query on (the user changed what the
   * analysis reads, such as extra cue verbs). Quotation spans and matches do not depend on it and
   * stay; every article is reported changed.
   */
  setAnalyzer(analyze: (text: string) => ArticleAnalysis): void {
    this.analyze = analyze;
    this.analyses.clear();
    for (const entry of this.byUri.values()) entry.speakers = null;
    this.mergedSpeakers = null;
    if (this.byUri.size > 0) this.emit({ changed: [...this.byUri.keys()], removed: [] });
  }

  /** Number of articles in the index (skipped ones not counted). */
  get size(): number {
    return this.byUri.size;
  }

  /** Number of quotations indexed. */
  get quoteCount(): number {
    return this.matcher.quoteCount;
  }

  /** Number of articles upserted but not indexed yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  documentIds(): string[] {
    return [...this.byUri.keys()];
  }

  /**
   * Adds or replaces an article's text: the file on disk, or an open editor's unsaved text. The text
   * is indexed lazily (by the next query or `processPending`). With a `version`, a version older
   * than or equal to the one indexed is ignored. Returns false when the text was not taken: stale,
   * or over the size limit (then listed by `skipped()`, and any older text of it dropped).
   */
  upsert(uri: string, text: string, label?: string, version?: number): boolean {
    const old = this.byUri.get(uri);
    if (old && version !== undefined && old.version !== undefined && version <= old.version) return false;
    if (text.length > this.maxTextLength) {
      this.remove(uri);
      this.skippedDocs.set(uri, {
        uri,
        length: text.length,
        reason: `it is ${text.length.toLocaleString('en-US')} characters long, over the limit of ${this.maxTextLength.toLocaleString('en-US')}`,
      });
      return false;
    }
    this.skippedDocs.delete(uri);
    const entry: DocumentEntry = {
      id: old?.id ?? this.nextId++, uri, label, version, pendingText: text, bytes: this.readText ? null : encoder.encode(text),
      digest: digestOf(text), spans: null, speakers: null,
    };
    if (old) this.pending.delete(old);
    this.byUri.set(uri, entry);
    this.byId.set(entry.id, entry);
    this.analyses.delete(entry.id);
    this.pending.add(entry);
    this.mergedSpeakers = null;
    return true;
  }

  /** Drops an article and its matches. Returns false if it was not indexed. */
  remove(uri: string): boolean {
    this.skippedDocs.delete(uri);
    const entry = this.byUri.get(uri);
    if (!entry) return false;
    this.byUri.delete(uri);
    this.byId.delete(entry.id);
    this.pending.delete(entry);
    this.analyses.delete(entry.id);
    this.matcher.removeDocument(entry.id);
    this.mergedSpeakers = null;
    this.emit({ changed: [], removed: [uri] });
    return true;
  }

  /** Moves an article to a new uri, keeping its index entry and matches. Returns false if `from` was not indexed. */
  rename(from: string, to: string): boolean {
    const entry = this.byUri.get(from);
    if (!entry || from === to) return entry !== undefined;
    this.remove(to);
    this.byUri.delete(from);
    entry.uri = to;
    this.byUri.set(to, entry);
    this.emit({ changed: [to], removed: [from] });
    return true;
  }

  /** Articles not indexed because of the size limit, with the reason. */
  skipped(): readonly SkippedDocument[] {
    return [...this.skippedDocs.values()];
  }

  /**
   * Indexes pending articles until none is left, `token` is cancelled, or `maxDocuments` were done.
   * Returns true when nothing is pending any more. Fires `onDidChange` for the articles done.
   */
  processPending(token?: CancellationLike, maxDocuments = Infinity): boolean {
    const changed: string[] = [];
    for (const entry of this.pending) {
      if (token?.isCancellationRequested || changed.length >= maxDocuments) break;
      this.indexEntry(entry);
      changed.push(entry.uri);
    }
    if (changed.length > 0) this.emit({ changed, removed: [] });
    return this.pending.size === 0;
  }

  /**
   * Works out matches ahead of hovers, after `processPending` has indexed everything: a hover on an
   * article whose matches are known costs microseconds, otherwise it works them out for that
   * article (a few milliseconds). Call it in slices off the hot path, like `processPending`.
   * Returns true when the matches of every indexed article are known.
   */
  resolveMatches(token?: CancellationLike, maxDocuments = Infinity): boolean {
    return this.pending.size === 0 && this.matcher.resolveSome(token, maxDocuments);
  }

  /** Whether `text` is the text of `uri` as last upserted. */
  holdsText(uri: string, text: string): boolean {
    return this.byUri.get(uri)?.digest === digestOf(text);
  }

  /** The article's text as last upserted (read back through `readText` when given). */
  textOf(uri: string): string | undefined {
    const entry = this.byUri.get(uri);
    return entry && this.textOfEntry(entry);
  }

  /** The full analysis of an article (recomputed from its text when not cached). */
  analysisFor(uri: string): ArticleAnalysis | undefined {
    const entry = this.byUri.get(uri);
    return entry && this.analysisOf(entry);
  }

  /** The quotations of an article that cover `offset` (`start <= offset < end`). */
  quotesAt(uri: string, offset: number): readonly Quote[] {
    return this.analysisFor(uri)?.quotes.filter(q => q.start <= offset && offset < q.end) ?? [];
  }

  /**
   * Every other place with the words of `quote` (a quotation of `uri`, found by its start and end),
   * best score first, matches within the same article last. Indexes whatever is pending first, as
   * any article may hold a match. The matched articles are analysed only when a row's `quote` is read
   * (undefined when that article's text cannot be read back).
   */
  matchesFor(uri: string, quote: Pick<Quote, 'start' | 'end'>): readonly QuoteMatch[] {
    const entry = this.byUri.get(uri);
    if (!entry) return [];
    this.processPending();
    const index = spanIndexOf(entry.spans!, quote);
    if (index < 0) return [];
    const found: QuoteMatch[] = [];
    for (const match of this.matcher.matchesOfQuote(entry.id, index)) {
      const other = match.a.doc === entry.id && match.a.quote === index ? match.b : match.a;
      const otherEntry = this.byId.get(other.doc)!;
      const span = spanAt(otherEntry.spans!, other.quote);
      const quoteOf = () => this.analysedQuote(otherEntry, span);
      found.push({
        uri: otherEntry.uri,
        label: otherEntry.label ?? otherEntry.uri,
        start: span.start,
        end: span.end,
        get quote() {
          return quoteOf();
        },
        line: span.line,
        kind: match.kind,
        score: match.score,
        sameArticle: match.sameArticle,
      });
    }
    return found.sort((x, y) => Number(x.sameArticle) - Number(y.sameArticle) || y.score - x.score);
  }

  /** Every matched pair in the workspace, each once. Undefined when cancelled before done. */
  allMatches(token?: CancellationLike): IndexedMatch[] | undefined {
    if (!this.processPending(token)) return undefined;
    return this.matcher.allMatches(token)?.map(match => ({
      a: this.locationOf(match.a),
      b: this.locationOf(match.b),
      kind: match.kind,
      score: match.score,
      sameArticle: match.sameArticle,
    }));
  }

  /**
   * Every speaker across the workspace, one record per person (see `mergeSpeakers`). Analyses every
   * article never analysed yet (about 1.5 ms per 5 KB article): on a large workspace, call it off
   * the hot path the first time; after that only changed articles are analysed again.
   */
  speakers(): readonly WorkspaceSpeaker[] {
    this.mergedSpeakers ??= mergeSpeakers(
      [...this.byUri.values()].map(entry => {
        if (entry.speakers === null) this.analysisOf(entry);
        const { speakers, quoteSpeakers } = entry.speakers ?? { speakers: [], quoteSpeakers: [] };
        return { quotes: quoteSpeakers.map(speaker => ({ speaker })), speakers };
      }),
    );
    return this.mergedSpeakers;
  }

  /** Subscribes to index changes; shaped like `vscode.Event`, so an adapter can pass it on. */
  onDidChange(listener: (change: IndexChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: IndexChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private indexEntry(entry: DocumentEntry): void {
    const text = entry.pendingText!;
    const spans = quoteSpans(text);
    this.matcher.setDocument(entry.id, spans);
    entry.spans = new Int32Array(SPAN_FIELDS * spans.length);
    let line = 0;
    let counted = 0;
    spans.forEach(({ start, end, paragraph }, k) => {
      for (let at = text.indexOf('\n', counted); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++;
      counted = start;
      entry.spans!.set([start, end, paragraph ?? 0, line], SPAN_FIELDS * k);
    });
    entry.pendingText = null;
    this.pending.delete(entry);
  }

  private textOfEntry(entry: DocumentEntry): string | undefined {
    if (entry.pendingText !== null) return entry.pendingText;
    if (entry.bytes) return decoder.decode(entry.bytes);
    const text = this.readText!(entry.uri);
    // Changed since it was indexed (saved from another program, say): index what is there now.
    if (text !== undefined && digestOf(text) !== entry.digest && this.upsert(entry.uri, text, entry.label)) this.processPending();
    return text;
  }

  /** The other article's own quotation at `span`, with its speaker (analysing that article if needed). */
  private analysedQuote(entry: DocumentEntry, span: QuoteSpan): Quote | undefined {
    const analysis = this.analysisOf(entry);
    const analysed = analysis?.quotes.find(q => q.start === span.start && q.end === span.end);
    if (analysed) return analysed;
    const text = this.textOfEntry(entry);
    return text === undefined ? undefined : unattributed(span, text);
  }

  private analysisOf(entry: DocumentEntry): ArticleAnalysis | undefined {
    const cached = this.analyses.get(entry.id);
    if (cached) {
      // Refresh its place in the least-recently-used order.
      this.analyses.delete(entry.id);
      this.analyses.set(entry.id, cached);
      return cached;
    }
    const text = this.textOfEntry(entry);
    if (text === undefined) return undefined;
    // A text read back that had changed was indexed in place of `entry`, under the same id.
    const current = this.byUri.get(entry.uri) ?? entry;
    const analysis = this.analyze(text);
    // Copies: names sliced from the text would keep the whole text alive.
    current.speakers = {
      speakers: analysis.speakers.map(record => ({
        ...record, name: detached(record.name), aliases: record.aliases.map(detached), titles: record.titles.map(detached),
      })),
      quoteSpeakers: analysis.quotes.map(q => q.speaker && detached(q.speaker)),
    };
    this.analyses.set(entry.id, analysis);
    this.trimAnalyses();
    return analysis;
  }

  /** Drops the least recently used analyses past `cachedAnalyses`, unless they are held. */
  private trimAnalyses(): void {
    if (this.analysisHolders > 0) return;
    while (this.analyses.size > this.cachedAnalyses) this.analyses.delete(this.analyses.keys().next().value!);
  }

  private locationOf(end: CrossSourceMatch['a']): MatchLocation {
    const entry = this.byId.get(end.doc)!;
    const span = spanAt(entry.spans!, end.quote);
    return { uri: entry.uri, start: span.start, end: span.end };
  }
}

/** Quotation `k` of an article's spans. */
function spanAt(spans: Int32Array, k: number): QuoteSpan {
  const at = SPAN_FIELDS * k;
  return { start: spans[at], end: spans[at + 1], paragraph: spans[at + 2], line: spans[at + 3] };
}

/**
 * Where the quotation at `quote` is among an article's spans, or -1. Spans are in text order, so a
 * binary search finds it: the highlighting asks for every quotation of an article, and a long one
 * may hold tens of thousands.
 */
function spanIndexOf(spans: Int32Array, quote: Pick<Quote, 'start' | 'end'>): number {
  let lo = 0;
  let hi = spans.length / SPAN_FIELDS;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[SPAN_FIELDS * mid] < quote.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; SPAN_FIELDS * k < spans.length && spans[SPAN_FIELDS * k] === quote.start; k++) {
    if (spans[SPAN_FIELDS * k + 1] === quote.end) return k;
  }
  return -1;
}

/** A quotation the analysis did not report (it reports every span the index has): its span, no speaker. */
function unattributed(span: QuoteSpan, articleText: string): Quote {
  const text = articleText.slice(span.start + 1, span.end - 1);
  return {
    start: span.start, end: span.end, text, kind: 'other', speaker: null,
    speakerMention: null, cue: null, confidence: 0, evidence: 'none', paragraph: span.paragraph,
  };
}

/**
 * Length and two 32-bit FNV-1a hashes of the UTF-16 code units: tells a text from an edited copy of
 * it without keeping either.
 */
function digestOf(text: string): string {
  let h1 = FNV_OFFSET;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = fnv1a(h1, unit);
    h2 = Math.imul(h2 ^ unit, 0x5bd1e995);
  }
  return `${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}
