/**
 * Cross-source matching over a changing set of articles. Every quotation's word trigrams go into an
 * inverted index; a quotation's candidates are the quotations that share enough of its trigrams, and
 * only those are aligned word by word (`compareQuotes`). No pair of articles is compared wholesale.
 *
 * Rules that keep short, common fragments (`"significant impact"`) from linking unrelated articles:
 * - on its own, a match needs shared words weighing `STANDALONE_EVIDENCE` (about three content
 *   words; function words and words found in many quotations weigh less);
 * - weaker matches of one quotation with several pieces from one paragraph of the other article
 *   add up: one outlet may split a remark with `he said` where the other quotes it whole;
 * - a short quotation in title case (`"Meet the Press"`) is taken for a name, not a remark, and
 *   never links two articles on its own;
 * - any other weaker match (down to one content word: `"dismayed"`, `"flushing them out"`) is
 *   accepted only between two articles that already share a match, where it is corroborated, and
 *   between a headline quotation and the body of its own article.
 *
 * Matches are worked out lazily, one article at a time, and kept: after an article changes, only its
 * own matches are recomputed.
 */
import { CancellationLike } from '../types';
import { compareQuotes, Comparison, CORROBORATED_EVIDENCE, MatchKind, QuoteWords, STANDALONE_EVIDENCE } from './matchKinds';
import { NgramIndex, type NgramIndexSnapshot, trigramKey } from './ngramIndex';
import { forEachWord, isStopword, normalizeWord, Vocabulary, type VocabularySnapshot } from './tokens';

/** What the matcher needs to know of a quotation. `Quote` from the analysis satisfies it. */
export interface QuoteInput {
  readonly start: number;
  readonly end: number;
  /** The quoted words (with or without their quotation marks). */
  readonly text: string;
  /** `headline` quotations are also matched against the body of their own article. */
  readonly kind?: string;
  /** Pieces of one quotation split by `he said` lie in one paragraph: together they can make a match. */
  readonly paragraph?: number;
}

/** One side of a match: an article (by the id given to `setDocument`) and the index of its quotation there. */
export interface MatchEnd {
  readonly doc: number;
  readonly quote: number;
}

export interface CrossSourceMatch {
  readonly a: MatchEnd;
  readonly b: MatchEnd;
  readonly kind: MatchKind;
  /** 0..1; 1 for exact. */
  readonly score: number;
  /** A headline quotation matched against the body of its own article. */
  readonly sameArticle: boolean;
}

export interface MatcherOptions {
  /**
   * Trigrams held by more quotations than this are not used to find candidates: they are boilerplate
   * (`"according to the"`), and walking their postings would cost more than it finds.
   */
  readonly maxPostingsPerNgram?: number;
}

/**
 * A matcher's indexed quotations as plain data, mostly typed arrays, which threads can pass to each
 * other (`CrossSourceMatcher.snapshot` and `restore`). Quotations are listed article by article, in
 * the order the articles were added.
 */
export interface MatcherSnapshot {
  readonly maxPostings: number;
  readonly vocabulary: VocabularySnapshot;
  readonly index: NgramIndexSnapshot;
  /** Quotation ids handed out so far, removed quotations' included. */
  readonly quoteIds: number;
  /** The articles in the order added, with how many quotations each has. */
  readonly docs: Int32Array;
  readonly docSizes: Int32Array;
  /** Per quotation: its id, word and trigram counts, paragraph (-1: none), flags (1: headline, 2: title-like) and fingerprint. */
  readonly ids: Int32Array;
  readonly wordCounts: Int32Array;
  readonly keyCounts: Int32Array;
  readonly paragraphs: Int32Array;
  readonly flags: Uint8Array;
  readonly fingerprints: Int32Array;
  /** The articles' pools one after another; `bracketed` counts only for articles flagged in `hasBrackets`. */
  readonly words: Int32Array;
  readonly bracketed: Uint8Array;
  readonly hasBrackets: Uint8Array;
  readonly keys: Int32Array;
}

/** One article's word ids, bracket flags and trigram keys, each quotation a range of them. */
interface DocumentPools {
  readonly ids: Int32Array;
  readonly bracketed: Uint8Array | null;
  readonly keys: Int32Array;
}

/**
 * A quotation as indexed. Its words and keys are a range of its article's pools, read through
 * `wordsOfQuote` and `keysOfQuote`: a view kept per quotation would cost about 100 bytes, more than the
 * words of most quotations.
 */
interface IndexedQuote {
  readonly id: number;
  readonly doc: number;
  readonly index: number;
  readonly pools: DocumentPools;
  readonly wordsAt: number;
  readonly wordCount: number;
  readonly keysAt: number;
  /** Distinct trigram keys, as indexed. */
  readonly keyCount: number;
  readonly headline: boolean;
  /** A short quotation in title case (`"Fox News Sunday"`, `"Smiles for Life"`): a name, not a remark. */
  readonly titleLike: boolean;
  readonly paragraph: number | undefined;
  /** A hash of the words (and of which are bracketed): equal wordings have equal fingerprints. */
  readonly fingerprint: number;
}

function wordsOfQuote({ pools, wordsAt, wordCount }: IndexedQuote): QuoteWords {
  return {
    ids: pools.ids.subarray(wordsAt, wordsAt + wordCount),
    bracketed: pools.bracketed && pools.bracketed.subarray(wordsAt, wordsAt + wordCount),
  };
}

function keysOfQuote({ pools, keysAt, keyCount }: IndexedQuote): Int32Array {
  return pools.keys.subarray(keysAt, keysAt + keyCount);
}

const enum QuoteState {
  Removed = 0,
  /** In an article whose matches are all known. */
  Resolved = 1,
  Live = 2,
}

interface WeakPair {
  readonly x: IndexedQuote;
  readonly y: IndexedQuote;
  readonly comparison: Comparison;
}

const STOPWORD_WEIGHT = 0.25;
/** Quotations this short in title case are taken for names of shows, books or slogans. */
const MAX_TITLE_WORDS = 8;
/** Trigrams two quotations must share to be compared: an edited remark or a shared clause of seven words shares more. */
const MIN_SHARED_TRIGRAMS = 3;
/** Quotations needed before word frequencies are used as weights. */
const IDF_MIN_QUOTES = 1000;
/** A word found in at most one quotation in this many counts fully. */
const RARE_WORD_SHARE = 500;

export class CrossSourceMatcher {
  private vocabulary = new Vocabulary();
  private index = new NgramIndex();
  private readonly maxPostings: number;
  private readonly quotes: Array<IndexedQuote | undefined> = [];
  private readonly docQuotes = new Map<number, IndexedQuote[]>();
  /** Matches found so far, listed under both of their articles. */
  private readonly docMatches = new Map<number, CrossSourceMatch[]>();
  /** Articles whose matches are all in `docMatches`. */
  private readonly resolved = new Set<number>();
  /** By quotation id, what `candidatesOf` needs to know without touching the quotation itself. */
  private quoteStates = new Uint8Array(1024);
  /** No quotation below this id is live: postings list the newest (highest) ids first, so walks stop here. */
  private firstLive = 0;
  private liveQuotes = 0;
  /**
   * Live quotations per wording (by fingerprint). Word frequencies count each wording once: a remark
   * copied by a hundred outlets is one remark, and must not weigh less the more outlets carry it.
   */
  private readonly wordings = new Map<number, number>();
  private liveKeys = 0;
  // Scratch space for counting shared trigrams per candidate quotation.
  private sharedCounts = new Int32Array(1024);

  constructor(options: MatcherOptions = {}) {
    this.maxPostings = options.maxPostingsPerNgram ?? 100;
  }

  /** Number of live quotations indexed. */
  get quoteCount(): number {
    return this.liveQuotes;
  }

  /**
   * Adds or replaces an article's quotations. Its old matches are dropped; if any article's matches
   * were already worked out, the new article's matches are worked out now so those stay complete.
   */
  setDocument(doc: number, quotes: readonly QuoteInput[]): void {
    const hadMatchesResolved = this.resolved.size > (this.resolved.has(doc) ? 1 : 0);
    this.removeDocument(doc);
    // One id pool and one key pool per article, quotations holding ranges of them: a typed array per quotation costs more than its contents.
    const read = quotes.map(quote => this.readWords(quote.text));
    const keyLists = read.map(words => this.keysOf(words));
    const idPool = new Int32Array(read.reduce((sum, words) => sum + words.ids.length, 0));
    const keyPool = new Int32Array(keyLists.reduce((sum, keys) => sum + keys.length, 0));
    const bracketPool = read.some(words => words.bracketed) ? new Uint8Array(idPool.length) : null;
    const pools: DocumentPools = { ids: idPool, bracketed: bracketPool, keys: keyPool };
    const indexed: IndexedQuote[] = [];
    let idAt = 0;
    let keyAt = 0;
    quotes.forEach((quote, index) => {
      const { ids: wordIds, bracketed: brackets } = read[index];
      idPool.set(wordIds, idAt);
      if (brackets) bracketPool!.set(brackets, idAt);
      keyPool.set(keyLists[index], keyAt);
      const id = this.quotes.length;
      const headline = quote.kind === 'headline';
      const titleLike = !headline && wordIds.length <= MAX_TITLE_WORDS && isTitleCase(quote.text);
      const entry: IndexedQuote = {
        id, doc, index, pools, wordsAt: idAt, wordCount: wordIds.length, keysAt: keyAt, keyCount: keyLists[index].length,
        headline, titleLike, paragraph: quote.paragraph, fingerprint: fingerprintOf(wordIds, brackets),
      };
      const keys = keysOfQuote(entry);
      idAt += wordIds.length;
      keyAt += keys.length;
      this.quotes.push(entry);
      this.setState(id, QuoteState.Live);
      indexed.push(entry);
      for (const key of keys) this.index.add(key, id);
      const copies = this.wordings.get(entry.fingerprint) ?? 0;
      this.wordings.set(entry.fingerprint, copies + 1);
      if (copies === 0) this.vocabulary.countOccurrences(wordsOfQuote(entry).ids, 1);
      this.liveKeys += keys.length;
    });
    this.liveQuotes += indexed.length;
    this.docQuotes.set(doc, indexed);
    this.docMatches.set(doc, []);
    if (hadMatchesResolved) this.resolve(doc, false);
  }

  /** Drops an article, its quotations and every match that involves it. */
  removeDocument(doc: number): void {
    const old = this.docQuotes.get(doc);
    if (!old) return;
    for (const match of this.docMatches.get(doc) ?? []) {
      const other = match.a.doc === doc ? match.b.doc : match.a.doc;
      if (other === doc) continue;
      const list = this.docMatches.get(other);
      if (list) this.docMatches.set(other, list.filter(m => m.a.doc !== doc && m.b.doc !== doc));
    }
    for (const quote of old) {
      for (const key of keysOfQuote(quote)) this.index.release(key);
      const copies = this.wordings.get(quote.fingerprint)! - 1;
      if (copies > 0) this.wordings.set(quote.fingerprint, copies);
      else {
        this.wordings.delete(quote.fingerprint);
        this.vocabulary.countOccurrences(wordsOfQuote(quote).ids, -1);
      }
      this.liveKeys -= quote.keyCount;
      this.quotes[quote.id] = undefined;
      this.setState(quote.id, QuoteState.Removed);
    }
    this.liveQuotes -= old.length;
    this.docQuotes.delete(doc);
    this.docMatches.delete(doc);
    this.resolved.delete(doc);
    if (this.index.size > 2 * this.liveKeys + 100_000) this.compact();
  }

  /**
   * Every match of one article's quotations, worked out on first request and kept. Returns
   * undefined if cancelled before done (nothing is kept then).
   */
  matchesOfDocument(doc: number, token?: CancellationLike): readonly CrossSourceMatch[] | undefined {
    if (!this.docQuotes.has(doc)) return [];
    if (!this.resolved.has(doc)) {
      if (token?.isCancellationRequested) return undefined;
      this.resolve(doc, true);
    }
    return this.docMatches.get(doc);
  }

  /**
   * Works out the matches of articles whose matches are not known yet, until all are, `token` is
   * cancelled, or `maxDocuments` were done. Returns true when all are known.
   */
  resolveSome(token?: CancellationLike, maxDocuments = Infinity): boolean {
    let done = 0;
    for (const doc of this.docQuotes.keys()) {
      if (this.resolved.has(doc)) continue;
      if (token?.isCancellationRequested || done >= maxDocuments) return false;
      this.resolve(doc, true);
      done++;
    }
    return true;
  }

  /** The matches of one quotation (by its index in the list given to `setDocument`). */
  matchesOfQuote(doc: number, quote: number): readonly CrossSourceMatch[] {
    return (this.matchesOfDocument(doc) ?? []).filter(
      m => (m.a.doc === doc && m.a.quote === quote) || (m.b.doc === doc && m.b.quote === quote),
    );
  }

  /** Every match in the collection, each pair once. Undefined if cancelled. */
  allMatches(token?: CancellationLike): CrossSourceMatch[] | undefined {
    for (const doc of this.docQuotes.keys()) {
      if (this.matchesOfDocument(doc, token) === undefined) return undefined;
    }
    const all: CrossSourceMatch[] = [];
    for (const [doc, list] of this.docMatches) {
      for (const match of list) if (match.a.doc === doc) all.push(match);
    }
    return all;
  }

  /**
   * The part of `allMatches` listed under `docs`, worked out alone, so that threads can share the
   * work out: `allMatches` resolves the articles in the order they were added, each skipping those
   * resolved before it, and so does this, taking the articles not in `docs` as resolved without
   * working them out. Article ids must rise in the order added (as `ArticleMatcher`'s do), so that
   * each match is listed under the article whose resolution found it. Leaves the matcher's matches
   * incomplete: meant for a copy made by `restore`.
   */
  shareOfAllMatches(docs: ReadonlySet<number>): CrossSourceMatch[] {
    const share: CrossSourceMatch[] = [];
    for (const [doc, quotes] of this.docQuotes) {
      if (docs.has(doc)) {
        this.resolve(doc, true);
        for (const match of this.docMatches.get(doc)!) if (match.a.doc === doc) share.push(match);
      } else {
        this.resolved.add(doc);
        for (const quote of quotes) this.setState(quote.id, QuoteState.Resolved);
      }
    }
    return share;
  }

  /** The indexed quotations as plain data; it shares the index's arrays, so take it while nothing is added. */
  snapshot(): MatcherSnapshot {
    const docs = [...this.docQuotes.keys()];
    const quotes = docs.flatMap(doc => this.docQuotes.get(doc)!);
    const pools = docs.map(doc => this.docQuotes.get(doc)![0]?.pools);
    const words = new Int32Array(pools.reduce((sum, p) => sum + (p?.ids.length ?? 0), 0));
    const bracketed = new Uint8Array(pools.some(p => p?.bracketed) ? words.length : 0);
    const keys = new Int32Array(pools.reduce((sum, p) => sum + (p?.keys.length ?? 0), 0));
    let wordsAt = 0;
    let keysAt = 0;
    for (const p of pools) {
      if (!p) continue;
      words.set(p.ids, wordsAt);
      if (p.bracketed) bracketed.set(p.bracketed, wordsAt);
      keys.set(p.keys, keysAt);
      wordsAt += p.ids.length;
      keysAt += p.keys.length;
    }
    return {
      maxPostings: this.maxPostings,
      vocabulary: this.vocabulary.snapshot(),
      index: this.index.snapshot(),
      quoteIds: this.quotes.length,
      docs: Int32Array.from(docs),
      docSizes: Int32Array.from(docs, doc => this.docQuotes.get(doc)!.length),
      ids: Int32Array.from(quotes, q => q.id),
      wordCounts: Int32Array.from(quotes, q => q.wordCount),
      keyCounts: Int32Array.from(quotes, q => q.keyCount),
      paragraphs: Int32Array.from(quotes, q => q.paragraph ?? -1),
      flags: Uint8Array.from(quotes, q => (q.headline ? 1 : 0) | (q.titleLike ? 2 : 0)),
      fingerprints: Int32Array.from(quotes, q => q.fingerprint),
      words,
      bracketed,
      hasBrackets: Uint8Array.from(pools, p => (p?.bracketed ? 1 : 0)),
      keys,
    };
  }

  /** A matcher holding the quotations of `snapshot`, with no matches worked out yet. */
  static restore(snapshot: MatcherSnapshot): CrossSourceMatcher {
    const matcher = new CrossSourceMatcher({ maxPostingsPerNgram: snapshot.maxPostings });
    matcher.vocabulary = Vocabulary.restore(snapshot.vocabulary);
    matcher.index = NgramIndex.restore(snapshot.index);
    for (let id = 0; id < snapshot.quoteIds; id++) matcher.quotes.push(undefined);
    if (snapshot.quoteIds > 0) matcher.setState(snapshot.quoteIds - 1, QuoteState.Removed);
    let q = 0;
    let wordsAt = 0;
    let keysAt = 0;
    snapshot.docs.forEach((doc, d) => {
      const size = snapshot.docSizes[d];
      let wordCount = 0;
      let keyCount = 0;
      for (let k = q; k < q + size; k++) {
        wordCount += snapshot.wordCounts[k];
        keyCount += snapshot.keyCounts[k];
      }
      const pools: DocumentPools = {
        ids: snapshot.words.subarray(wordsAt, wordsAt + wordCount),
        bracketed: snapshot.hasBrackets[d] ? snapshot.bracketed.subarray(wordsAt, wordsAt + wordCount) : null,
        keys: snapshot.keys.subarray(keysAt, keysAt + keyCount),
      };
      wordsAt += wordCount;
      keysAt += keyCount;
      const indexed: IndexedQuote[] = [];
      let idAt = 0;
      let keyAt = 0;
      for (let index = 0; index < size; index++, q++) {
        const paragraph = snapshot.paragraphs[q];
        const entry: IndexedQuote = {
          id: snapshot.ids[q], doc, index, pools, wordsAt: idAt, wordCount: snapshot.wordCounts[q], keysAt: keyAt, keyCount: snapshot.keyCounts[q],
          headline: (snapshot.flags[q] & 1) !== 0, titleLike: (snapshot.flags[q] & 2) !== 0, paragraph: paragraph < 0 ? undefined : paragraph, fingerprint: snapshot.fingerprints[q],
        };
        idAt += entry.wordCount;
        keyAt += entry.keyCount;
        matcher.quotes[entry.id] = entry;
        matcher.setState(entry.id, QuoteState.Live);
        indexed.push(entry);
        matcher.wordings.set(entry.fingerprint, (matcher.wordings.get(entry.fingerprint) ?? 0) + 1);
        matcher.liveKeys += entry.keyCount;
      }
      matcher.liveQuotes += size;
      matcher.docQuotes.set(doc, indexed);
      matcher.docMatches.set(doc, []);
    });
    return matcher;
  }

  /**
   * Works out every match of `doc`'s quotations. With `skipResolved`, pairs with articles that are
   * already resolved are known (they were recorded under both articles) and are not looked at again.
   */
  private resolve(doc: number, skipResolved: boolean): void {
    const own = this.docQuotes.get(doc) ?? [];
    const seen = new Set<number>();
    const linked = new Set<number>();
    const isKnown = (other: number) => other !== doc && skipResolved && this.resolved.has(other);
    const weak: WeakPair[] = [];
    const memo = new Map<string, Comparison | null>();
    for (const quote of own) {
      for (const candidate of this.candidatesOf(quote, skipResolved)) {
        const sameArticle = candidate.doc === doc;
        if (isKnown(candidate.doc) || (sameArticle && candidate.headline === quote.headline)) continue;
        const comparison = this.compare(quote, candidate, memo);
        if (!comparison || comparison.evidence < CORROBORATED_EVIDENCE) continue;
        if (sameArticle) this.record(quote, candidate, comparison, seen);
        else if (quote.titleLike || candidate.titleLike) continue;
        else if (comparison.evidence < STANDALONE_EVIDENCE) weak.push({ x: quote, y: candidate, comparison });
        else if (this.record(quote, candidate, comparison, seen)) linked.add(candidate.doc);
      }
    }
    // Pieces of a quotation split differently: weak matches of one quotation with several pieces
    // from one paragraph of the other article count together.
    const pieces = new Map<string, number>();
    const groups = (pair: WeakPair) => [groupKey(pair.x, pair.y), groupKey(pair.y, pair.x)];
    for (const pair of weak) for (const key of groups(pair)) pieces.set(key, (pieces.get(key) ?? 0) + pair.comparison.evidence);
    for (const pair of weak) {
      if (groups(pair).some(key => pieces.get(key)! >= STANDALONE_EVIDENCE)) {
        this.record(pair.x, pair.y, pair.comparison, seen);
        linked.add(pair.y.doc);
      }
    }
    // The second look: weaker matches where they are corroborated, between quotations sharing
    // a third of the content words of the one with fewer, and two at least (or all, when it has fewer).
    const contentWords = new Map<number, Set<number>>();
    const contentOf = (quote: IndexedQuote) => {
      let words = contentWords.get(quote.id);
      if (!words) contentWords.set(quote.id, (words = this.contentWordsOf(quote)));
      return words;
    };
    for (const other of [doc, ...linked]) {
      const theirs = this.docQuotes.get(other) ?? [];
      for (const quote of own) {
        const mine = contentOf(quote);
        for (const candidate of theirs) {
          if (other === doc && candidate.headline === quote.headline) continue;
          if (seen.has(pairKey(quote, candidate))) continue;
          const their = contentOf(candidate);
          const fewer = Math.min(mine.size, their.size);
          if (sharedCount(mine, their) < Math.max(Math.min(2, fewer), Math.ceil(fewer / 3))) continue;
          const comparison = this.compare(quote, candidate, memo);
          if (comparison && comparison.evidence >= CORROBORATED_EVIDENCE) this.record(quote, candidate, comparison, seen);
        }
      }
    }
    this.resolved.add(doc);
    for (const quote of own) this.setState(quote.id, QuoteState.Resolved);
  }

  private setState(id: number, state: QuoteState): void {
    if (id >= this.quoteStates.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.quoteStates.length * 2));
      grown.set(this.quoteStates);
      this.quoteStates = grown;
    }
    this.quoteStates[id] = state;
    if (state === QuoteState.Live && id < this.firstLive) this.firstLive = id;
  }

  /**
   * Quotations sharing at least `MIN_SHARED_TRIGRAMS` of `quote`'s indexed trigrams (or all, when either has fewer);
   * with `skipResolved`, not those of resolved articles.
   */
  private candidatesOf(quote: IndexedQuote, skipResolved: boolean): IndexedQuote[] {
    if (quote.keyCount === 0) return [];
    const wanted = skipResolved ? QuoteState.Live : QuoteState.Resolved;
    if (this.sharedCounts.length < this.quotes.length) this.sharedCounts = new Int32Array(this.quotes.length * 2);
    const counts = this.sharedCounts;
    const touched: number[] = [];
    const index = this.index;
    const keys = keysOfQuote(quote);
    const maxCount = this.postingLimitFor(keys);
    const states = this.quoteStates;
    if (skipResolved) while (this.firstLive < this.quotes.length && states[this.firstLive] !== QuoteState.Live) this.firstLive++;
    const floor = skipResolved ? this.firstLive : 0;
    for (const key of keys) {
      for (let p = index.postings(key, maxCount); p !== -1; p = index.next(p)) {
        const id = index.quoteAt(p);
        if (id < floor) break;
        if (states[id] >= wanted && id !== quote.id && counts[id]++ === 0) touched.push(id);
      }
    }
    const candidates: IndexedQuote[] = [];
    const enough = Math.min(MIN_SHARED_TRIGRAMS, quote.keyCount);
    for (const id of touched) {
      // Most quotations touched share one trigram: only a short candidate needs looking at to rule it out.
      const shared = counts[id];
      counts[id] = 0;
      if (shared >= enough) candidates.push(this.quotes[id]!);
      else if (shared >= this.quotes[id]!.keyCount) candidates.push(this.quotes[id]!);
    }
    return candidates;
  }

  /**
   * How many quotations a trigram of `keys` may be held by and still be walked: `maxPostings`, unless
   * that leaves too few of them to find any candidate. A remark carried by many outlets has every
   * trigram over the limit; then its least common trigrams are walked all the same.
   */
  private postingLimitFor(keys: Int32Array): number {
    const needed = Math.min(MIN_SHARED_TRIGRAMS, keys.length);
    let usable = 0;
    for (let k = 0; k < keys.length && usable < needed; k++) if (this.index.count(keys[k]) <= this.maxPostings) usable++;
    if (usable >= needed) return this.maxPostings;
    return Array.from(keys, key => this.index.count(key)).sort((x, y) => x - y)[needed - 1];
  }

  /**
   * Compares with the shorter quotation first, ties broken by wording, so a pair always compares the
   * same way. Wire copy puts one wording in many articles: `memo` (one per `resolve`) aligns each
   * pair of wordings once.
   */
  private compare(x: IndexedQuote, y: IndexedQuote, memo: Map<string, Comparison | null>): Comparison | null {
    const xFirst = x.wordCount < y.wordCount || (x.wordCount === y.wordCount && x.fingerprint <= y.fingerprint);
    const [first, second] = xFirst ? [x, y] : [y, x];
    const key = `${first.fingerprint}:${first.wordCount}:${second.fingerprint}:${second.wordCount}`;
    let comparison = memo.get(key);
    if (comparison === undefined) memo.set(key, (comparison = compareQuotes(wordsOfQuote(first), wordsOfQuote(second), this.weight)));
    return comparison;
  }

  /** Records a match under both articles; false if the pair was already recorded in this pass. */
  private record(x: IndexedQuote, y: IndexedQuote, comparison: Comparison, seen: Set<number>): boolean {
    const key = pairKey(x, y);
    if (seen.has(key)) return false;
    seen.add(key);
    const [first, second] = x.doc < y.doc || (x.doc === y.doc && x.index < y.index) ? [x, y] : [y, x];
    const match: CrossSourceMatch = {
      a: { doc: first.doc, quote: first.index },
      b: { doc: second.doc, quote: second.index },
      kind: comparison.kind,
      score: comparison.score,
      sameArticle: x.doc === y.doc,
    };
    this.docMatches.get(x.doc)!.push(match);
    if (y.doc !== x.doc) this.docMatches.get(y.doc)!.push(match);
    return true;
  }

  /**
   * Inverse document frequency over the distinct wordings of the indexed quotations, scaled to 0..1:
   * a word in at most 1 in `RARE_WORD_SHARE` wordings weighs 1, a word in 1 in 20 about half. Small workspaces give no
   * useful frequencies, so there every content word weighs 1.
   */
  private readonly weight = (id: number): number => {
    if (this.vocabulary.isStopword(id)) return STOPWORD_WEIGHT;
    const wordings = this.wordings.size;
    if (wordings < IDF_MIN_QUOTES) return 1;
    const df = Math.max(1, this.vocabulary.documentFrequency(id));
    return Math.max(STOPWORD_WEIGHT, Math.min(1, Math.log(wordings / df) / Math.log(RARE_WORD_SHARE)));
  };

  private readWords(text: string): { ids: number[]; bracketed: number[] | null } {
    const ids: number[] = [];
    let bracketed: number[] | null = null;
    forEachWord(text, (norm, _start, _end, inBrackets) => {
      if (inBrackets && bracketed === null) bracketed = ids.map(() => 0);
      ids.push(this.vocabulary.idOf(norm));
      if (bracketed !== null) bracketed.push(inBrackets ? 1 : 0);
    });
    return { ids, bracketed };
  }

  /** Distinct trigram keys of the speaker's own words, leaving out trigrams of function words only. */
  private keysOf(words: { ids: ArrayLike<number>; bracketed: ArrayLike<number> | null }): number[] {
    const own: number[] = [];
    for (let k = 0; k < words.ids.length; k++) if (words.bracketed === null || words.bracketed[k] === 0) own.push(words.ids[k]);
    const keys = new Set<number>();
    const v = this.vocabulary;
    for (let k = 0; k + 2 < own.length; k++) {
      if (v.isStopword(own[k]) && v.isStopword(own[k + 1]) && v.isStopword(own[k + 2])) continue;
      keys.add(trigramKey(own[k], own[k + 1], own[k + 2]));
    }
    return [...keys];
  }

  private contentWordsOf(quote: IndexedQuote): Set<number> {
    const words = new Set<number>();
    for (const id of wordsOfQuote(quote).ids) if (!this.vocabulary.isStopword(id)) words.add(id);
    return words;
  }

  /** Rebuilds the trigram index from the live quotations once removed ones make up most of it. */
  private compact(): void {
    this.index = new NgramIndex(this.liveKeys);
    for (const quote of this.quotes) if (quote) for (const key of keysOfQuote(quote)) this.index.add(key, quote.id);
  }
}

/** Every word but function words capitalised, as in a title: `"Meet the Press"`, `"On the Record with Greta Van Susteren"`. */
function isTitleCase(text: string): boolean {
  const words = (text.match(/[\p{L}'’]+/gu) ?? []).filter(word => !isStopword(normalizeWord(word)));
  return words.length > 0 && words.every(word => /^\p{Lu}/u.test(word));
}

function fingerprintOf(ids: readonly number[], bracketed: readonly number[] | null): number {
  let hash = 0x811c9dc5;
  ids.forEach((id, k) => {
    hash = Math.imul(hash ^ id, 0x01000193);
    if (bracketed?.[k]) hash = Math.imul(hash ^ 0x5bd1e995, 0x01000193);
  });
  // 30 bits: small integers are stored in place, larger ones as a heap number per quotation.
  return hash & 0x3fffffff;
}

function sharedCount(x: Set<number>, y: Set<number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let count = 0;
  for (const id of small) if (large.has(id)) count++;
  return count;
}

/** The weak matches of `whole` with the quotations of one paragraph of `piece`'s article. */
function groupKey(whole: IndexedQuote, piece: IndexedQuote): string {
  return `${whole.id}:${piece.doc}:${piece.paragraph ?? `q${piece.index}`}`;
}

function pairKey(x: IndexedQuote, y: IndexedQuote): number {
  return x.id < y.id ? x.id * 0x4000000 + y.id : y.id * 0x4000000 + x.id;
}
