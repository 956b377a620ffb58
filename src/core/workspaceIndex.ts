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
 * Memory: texts are kept as UTF-8 bytes; each article keeps only where its quotations are, and the
 * matcher their words as integer ids.
 */
import { analyzeArticle, mergeSpeakers, type WorkspaceSpeaker } from './analyze';
import { CrossSourceMatch, CrossSourceMatcher } from './crossSource/matcher';
import { MatchKind } from './crossSource/matchKinds';
import { quoteSpans } from './crossSource/quoteSpans';
import { ArticleAnalysis, CancellationLike, Quote } from './types';

/** A place where the words of a quotation appear again. */
export interface QuoteMatch {
  /** The article that carries the other quotation (the id it was upserted under). */
  readonly uri: string;
  /** The article's display label as given to `upsert`, else its uri. */
  readonly label: string;
  /**
   * The other quotation, with the speaker its article gives. Read lazily: the first read analyses
   * that article (about 1-2 ms for a typical one) unless its analysis is cached.
   */
  readonly quote: Quote;
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
}

interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

interface DocumentEntry {
  readonly id: number;
  uri: string;
  readonly label: string | undefined;
  readonly version: number | undefined;
  readonly bytes: Uint8Array;
  /** Where the quotations are, as start, end, paragraph triples (their words live in the matcher); null until indexed. */
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
  private nextId = 0;
  private mergedSpeakers: readonly WorkspaceSpeaker[] | null = null;

  constructor(options: WorkspaceIndexOptions = {}) {
    this.maxTextLength = options.maxTextLength ?? 1 << 20;
    this.analyze = options.analyze ?? analyzeArticle;
    this.cachedAnalyses = options.cachedAnalyses ?? 32;
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
    const entry: DocumentEntry = { id: old?.id ?? this.nextId++, uri, label, version, bytes: encoder.encode(text), spans: null, speakers: null };
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

  /** The article's text as last upserted. */
  textOf(uri: string): string | undefined {
    const entry = this.byUri.get(uri);
    return entry && decoder.decode(entry.bytes);
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
   * any article may hold a match. The matched articles are analysed only when a row's `quote` is read.
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
        get quote() {
          return quoteOf();
        },
        line: lineOf(otherEntry.bytes, span.start),
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
        const { speakers, quoteSpeakers } = entry.speakers!;
        const quotes = quoteSpeakers.map(speaker => ({ speaker }) as Quote);
        return { headline: null, paragraphs: [], boilerplate: [], quotes, speakers };
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
    const spans = quoteSpans(decoder.decode(entry.bytes));
    this.matcher.setDocument(entry.id, spans);
    entry.spans = Int32Array.from(spans.flatMap(({ start, end, paragraph }) => [start, end, paragraph ?? 0]));
    this.pending.delete(entry);
  }

  /** The other article's own quotation at `span`, with its speaker (analysing that article if needed). */
  private analysedQuote(entry: DocumentEntry, span: QuoteSpan): Quote {
    const analysed = this.analysisOf(entry).quotes.find(q => q.start === span.start && q.end === span.end);
    return analysed ?? unattributed(span, entry.bytes);
  }

  private analysisOf(entry: DocumentEntry): ArticleAnalysis {
    const cached = this.analyses.get(entry.id);
    if (cached) {
      // Refresh its place in the least-recently-used order.
      this.analyses.delete(entry.id);
      this.analyses.set(entry.id, cached);
      return cached;
    }
    const analysis = this.analyze(decoder.decode(entry.bytes));
    entry.speakers = { speakers: analysis.speakers, quoteSpeakers: analysis.quotes.map(q => q.speaker) };
    this.analyses.set(entry.id, analysis);
    if (this.analyses.size > this.cachedAnalyses) this.analyses.delete(this.analyses.keys().next().value!);
    return analysis;
  }

  private locationOf(end: CrossSourceMatch['a']): MatchLocation {
    const entry = this.byId.get(end.doc)!;
    const span = spanAt(entry.spans!, end.quote);
    return { uri: entry.uri, start: span.start, end: span.end };
  }
}

/** Quotation `k` of an article's span triples. */
function spanAt(spans: Int32Array, k: number): QuoteSpan {
  return { start: spans[3 * k], end: spans[3 * k + 1], paragraph: spans[3 * k + 2] };
}

function spanIndexOf(spans: Int32Array, quote: Pick<Quote, 'start' | 'end'>): number {
  for (let k = 0; 3 * k < spans.length; k++) if (spans[3 * k] === quote.start && spans[3 * k + 1] === quote.end) return k;
  return -1;
}

/** A quotation the analysis did not report (it reports every span the index has): its span, no speaker. */
function unattributed(span: QuoteSpan, bytes: Uint8Array): Quote {
  const text = decoder.decode(bytes).slice(span.start + 1, span.end - 1);
  return {
    start: span.start, end: span.end, text, kind: 'other', speaker: null,
    speakerMention: null, cue: null, confidence: 0, evidence: 'none', paragraph: span.paragraph,
  };
}

/** Zero-based line of a UTF-16 offset, counted on the UTF-8 bytes. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 0;
  let units = 0;
  for (let i = 0; i < bytes.length && units < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a) line++;
    // A character starts at every byte that is not a continuation byte; 4-byte ones are two UTF-16 units.
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return line;
}
