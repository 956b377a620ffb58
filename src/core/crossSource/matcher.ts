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
 * Copies of one wording (the same words, brackets alike) past the first `MAX_MATCHED_COPIES` live
 * ones, in the order indexed, or past the first `MAX_MATCHED_COPIES_PER_ARTICLE` in one article,
 * are surplus: a slogan carried by thousands of articles, or a remark pasted thousands of times
 * into one, would otherwise give pairs (and work) growing with the square of its copies. A surplus copy is not indexed and nobody's candidate; it is linked to the
 * wording's first copy alone, where that lies in another article and would link the two on its own
 * (the same words carry evidence enough, and are not a title); in the first copy's own article it
 * is a repeat, and linked to nothing. So the first copies keep every match, the first copy is
 * listed against the copies in other articles, and each of those points to it.
 *
 * Matches are worked out lazily, one article at a time, and kept: after an article changes, only its
 * own matches are recomputed.
 */
import { isUpperChar } from '../analysis/chars';
import { FNV_OFFSET, fnv1a, pairHome, spread } from '../hash';
import { grown } from '../typedArrays';
import { CancellationLike } from '../types';
import { compareQuotes, Comparison, CORROBORATED_EVIDENCE, MatchKind, QuoteWords, STANDALONE_EVIDENCE } from './matchKinds';
import { NgramIndex, type NgramIndexSnapshot, trigramKey } from './ngramIndex';
import { isStopword, normalizeWord, Vocabulary, type VocabularySnapshot, WordCursor } from './tokens';

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
 * A matcher's indexed quotations as plain data, typed arrays mostly, which threads can pass to each
 * other (`CrossSourceMatcher.snapshot` and `restore`): its columns and pools as it keeps them.
 */
export interface MatcherSnapshot {
  readonly maxPostings: number;
  readonly vocabulary: VocabularySnapshot;
  readonly index: NgramIndexSnapshot;
  readonly wordings: WordingCountsSnapshot;
  readonly liveQuotes: number;
  readonly liveKeys: number;
  readonly liveWords: number;
  /** Quotation ids handed out so far, removed quotations' included; the columns below are by id, up to this. */
  readonly quoteIds: number;
  /** The articles in the order added, with the first quotation id and the number of quotations of each. */
  readonly docs: Int32Array;
  readonly docFirsts: Int32Array;
  readonly docSizes: Int32Array;
  readonly states: Uint8Array;
  readonly flags: Uint8Array;
  readonly fewKeys: Uint8Array;
  readonly quoteDocs: Int32Array;
  readonly quoteIndexes: Int32Array;
  readonly paragraphs: Int32Array;
  readonly fingerprints: Int32Array;
  readonly wordsAt: Int32Array;
  readonly wordCounts: Int32Array;
  readonly keyCounts: Int32Array;
  readonly words: Int32Array;
  readonly bracketed: Uint8Array;
}

/** Where an article's quotations are in the matcher's tables: ids `first` to `first + count - 1`. */
interface DocumentQuotes {
  readonly first: number;
  readonly count: number;
}

const enum QuoteState {
  Removed = 0,
  /** In an article whose matches are all known. */
  Resolved = 1,
  Live = 2,
}

const enum QuoteFlag {
  Headline = 1,
  /** A short quotation in title case (`"Fox News Sunday"`, `"Smiles for Life"`): a name, not a remark. */
  TitleLike = 2,
  /** Some of its words stand inside `[...]`. */
  Bracketed = 4,
  /** A copy of a wording past its first `MAX_MATCHED_COPIES`, or its first `MAX_MATCHED_COPIES_PER_ARTICLE` in its article (see the module comment). */
  Surplus = 8,
}

/** The surplus copies of one wording, and the copy they are linked to. */
interface SurplusCopies {
  /** The lowest live quotation id with the wording that is not surplus, `FIRST_COPY_UNKNOWN` or `NO_FIRST_COPY`. */
  first: number;
  /** Their quotation ids, in the order indexed. */
  ids: number[];
}

interface WeakPair {
  readonly x: number;
  readonly y: number;
  readonly comparison: Comparison;
  /** `groupKey(x, y)` and `groupKey(y, x)`. */
  readonly groups: readonly [string, string];
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
/**
 * Copies of one wording matched with everything; later ones are surplus (see the module comment).
 * Well above the copies of any wording in 10,000 real articles (161), and low enough that the pairs
 * of the first copies stay a bounded share of the matches (130,816 at most).
 */
export const MAX_MATCHED_COPIES = 512;
/**
 * Most quotations a trigram may be held by and still be walked as one of a quotation's least common
 * (see `postingLimitFor`). Well above any in 10,000 real articles (1,395), and low enough that
 * many near-identical quotations (`"We will build it, number 1"`, `..., number 2`, and so on, in one
 * article or many) do not each walk all the others: 100,000 of them in one article took 5 minutes.
 */
const MAX_FALLBACK_POSTINGS = 4096;
/**
 * Copies of one wording in one article matched with everything. Its body copies are not matched with
 * one another, and a hover on each would otherwise compare them all again; real articles repeat a
 * wording 14 times at most.
 */
export const MAX_MATCHED_COPIES_PER_ARTICLE = 32;
/**
 * The length scratch arrays and the word pool start at: small, so that they first grow before the
 * code using them is optimised, as growing first in optimised code throws that code away.
 */
const SCRATCH = 16;

/**
 * Quotations are numbered as indexed and kept in typed columns by that id, their words in one pool
 * shared by all: an object or a typed array per quotation or per article would cost more than the
 * words of most quotations, and would keep the garbage collector busy.
 */
export class CrossSourceMatcher {
  private vocabulary = new Vocabulary();
  private index = new NgramIndex();
  private readonly maxPostings: number;
  private readonly docQuotes = new Map<number, DocumentQuotes>();
  /** Matches found so far, listed under both of their articles. */
  private readonly docMatches = new Map<number, CrossSourceMatch[]>();
  /** Articles whose matches are all in `docMatches`. */
  private readonly resolved = new Set<number>();
  /** Matches of single quotations of articles not resolved yet, by quotation id, until anything changes. */
  private readonly quoteMatches = new Map<number, CrossSourceMatch[]>();
  /** Quotation ids handed out so far (removed ones included). */
  private quoteIds = 0;
  // Columns by quotation id.
  private quoteStates: Uint8Array = new Uint8Array(1024);
  /** No quotation below this id is live: postings list the newest (highest) ids first, so walks stop here. */
  private firstLive = 0;
  private quoteFlags: Uint8Array = new Uint8Array(1024);
  /** Its number of trigram keys up to `MIN_SHARED_TRIGRAMS`: the candidate test without reading more. */
  private fewKeys: Uint8Array = new Uint8Array(1024);
  private quoteDoc: Int32Array = new Int32Array(1024);
  /** Its index in the list given to `setDocument`. */
  private quoteIndex: Int32Array = new Int32Array(1024);
  /** Its paragraph, -1 when not given. */
  private quoteParagraph: Int32Array = new Int32Array(1024);
  /** A hash of the words (and of which are bracketed): equal wordings have equal fingerprints. */
  private quoteFingerprint: Int32Array = new Int32Array(1024);
  private wordsAt: Int32Array = new Int32Array(1024);
  private wordCounts: Int32Array = new Int32Array(1024);
  /** Distinct trigram keys of its own words, as indexed. */
  private keyCounts: Int32Array = new Int32Array(1024);
  // The pool: word ids with a bracket flag each; removed quotations' ranges are reclaimed by `compact`.
  private words: Int32Array = new Int32Array(SCRATCH);
  private bracketed: Uint8Array = new Uint8Array(SCRATCH);
  private wordsUsed = 0;
  /** Reads the words of the quotations indexed. */
  private readonly cursor = new WordCursor();
  private liveQuotes = 0;
  /**
   * Live quotations per wording (by fingerprint). Word frequencies count each wording once: a remark
   * copied by a hundred outlets is one remark, and must not weigh less the more outlets carry it.
   */
  private wordings = new WordingCounts();
  /** The surplus copies of each wording that has any, by fingerprint. */
  private readonly surplus = new Map<number, SurplusCopies>();
  private liveKeys = 0;
  private liveWords = 0;
  // Scratch space, from `SCRATCH` long, grown as needed.
  // For `keysOf`: a quotation's own words, its keys, and a set of the keys seen.
  private ownWords = new Int32Array(SCRATCH);
  private keyScratch = new Int32Array(SCRATCH);
  private keySlots = new Int32Array(SCRATCH);
  private keySlotStamps = new Int32Array(SCRATCH);
  private keyStamp = 0;
  /** The first posting of each key in `keyScratch`, for `candidatesOf`. */
  private keyHeads = new Int32Array(SCRATCH);
  // For `distinctContentWords` and the second look: a stamp per word id, the words found (one run
  // per quotation of the article looked at), and where each run starts.
  private wordStamps = new Int32Array(SCRATCH);
  private wordStamp = 0;
  private contentScratch = new Int32Array(SCRATCH);
  private contentRuns = new Int32Array(SCRATCH);
  // For the second look: where each word stands in the runs of `contentScratch` (see `listHolders`),
  // and the words each run shares with the quotation looked from.
  private firstHolder = new Int32Array(SCRATCH);
  private holderStamps = new Int32Array(SCRATCH);
  private holderStamp = 0;
  private nextHolder = new Int32Array(SCRATCH);
  private holderRun = new Int32Array(SCRATCH);
  private sharedWords = new Int32Array(SCRATCH);
  // For counting shared trigrams per candidate quotation, the ids counted, and the candidates found
  // last by `candidatesOf`: as many as there are quotations.
  private sharedCounts = new Int32Array(0);
  private touched = new Int32Array(0);
  private candidates = new Int32Array(0);
  // For `partitionForSecondLook`.
  private headlineScratch = new Int32Array(SCRATCH);
  private restScratch = new Int32Array(SCRATCH);
  // Per `resolve`, reused: the pairs recorded, and the comparison of each pair of wordings (an index
  // into `comparisons`, or `NO_MATCH`). A `Set` and a `Map` of number keys per resolution cost a heap
  // number per key and kept the garbage collector busy.
  private readonly seen = new PairTable();
  private readonly memo = new PairTable();
  private readonly comparisons: Comparison[] = [];

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
    this.quoteMatches.clear();
    const first = this.quoteIds;
    this.ensureQuoteCapacity(first + quotes.length);
    // Copies of each wording in this article so far, by fingerprint: only a long article can repeat one too often.
    const inArticle = quotes.length > MAX_MATCHED_COPIES_PER_ARTICLE ? new Map<number, number>() : null;
    for (let index = 0; index < quotes.length; index++) {
      const quote = quotes[index];
      const id = this.quoteIds++;
      const bracketed = this.storeWords(id, quote.text);
      const wordCount = this.wordCounts[id];
      const headline = quote.kind === 'headline';
      const titleLike = !headline && wordCount <= MAX_TITLE_WORDS && isTitleCase(quote.text);
      this.quoteFlags[id] = (headline ? QuoteFlag.Headline : 0) | (titleLike ? QuoteFlag.TitleLike : 0) | (bracketed ? QuoteFlag.Bracketed : 0);
      this.quoteDoc[id] = doc;
      this.quoteIndex[id] = index;
      this.quoteParagraph[id] = quote.paragraph ?? -1;
      this.quoteFingerprint[id] = fingerprintOf(this.words, this.bracketed, this.wordsAt[id], this.wordsAt[id] + wordCount);
      this.quoteStates[id] = QuoteState.Live;
      const keyCount = this.keysOf(id);
      this.keyCounts[id] = keyCount;
      this.fewKeys[id] = Math.min(MIN_SHARED_TRIGRAMS, keyCount);
      const fingerprint = this.quoteFingerprint[id];
      const copiesBefore = this.wordings.add(fingerprint);
      if (copiesBefore === 0) this.vocabulary.countOccurrences(this.words, this.wordsAt[id], this.wordsAt[id] + wordCount, 1);
      const copiesHereBefore = inArticle?.get(fingerprint) ?? 0;
      inArticle?.set(fingerprint, copiesHereBefore + 1);
      // A wording without keys is never a candidate, so its copies cost nothing to keep apart.
      if (keyCount > 0 && (copiesBefore >= MAX_MATCHED_COPIES || copiesHereBefore >= MAX_MATCHED_COPIES_PER_ARTICLE)) {
        this.quoteFlags[id] |= QuoteFlag.Surplus;
        this.listSurplus(id);
      } else {
        this.index.prefetch(this.keyScratch, 0, keyCount);
        for (let k = 0; k < keyCount; k++) this.index.add(this.keyScratch[k], id);
        this.liveKeys += keyCount;
        const surplus = this.surplus.get(fingerprint);
        if (surplus?.first === NO_FIRST_COPY) surplus.first = FIRST_COPY_UNKNOWN;
      }
      this.liveWords += wordCount;
    }
    this.liveQuotes += quotes.length;
    this.docQuotes.set(doc, { first, count: quotes.length });
    this.docMatches.set(doc, []);
    if (hadMatchesResolved) this.resolve(doc, false);
  }

  /** Drops an article, its quotations and every match that involves it. */
  removeDocument(doc: number): void {
    const old = this.docQuotes.get(doc);
    if (!old) return;
    this.quoteMatches.clear();
    for (const match of this.docMatches.get(doc) ?? []) {
      const other = match.a.doc === doc ? match.b.doc : match.a.doc;
      if (other === doc) continue;
      const list = this.docMatches.get(other);
      if (list) this.docMatches.set(other, list.filter(m => m.a.doc !== doc && m.b.doc !== doc));
    }
    const surplusChanged = new Set<number>();
    const firstCopiesGone: SurplusCopies[] = [];
    for (let id = old.first; id < old.first + old.count; id++) {
      const copies = this.surplus.get(this.quoteFingerprint[id]);
      if (this.isSurplus(id)) surplusChanged.add(this.quoteFingerprint[id]);
      else {
        for (let k = 0, keyCount = this.keysOf(id); k < keyCount; k++) this.index.release(this.keyScratch[k]);
        this.liveKeys -= this.keyCounts[id];
        if (copies?.first === id) firstCopiesGone.push(copies);
      }
      if (this.wordings.remove(this.quoteFingerprint[id]) === 0) this.vocabulary.countOccurrences(this.words, this.wordsAt[id], this.wordsAt[id] + this.wordCounts[id], -1);
      this.liveWords -= this.wordCounts[id];
      this.quoteStates[id] = QuoteState.Removed;
    }
    for (const fingerprint of surplusChanged) {
      const copies = this.surplus.get(fingerprint)!;
      copies.ids = copies.ids.filter(id => this.quoteStates[id] !== QuoteState.Removed);
      if (copies.ids.length === 0) this.surplus.delete(fingerprint);
    }
    this.liveQuotes -= old.count;
    this.docQuotes.delete(doc);
    this.docMatches.delete(doc);
    this.resolved.delete(doc);
    for (const copies of firstCopiesGone) if (copies.ids.length > 0) this.passOnFirstCopy(copies);
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

  /**
   * The matches of one quotation (by its index in the list given to `setDocument`). Before its
   * article is resolved, they are worked out for this quotation alone (the same ones, at a fraction
   * of the cost) and kept until anything changes.
   */
  matchesOfQuote(doc: number, quote: number): readonly CrossSourceMatch[] {
    const quotes = this.docQuotes.get(doc);
    if (!quotes || quote < 0 || quote >= quotes.count) return [];
    // Before the article is resolved, its list holds the matches found by the articles resolved before it.
    const known = this.docMatches.get(doc)!.filter(
      m => (m.a.doc === doc && m.a.quote === quote) || (m.b.doc === doc && m.b.quote === quote),
    );
    if (this.resolved.has(doc)) return known;
    const id = quotes.first + quote;
    let found = this.quoteMatches.get(id);
    if (!found) this.quoteMatches.set(id, (found = this.resolve(doc, true, id)));
    return [...known, ...found];
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
    this.quoteMatches.clear();
    for (const [doc, { first, count }] of this.docQuotes) {
      if (docs.has(doc)) {
        this.resolve(doc, true);
        for (const match of this.docMatches.get(doc)!) if (match.a.doc === doc) share.push(match);
      } else {
        this.resolved.add(doc);
        this.quoteStates.fill(QuoteState.Resolved, first, first + count);
      }
    }
    return share;
  }

  /** The indexed quotations as plain data; it shares the matcher's arrays, so take it while nothing is added. */
  snapshot(): MatcherSnapshot {
    const docs = [...this.docQuotes.keys()];
    const n = this.quoteIds;
    return {
      maxPostings: this.maxPostings,
      vocabulary: this.vocabulary.snapshot(),
      index: this.index.snapshot(),
      wordings: this.wordings.snapshot(),
      liveQuotes: this.liveQuotes,
      liveKeys: this.liveKeys,
      liveWords: this.liveWords,
      quoteIds: n,
      docs: Int32Array.from(docs),
      docFirsts: Int32Array.from(docs, doc => this.docQuotes.get(doc)!.first),
      docSizes: Int32Array.from(docs, doc => this.docQuotes.get(doc)!.count),
      states: this.quoteStates.subarray(0, n),
      flags: this.quoteFlags.subarray(0, n),
      fewKeys: this.fewKeys.subarray(0, n),
      quoteDocs: this.quoteDoc.subarray(0, n),
      quoteIndexes: this.quoteIndex.subarray(0, n),
      paragraphs: this.quoteParagraph.subarray(0, n),
      fingerprints: this.quoteFingerprint.subarray(0, n),
      wordsAt: this.wordsAt.subarray(0, n),
      wordCounts: this.wordCounts.subarray(0, n),
      keyCounts: this.keyCounts.subarray(0, n),
      words: this.words.subarray(0, this.wordsUsed),
      bracketed: this.bracketed.subarray(0, this.wordsUsed),
    };
  }

  /** A matcher holding the quotations of `snapshot`, with no matches worked out yet; it reads the snapshot's arrays and writes only its own. */
  static restore(snapshot: MatcherSnapshot): CrossSourceMatcher {
    const matcher = new CrossSourceMatcher({ maxPostingsPerNgram: snapshot.maxPostings });
    matcher.vocabulary = Vocabulary.restore(snapshot.vocabulary);
    matcher.index = NgramIndex.restore(snapshot.index);
    matcher.quoteIds = snapshot.quoteIds;
    // Its own states, every quotation not removed live again.
    matcher.quoteStates = snapshot.states.slice();
    for (let id = 0; id < snapshot.quoteIds; id++) if (matcher.quoteStates[id] !== QuoteState.Removed) matcher.quoteStates[id] = QuoteState.Live;
    matcher.quoteFlags = snapshot.flags;
    matcher.fewKeys = snapshot.fewKeys;
    matcher.quoteDoc = snapshot.quoteDocs;
    matcher.quoteIndex = snapshot.quoteIndexes;
    matcher.quoteParagraph = snapshot.paragraphs;
    matcher.quoteFingerprint = snapshot.fingerprints;
    matcher.wordsAt = snapshot.wordsAt;
    matcher.wordCounts = snapshot.wordCounts;
    matcher.keyCounts = snapshot.keyCounts;
    matcher.words = snapshot.words;
    matcher.bracketed = snapshot.bracketed;
    matcher.wordsUsed = snapshot.words.length;
    matcher.wordings = WordingCounts.restore(snapshot.wordings);
    matcher.liveQuotes = snapshot.liveQuotes;
    matcher.liveKeys = snapshot.liveKeys;
    matcher.liveWords = snapshot.liveWords;
    snapshot.docs.forEach((doc, d) => {
      const first = snapshot.docFirsts[d];
      const count = snapshot.docSizes[d];
      matcher.docQuotes.set(doc, { first, count });
      matcher.docMatches.set(doc, []);
      for (let id = first; id < first + count; id++) if (matcher.isSurplus(id)) matcher.listSurplus(id);
    });
    return matcher;
  }

  /**
   * Works out every match of `doc`'s quotations and records them. With `skipResolved`, pairs with
   * articles that are already resolved are known (they were recorded under both articles) and are
   * not looked at again. With a `focus` (a quotation id of `doc`), works out only that quotation's
   * matches, the ones resolving the article would record, and returns them, recording nothing: a
   * weak match counts where the article shares a stronger one with the other article, so the other
   * quotations' candidates are still compared, but only in articles where the focus could find such
   * a match, and only until one links the two.
   */
  private resolve(doc: number, skipResolved: boolean, focus = -1): CrossSourceMatch[] {
    const { first, count } = this.docQuotes.get(doc) ?? { first: 0, count: 0 };
    const last = first + count;
    const seen = this.seen;
    seen.clear();
    this.memo.clear();
    this.comparisons.length = 0;
    const linked = new Set<number>();
    const focused: CrossSourceMatch[] = [];
    const record = (x: number, y: number, comparison: Comparison): boolean => {
      if (!seen.add(Math.min(x, y), Math.max(x, y), 1)) return false;
      if (focus < 0) this.record(this.matchOf(x, y, comparison));
      else if (x === focus || y === focus) focused.push(this.matchOf(x, y, comparison));
      return true;
    };
    // A surplus copy's one link does not depend on the rest of its article.
    if (focus >= 0 && this.isSurplus(focus)) {
      this.linkSurplus(focus, skipResolved, record);
      return focused;
    }
    const isKnown = (other: number) => other !== doc && skipResolved && this.resolved.has(other);
    const headline = (id: number) => (this.quoteFlags[id] & QuoteFlag.Headline) !== 0;
    const titleLike = (id: number) => (this.quoteFlags[id] & QuoteFlag.TitleLike) !== 0;
    const focusFound = focus < 0 ? 0 : this.candidatesOf(focus, skipResolved);
    // Read after `candidatesOf`, which may have given it a larger array.
    const focusCandidates = focus < 0 ? NO_CANDIDATES : this.candidates.slice(0, focusFound);
    const mayMatchFocus = focus < 0 ? anyDocument : this.mayMatch(focusCandidates, this.contentWordSet(focus));
    const focusParagraph = focus < 0 ? -1 : this.quoteParagraph[focus];
    /** With a focus, pairs that cannot change its matches: they may only link an article it cannot match, or one linked already. */
    const cannotConcernFocus = (quote: number, candidate: number, candidateDoc: number) =>
      focus >= 0 && quote !== focus && (candidateDoc === doc
        ? candidate !== focus
        : (linked.has(candidateDoc) && this.quoteParagraph[quote] !== focusParagraph) || !mayMatchFocus(candidateDoc));
    const weak: WeakPair[] = [];
    for (let quote = first; quote < last; quote++) {
      if (this.isSurplus(quote)) continue;
      const found = quote === focus ? focusCandidates.length : this.candidatesOf(quote, skipResolved);
      const candidates = quote === focus ? focusCandidates : this.candidates;
      for (let k = 0; k < found; k++) {
        const candidate = candidates[k];
        const candidateDoc = this.quoteDoc[candidate];
        const sameArticle = candidateDoc === doc;
        if (isKnown(candidateDoc) || (sameArticle && headline(candidate) === headline(quote))) continue;
        if (cannotConcernFocus(quote, candidate, candidateDoc)) continue;
        const comparison = this.compare(quote, candidate);
        if (!comparison || comparison.evidence < CORROBORATED_EVIDENCE) continue;
        if (!sameArticle && (titleLike(quote) || titleLike(candidate))) continue;
        if (!sameArticle && comparison.evidence < STANDALONE_EVIDENCE) {
          weak.push({ x: quote, y: candidate, comparison, groups: [this.groupKey(quote, candidate), this.groupKey(candidate, quote)] });
        } else if (record(quote, candidate, comparison) && !sameArticle) linked.add(candidateDoc);
      }
    }
    // Pieces of a quotation split differently: weak matches of one quotation with several pieces
    // from one paragraph of the other article count together.
    const pieces = new Map<string, number>();
    for (const pair of weak) for (const key of pair.groups) pieces.set(key, (pieces.get(key) ?? 0) + pair.comparison.evidence);
    for (const pair of weak) {
      if (pair.groups.some(key => pieces.get(key)! >= STANDALONE_EVIDENCE)) {
        record(pair.x, pair.y, pair.comparison);
        linked.add(this.quoteDoc[pair.y]);
      }
    }
    // The second look: weaker matches where they are corroborated, between quotations sharing
    // a third of the content words of the one with fewer, and two at least (or all, when it has fewer).
    const others = [doc, ...linked];
    for (const other of others) {
      const theirs = this.docQuotes.get(other) ?? { first: 0, count: 0 };
      // Each of their quotations' distinct content words, read once: a run of `contentScratch` each,
      // and where each word stands in the runs.
      const runs = this.distinctContentRuns(theirs.first, theirs.count);
      this.listHolders(runs, theirs.count);
      if (this.sharedWords.length < theirs.count) this.sharedWords = new Int32Array(2 * theirs.count);
      const shared = this.sharedWords;
      // Which of their quotations each of ours is looked at with: within the article, only those
      // on the other side of the headline (its body may repeat a remark thousands of times).
      const [headlines, rest] = this.partitionForSecondLook(theirs, other === doc);
      for (let quote = first; quote < last; quote++) {
        if ((focus >= 0 && quote !== focus) || this.isSurplus(quote)) continue;
        const looked = other === doc && !headline(quote) ? headlines : rest;
        if (looked.length === 0) continue;
        const mine = this.countSharedWords(quote);
        for (let at = 0; at < looked.length; at++) {
          const k = looked[at];
          const candidate = theirs.first + k;
          if (seen.get(Math.min(quote, candidate), Math.max(quote, candidate)) !== ABSENT) continue;
          const fewer = Math.min(mine, runs[k + 1] - runs[k]);
          if (shared[k] < Math.max(Math.min(2, fewer), Math.ceil(fewer / 3))) continue;
          const comparison = this.compare(quote, candidate);
          if (comparison && comparison.evidence >= CORROBORATED_EVIDENCE) record(quote, candidate, comparison);
        }
        shared.fill(0, 0, theirs.count);
      }
    }
    if (this.surplus.size > 0) {
      for (let quote = first; quote < last; quote++) if (focus < 0 || quote === focus) this.linkSurplus(quote, skipResolved, record);
    }
    if (focus >= 0) return focused;
    this.resolved.add(doc);
    this.quoteMatches.clear();
    for (let quote = first; quote < last; quote++) this.quoteStates[quote] = QuoteState.Resolved;
    return [];
  }

  /**
   * The quotations of an article (by place) that the second look compares with, surplus copies left
   * out: within the article being resolved, its headline's and its body's, apart; else all, second.
   * Views into scratch space, valid until the next call.
   */
  private partitionForSecondLook({ first, count }: DocumentQuotes, ownArticle: boolean): [Int32Array, Int32Array] {
    if (this.headlineScratch.length < count) {
      this.headlineScratch = new Int32Array(2 * count);
      this.restScratch = new Int32Array(2 * count);
    }
    let headlines = 0;
    let rest = 0;
    for (let k = 0; k < count; k++) {
      const flags = this.quoteFlags[first + k];
      if (flags & QuoteFlag.Surplus) continue;
      if (ownArticle && flags & QuoteFlag.Headline) this.headlineScratch[headlines++] = k;
      else this.restScratch[rest++] = k;
    }
    return [this.headlineScratch.subarray(0, headlines), this.restScratch.subarray(0, rest)];
  }

  private isSurplus(quote: number): boolean {
    return (this.quoteFlags[quote] & QuoteFlag.Surplus) !== 0;
  }

  /** Lists a surplus copy under its wording. */
  private listSurplus(quote: number): void {
    const fingerprint = this.quoteFingerprint[quote];
    const copies = this.surplus.get(fingerprint);
    if (copies) copies.ids.push(quote);
    else this.surplus.set(fingerprint, { first: FIRST_COPY_UNKNOWN, ids: [quote] });
  }

  /**
   * Records the links between surplus copies and the first copy of their wording that involve
   * `quote` (a surplus copy, or a first copy), those with articles not resolved yet when `skipResolved`.
   */
  private linkSurplus(quote: number, skipResolved: boolean, record: (x: number, y: number, comparison: Comparison) => boolean): void {
    const copies = this.surplus.get(this.quoteFingerprint[quote]);
    if (!copies) return;
    const surplus = this.isSurplus(quote);
    const firstCopy = this.firstCopyOf(copies);
    if (!surplus && firstCopy !== quote) return;
    const link = (other: number) => {
      if (skipResolved && this.resolved.has(this.quoteDoc[other])) return;
      const comparison = this.surplusLink(quote, other);
      if (comparison) record(quote, other, comparison);
    };
    if (!surplus) copies.ids.forEach(link);
    else if (firstCopy >= 0) link(firstCopy);
  }

  /**
   * How a surplus copy and its wording's first copy compare, where they are linked: in two articles,
   * on their own (not a title; evidence enough); else null.
   */
  private surplusLink(x: number, y: number): Comparison | null {
    if (this.quoteDoc[x] === this.quoteDoc[y] || (this.quoteFlags[x] | this.quoteFlags[y]) & QuoteFlag.TitleLike) return null;
    const comparison = this.compare(x, y);
    return comparison?.kind === 'exact' && comparison.evidence >= STANDALONE_EVIDENCE ? comparison : null;
  }

  /**
   * After a wording's first copy went away, the next one takes over the links of its surplus copies.
   * Those where either article is resolved are recorded now: the other one's resolution takes the
   * pairs of resolved articles for known.
   */
  private passOnFirstCopy(copies: SurplusCopies): void {
    copies.first = FIRST_COPY_UNKNOWN;
    const first = this.firstCopyOf(copies);
    if (first < 0) return;
    this.memo.clear();
    this.comparisons.length = 0;
    const firstResolved = this.resolved.has(this.quoteDoc[first]);
    for (const other of copies.ids) {
      if (!firstResolved && !this.resolved.has(this.quoteDoc[other])) continue;
      const comparison = this.surplusLink(first, other);
      if (comparison) this.record(this.matchOf(first, other, comparison));
    }
  }

  /** The first copy of a wording with surplus copies: its lowest live quotation id that is not surplus, or -1 if none. */
  private firstCopyOf(copies: SurplusCopies): number {
    if (copies.first === NO_FIRST_COPY) return -1;
    if (copies.first !== FIRST_COPY_UNKNOWN) return copies.first;
    // Every copy of the wording that is not surplus holds all its keys: the postings of the least held one list them.
    const sample = copies.ids[0];
    let key = 0;
    let held = Infinity;
    for (let k = 0, keyCount = this.keysOf(sample); k < keyCount; k++) {
      const count = this.index.count(this.keyScratch[k]);
      if (count < held) [key, held] = [this.keyScratch[k], count];
    }
    let found = -1;
    for (let p = this.index.postings(key, Infinity); p !== -1; p = this.index.next(p)) {
      const id = this.index.quoteAt(p);
      if (this.quoteStates[id] !== QuoteState.Removed && (found < 0 || id < found) && this.sameWording(id, sample)) found = id;
    }
    copies.first = found < 0 ? NO_FIRST_COPY : found;
    return found;
  }

  /** Same words, bracketed alike. */
  private sameWording(x: number, y: number): boolean {
    if (this.quoteFingerprint[x] !== this.quoteFingerprint[y] || this.wordCounts[x] !== this.wordCounts[y]) return false;
    const xBracketed = (this.quoteFlags[x] & QuoteFlag.Bracketed) !== 0;
    if (xBracketed !== ((this.quoteFlags[y] & QuoteFlag.Bracketed) !== 0)) return false;
    for (let k = 0; k < this.wordCounts[x]; k++) {
      const at = this.wordsAt[x] + k;
      const other = this.wordsAt[y] + k;
      if (this.words[at] !== this.words[other] || (xBracketed && this.bracketed[at] !== this.bracketed[other])) return false;
    }
    return true;
  }

  /**
   * Whether a quotation of `doc` may match `focus` on the second look or is a candidate of it: some
   * quotation there shares a content word with it, or one of the two has none. Other articles can
   * only change the focus's matches through pairs of quotations that do not involve it.
   */
  private mayMatch(candidates: Int32Array, focusWords: ReadonlySet<number>): (doc: number) => boolean {
    const candidateDocs = new Set(Array.from(candidates, candidate => this.quoteDoc[candidate]));
    const known = new Map<number, boolean>();
    const words = this.words;
    const vocabulary = this.vocabulary;
    return doc => {
      if (focusWords.size === 0 || candidateDocs.has(doc)) return true;
      let may = known.get(doc);
      if (may !== undefined) return may;
      may = false;
      const { first, count } = this.docQuotes.get(doc)!;
      for (let quote = first; quote < first + count && !may; quote++) {
        let contentWords = 0;
        for (let at = this.wordsAt[quote], end = at + this.wordCounts[quote]; at < end; at++) {
          if (vocabulary.isStopword(words[at])) continue;
          contentWords++;
          if (focusWords.has(words[at])) {
            may = true;
            break;
          }
        }
        if (contentWords === 0) may = true;
      }
      known.set(doc, may);
      return may;
    };
  }

  /**
   * Quotations sharing at least `MIN_SHARED_TRIGRAMS` of `quote`'s indexed trigrams (or all, when either has fewer);
   * with `skipResolved`, not those of resolved articles. Returns how many, leaving them in `candidates`.
   */
  private candidatesOf(quote: number, skipResolved: boolean): number {
    const keyCount = this.keyCounts[quote];
    if (keyCount === 0) return 0;
    const wanted = skipResolved ? QuoteState.Live : QuoteState.Resolved;
    if (this.sharedCounts.length < this.quoteIds) {
      this.sharedCounts = new Int32Array(this.quoteIds * 2);
      // A quotation is touched once at most.
      this.touched = new Int32Array(this.quoteIds * 2);
      this.candidates = new Int32Array(this.quoteIds * 2);
    }
    const counts = this.sharedCounts;
    const states = this.quoteStates;
    const index = this.index;
    const keyTotal = this.keysOf(quote);
    const keys = this.keyScratch;
    index.prefetch(keys, 0, keyTotal);
    if (this.keyHeads.length < keyTotal) this.keyHeads = new Int32Array(this.keyScratch.length);
    const heads = this.keyHeads;
    index.postingsOf(keys, keyTotal, this.postingLimitFor(keyTotal), heads);
    if (skipResolved) while (this.firstLive < this.quoteIds && states[this.firstLive] !== QuoteState.Live) this.firstLive++;
    const floor = skipResolved ? this.firstLive : 0;
    const touched = this.touched;
    let touchedCount = 0;
    let walked = 0;
    for (let k = 0; k < keyTotal; k++) {
      if (heads[k] !== -1) walked++;
      for (let p = heads[k]; p !== -1; p = index.next(p)) {
        const id = index.quoteAt(p);
        if (id < floor) break;
        if (states[id] < wanted || id === quote || counts[id]++ !== 0) continue;
        touched[touchedCount++] = id;
      }
    }
    // Fewer trigrams walked than needed only where `MAX_FALLBACK_POSTINGS` held the others back: the walked ones then suffice.
    const needed = Math.max(1, Math.min(MIN_SHARED_TRIGRAMS, keyCount, walked));
    const candidates = this.candidates;
    let found = 0;
    for (let k = 0; k < touchedCount; k++) {
      const id = touched[k];
      if (counts[id] >= Math.min(needed, this.fewKeys[id])) candidates[found++] = id;
      counts[id] = 0;
    }
    return found;
  }

  /**
   * How many quotations a trigram of the first `keyCount` in `keyScratch` may be held by and still be walked: `maxPostings`, unless
   * that leaves too few of them to find any candidate. A remark carried by many outlets has every
   * trigram over the limit; then its least common trigrams are walked all the same, those held by
   * up to `MAX_FALLBACK_POSTINGS` quotations.
   */
  private postingLimitFor(keyCount: number): number {
    const keys = this.keyScratch;
    const needed = Math.min(MIN_SHARED_TRIGRAMS, keyCount);
    let usable = 0;
    for (let k = 0; k < keyCount && usable < needed; k++) if (this.index.count(keys[k]) <= this.maxPostings) usable++;
    if (usable >= needed) return this.maxPostings;
    const leastCommon = Array.from(keys.subarray(0, keyCount), key => this.index.count(key)).sort((x, y) => x - y)[needed - 1];
    return Math.min(leastCommon, MAX_FALLBACK_POSTINGS);
  }

  /**
   * Compares with the shorter quotation first, ties broken by wording, so a pair always compares the
   * same way. Wire copy puts one wording in many articles: `memo` (cleared by each `resolve`) aligns
   * each pair of wordings once, keyed by their two fingerprints.
   */
  private compare(x: number, y: number): Comparison | null {
    const xFirst = this.wordCounts[x] < this.wordCounts[y] ||
      (this.wordCounts[x] === this.wordCounts[y] && this.quoteFingerprint[x] <= this.quoteFingerprint[y]);
    const first = xFirst ? x : y;
    const second = xFirst ? y : x;
    const firstKey = this.quoteFingerprint[first];
    const secondKey = this.quoteFingerprint[second];
    const known = this.memo.get(firstKey, secondKey);
    if (known !== ABSENT) return known === NO_MATCH ? null : this.comparisons[known];
    const comparison = compareQuotes(this.wordsOf(first), this.wordsOf(second), this.weight);
    this.memo.add(firstKey, secondKey, comparison ? this.comparisons.push(comparison) - 1 : NO_MATCH);
    return comparison;
  }

  /** A match of two quotations, the one of the lower article (or the earlier one in the same article) first. */
  private matchOf(x: number, y: number, comparison: Comparison): CrossSourceMatch {
    const xDoc = this.quoteDoc[x];
    const yDoc = this.quoteDoc[y];
    const xFirst = xDoc < yDoc || (xDoc === yDoc && this.quoteIndex[x] < this.quoteIndex[y]);
    const first = xFirst ? x : y;
    const second = xFirst ? y : x;
    return {
      a: { doc: this.quoteDoc[first], quote: this.quoteIndex[first] },
      b: { doc: this.quoteDoc[second], quote: this.quoteIndex[second] },
      kind: comparison.kind,
      score: comparison.score,
      sameArticle: xDoc === yDoc,
    };
  }

  /** Records a match under both of its articles. */
  private record(match: CrossSourceMatch): void {
    this.docMatches.get(match.a.doc)!.push(match);
    if (match.b.doc !== match.a.doc) this.docMatches.get(match.b.doc)!.push(match);
  }

  /** The weak matches of `whole` with the quotations of one paragraph of `piece`'s article. */
  private groupKey(whole: number, piece: number): string {
    const paragraph = this.quoteParagraph[piece];
    return `${whole}:${this.quoteDoc[piece]}:${paragraph >= 0 ? paragraph : `q${this.quoteIndex[piece]}`}`;
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

  /** Reads the words of `text` into the pool as quotation `id`'s; returns whether any stands in brackets. */
  private storeWords(id: number, text: string): boolean {
    // A word takes a character and a separator at least.
    this.ensurePoolCapacity((text.length + 1) >> 1);
    const from = this.wordsUsed;
    const cursor = this.cursor;
    let at = from;
    let anyBracketed = false;
    cursor.reset(text);
    while (cursor.next()) {
      this.words[at] = this.vocabulary.idOfRange(text, cursor.start, cursor.end);
      // Pool space is written once, so flags left at zero mean "not bracketed".
      if (cursor.bracketed) this.bracketed[at] = 1;
      anyBracketed ||= cursor.bracketed;
      at++;
    }
    this.wordsAt[id] = from;
    this.wordCounts[id] = at - from;
    this.wordsUsed = at;
    return anyBracketed;
  }

  /**
   * The distinct trigram keys of a quotation's own words (not those in brackets), in order of first
   * appearance, leaving out trigrams of function words only. Worked out again rather than kept (they
   * would take as much memory as the words), into `keyScratch`, valid until the next call; returns how many.
   */
  private keysOf(quote: number): number {
    const from = this.wordsAt[quote];
    const to = from + this.wordCounts[quote];
    const ownBracketed = (this.quoteFlags[quote] & QuoteFlag.Bracketed) !== 0;
    if (this.ownWords.length < to - from) this.ownWords = new Int32Array(2 * (to - from));
    const own = this.ownWords;
    let owned = 0;
    for (let at = from; at < to; at++) if (!ownBracketed || this.bracketed[at] === 0) own[owned++] = this.words[at];
    if (this.keyScratch.length < owned) this.keyScratch = new Int32Array(2 * owned);
    if (this.keySlots.length < 2 * owned) {
      let size = this.keySlots.length;
      while (size < 2 * owned) size *= 2;
      this.keySlots = new Int32Array(size);
      this.keySlotStamps = new Int32Array(size);
    }
    // Open addressing over the keys seen in this call: a slot counts when stamped with this call's stamp.
    const stamp = ++this.keyStamp;
    const mask = this.keySlots.length - 1;
    const v = this.vocabulary;
    let count = 0;
    for (let k = 0; k + 2 < owned; k++) {
      if (v.isStopword(own[k]) && v.isStopword(own[k + 1]) && v.isStopword(own[k + 2])) continue;
      const key = trigramKey(own[k], own[k + 1], own[k + 2]);
      let slot = spread(key) & mask;
      while (this.keySlotStamps[slot] === stamp && this.keySlots[slot] !== key) slot = (slot + 1) & mask;
      if (this.keySlotStamps[slot] === stamp) continue;
      this.keySlotStamps[slot] = stamp;
      this.keySlots[slot] = key;
      this.keyScratch[count++] = key;
    }
    return count;
  }

  /** The words of an indexed quotation, as views into the pools. */
  private wordsOf(quote: number): QuoteWords {
    const at = this.wordsAt[quote];
    const end = at + this.wordCounts[quote];
    return {
      ids: this.words.subarray(at, end),
      bracketed: this.quoteFlags[quote] & QuoteFlag.Bracketed ? this.bracketed.subarray(at, end) : null,
    };
  }

  /**
   * The distinct content words of quotations `first` to `first + count - 1`, one after the other in
   * `contentScratch`: those of `first + k` from `runs[k]` to `runs[k + 1]`.
   */
  private distinctContentRuns(first: number, count: number): Int32Array {
    if (this.contentRuns.length < count + 1) this.contentRuns = new Int32Array(2 * (count + 1));
    const runs = this.contentRuns;
    runs[0] = 0;
    for (let k = 0; k < count; k++) runs[k + 1] = this.distinctContentWords(first + k, runs[k]);
    return runs;
  }

  /**
   * Writes the content words of a quotation, each once, in order, into `contentScratch` from `at`;
   * returns where they end. A stamp per word id in scratch space tells those seen.
   */
  private distinctContentWords(quote: number, at: number): number {
    const vocabulary = this.vocabulary;
    const stamp = ++this.wordStamp;
    const from = this.wordsAt[quote];
    const to = from + this.wordCounts[quote];
    if (this.contentScratch.length < at + to - from) this.contentScratch = grown(this.contentScratch, 2 * (at + to - from));
    let end = at;
    for (let k = from; k < to; k++) {
      const id = this.words[k];
      if (vocabulary.isStopword(id)) continue;
      if (id >= this.wordStamps.length) this.wordStamps = grown(this.wordStamps, Math.max(id + 1, 2 * this.wordStamps.length));
      if (this.wordStamps[id] === stamp) continue;
      this.wordStamps[id] = stamp;
      this.contentScratch[end++] = id;
    }
    return end;
  }

  /**
   * Lists where each word stands in the first `count` runs of `contentScratch`: from
   * `firstHolder[word]` (where `holderStamps[word]` is the new `holderStamp`) on through `nextHolder`,
   * with the run of each place in `holderRun`. Counting the words a quotation shares with each run
   * then reads only the places of its own words, not every word of every run.
   */
  private listHolders(runs: Int32Array, count: number): void {
    if (this.holderStamps.length < this.vocabulary.size) {
      this.holderStamps = new Int32Array(2 * this.vocabulary.size);
      this.firstHolder = new Int32Array(2 * this.vocabulary.size);
    }
    if (this.nextHolder.length < runs[count]) {
      this.nextHolder = new Int32Array(2 * runs[count]);
      this.holderRun = new Int32Array(2 * runs[count]);
    }
    const stamp = ++this.holderStamp;
    for (let k = 0; k < count; k++) {
      for (let at = runs[k]; at < runs[k + 1]; at++) {
        const word = this.contentScratch[at];
        this.nextHolder[at] = this.holderStamps[word] === stamp ? this.firstHolder[word] : -1;
        this.firstHolder[word] = at;
        this.holderStamps[word] = stamp;
        this.holderRun[at] = k;
      }
    }
  }

  /**
   * Adds to `sharedWords[k]` the distinct content words of a quotation that run `k` of those listed by
   * `listHolders` has; returns how many distinct content words the quotation has.
   */
  private countSharedWords(quote: number): number {
    const vocabulary = this.vocabulary;
    const stamp = ++this.wordStamp;
    let distinct = 0;
    for (let k = this.wordsAt[quote], to = k + this.wordCounts[quote]; k < to; k++) {
      const id = this.words[k];
      if (vocabulary.isStopword(id)) continue;
      if (id >= this.wordStamps.length) this.wordStamps = grown(this.wordStamps, Math.max(id + 1, 2 * this.wordStamps.length));
      if (this.wordStamps[id] === stamp) continue;
      this.wordStamps[id] = stamp;
      distinct++;
      if (this.holderStamps[id] !== this.holderStamp) continue;
      for (let at = this.firstHolder[id]; at !== -1; at = this.nextHolder[at]) this.sharedWords[this.holderRun[at]]++;
    }
    return distinct;
  }

  private contentWordSet(quote: number): Set<number> {
    return new Set(this.contentScratch.subarray(0, this.distinctContentWords(quote, 0)));
  }

  private ensureQuoteCapacity(ids: number): void {
    if (ids <= this.quoteStates.length) return;
    const length = Math.max(ids, this.quoteStates.length * 2);
    this.quoteStates = grown(this.quoteStates, length);
    this.quoteFlags = grown(this.quoteFlags, length);
    this.fewKeys = grown(this.fewKeys, length);
    this.quoteDoc = grown(this.quoteDoc, length);
    this.quoteIndex = grown(this.quoteIndex, length);
    this.quoteParagraph = grown(this.quoteParagraph, length);
    this.quoteFingerprint = grown(this.quoteFingerprint, length);
    this.wordsAt = grown(this.wordsAt, length);
    this.wordCounts = grown(this.wordCounts, length);
    this.keyCounts = grown(this.keyCounts, length);
  }

  /** Room for `words` more words, growing by a quarter: the pool is a large part of the matcher, and spare room in it is lost. */
  private ensurePoolCapacity(words: number): void {
    if (this.wordsUsed + words <= this.words.length) return;
    const length = Math.max(this.wordsUsed + words, Math.ceil(this.words.length * 1.25));
    this.words = grown(this.words, length);
    this.bracketed = grown(this.bracketed, length);
  }

  /** Rebuilds the trigram index and the word pool from the live quotations once removed ones make up most of them. */
  private compact(): void {
    this.index = new NgramIndex(this.liveKeys);
    const words = new Int32Array(Math.max(1024, Math.ceil(this.liveWords * 1.25)));
    const bracketed = new Uint8Array(words.length);
    let wordsUsed = 0;
    for (let id = 0; id < this.quoteIds; id++) {
      if (this.quoteStates[id] === QuoteState.Removed) continue;
      if (!this.isSurplus(id)) for (let k = 0, keyCount = this.keysOf(id); k < keyCount; k++) this.index.add(this.keyScratch[k], id);
      const from = this.wordsAt[id];
      words.set(this.words.subarray(from, from + this.wordCounts[id]), wordsUsed);
      bracketed.set(this.bracketed.subarray(from, from + this.wordCounts[id]), wordsUsed);
      this.wordsAt[id] = wordsUsed;
      wordsUsed += this.wordCounts[id];
    }
    this.words = words;
    this.bracketed = bracketed;
    this.wordsUsed = wordsUsed;
  }
}

/**
 * How many live quotations carry each wording, by fingerprint (30 bits, never negative): open
 * addressing over two typed arrays, a third of the memory of a `Map` for the 100,000 wordings of a
 * large workspace.
 */
class WordingCounts {
  private fingerprints = new Int32Array(1024).fill(-1);
  private counts = new Int32Array(1024);
  /** Number of distinct wordings counted. */
  size = 0;

  /** Its arrays as they stand (shared, not copied), for `WordingCounts.restore` on another thread. */
  snapshot(): WordingCountsSnapshot {
    return { fingerprints: this.fingerprints, counts: this.counts, size: this.size };
  }

  static restore(snapshot: WordingCountsSnapshot): WordingCounts {
    const wordings = new WordingCounts();
    wordings.fingerprints = snapshot.fingerprints.slice();
    wordings.counts = snapshot.counts.slice();
    wordings.size = snapshot.size;
    return wordings;
  }

  /** Counts one more quotation with `fingerprint`; returns how many there were before. */
  add(fingerprint: number): number {
    if ((this.size + 1) * 4 > this.fingerprints.length * 3) this.grow();
    const slot = this.slotOf(fingerprint);
    if (this.fingerprints[slot] === -1) {
      this.fingerprints[slot] = fingerprint;
      this.size++;
    }
    return this.counts[slot]++;
  }

  /** Counts one quotation fewer with `fingerprint` (counted before); returns how many are left. */
  remove(fingerprint: number): number {
    let hole = this.slotOf(fingerprint);
    const left = --this.counts[hole];
    if (left > 0) return left;
    this.fingerprints[hole] = -1;
    this.size--;
    // Shift later entries of the probe run back into the hole, so that no lookup stops short at it.
    const mask = this.fingerprints.length - 1;
    for (let slot = (hole + 1) & mask; this.fingerprints[slot] !== -1; slot = (slot + 1) & mask) {
      if (((slot - this.home(this.fingerprints[slot])) & mask) < ((slot - hole) & mask)) continue;
      this.fingerprints[hole] = this.fingerprints[slot];
      this.counts[hole] = this.counts[slot];
      this.fingerprints[slot] = -1;
      this.counts[slot] = 0;
      hole = slot;
    }
    return 0;
  }

  private home(fingerprint: number): number {
    return spread(fingerprint) & (this.fingerprints.length - 1);
  }

  private slotOf(fingerprint: number): number {
    const mask = this.fingerprints.length - 1;
    let slot = this.home(fingerprint);
    while (this.fingerprints[slot] !== -1 && this.fingerprints[slot] !== fingerprint) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { fingerprints, counts } = this;
    this.fingerprints = new Int32Array(fingerprints.length * 2).fill(-1);
    this.counts = new Int32Array(fingerprints.length * 2);
    fingerprints.forEach((fingerprint, k) => {
      if (fingerprint === -1) return;
      const slot = this.slotOf(fingerprint);
      this.fingerprints[slot] = fingerprint;
      this.counts[slot] = counts[k];
    });
  }
}

/** A `WordingCounts` as plain data, which threads can pass to each other. */
export interface WordingCountsSnapshot {
  readonly fingerprints: Int32Array;
  readonly counts: Int32Array;
  readonly size: number;
}


const TITLE_WORD = /[\p{L}'’]+/gu;
const CAPITALISED = /^\p{Lu}/u;

/** Every word but function words capitalised, as in a title: `"Meet the Press"`, `"On the Record with Greta Van Susteren"`. */
function isTitleCase(text: string): boolean {
  // Most short quotations have no capital at all: a scan rules them out before the regular expressions.
  if (!mayHaveCapital(text)) return false;
  // No `?? []`: a plain array beside `match`'s results would make the call below see two kinds of array.
  const matched = text.match(TITLE_WORD);
  if (matched === null) return false;
  const words = matched.filter(word => !isStopword(normalizeWord(word)));
  return words.length > 0 && words.every(word => CAPITALISED.test(word));
}

/** False when `text` has no upper-case letter (outside the Basic Multilingual Plane, not classified here, it may). */
function mayHaveCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isUpperChar(code) || (code & 0xf800) === 0xd800) return true;
  }
  return false;
}

/** The fingerprint of the words `from` to `to` of the pool. */
function fingerprintOf(words: Int32Array, bracketed: Uint8Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let at = from; at < to; at++) {
    hash = fnv1a(hash, words[at]);
    if (bracketed[at]) hash = fnv1a(hash, 0x5bd1e995);
  }
  // 30 bits, never negative: `WordingCounts` marks an empty slot with -1.
  return hash & 0x3fffffff;
}

const NO_CANDIDATES = new Int32Array(0);
const anyDocument = () => true;

/** `SurplusCopies.first` when it is to be looked up, and when none was found. */
const FIRST_COPY_UNKNOWN = -1;
const NO_FIRST_COPY = -2;

/** `PairTable.get` of a pair not in the table. */
const ABSENT = -1;
/** `PairTable` value of a pair of wordings compared and found not to match. */
const NO_MATCH = -2;

/**
 * A map from pairs of 32-bit integers to non-negative integers (and `NO_MATCH`), reused from one
 * resolution to the next: open addressing over typed arrays, a slot taken when it carries the
 * current stamp, so `clear` costs nothing.
 */
class PairTable {
  private firsts = new Int32Array(SCRATCH);
  private seconds = new Int32Array(SCRATCH);
  private values = new Int32Array(SCRATCH);
  private stamps = new Int32Array(SCRATCH);
  private stamp = 1;
  private size = 0;

  clear(): void {
    this.stamp++;
    this.size = 0;
  }

  get(x: number, y: number): number {
    const slot = this.slotOf(x, y);
    return this.stamps[slot] === this.stamp ? this.values[slot] : ABSENT;
  }

  /** Sets the value of a pair not in the table yet; returns false (changing nothing) if it is there. */
  add(x: number, y: number, value: number): boolean {
    if ((this.size + 1) * 2 > this.stamps.length) this.grow();
    const slot = this.slotOf(x, y);
    if (this.stamps[slot] === this.stamp) return false;
    this.stamps[slot] = this.stamp;
    this.firsts[slot] = x;
    this.seconds[slot] = y;
    this.values[slot] = value;
    this.size++;
    return true;
  }

  private slotOf(x: number, y: number): number {
    const mask = this.stamps.length - 1;
    let slot = pairHome(x, y, mask);
    while (this.stamps[slot] === this.stamp && (this.firsts[slot] !== x || this.seconds[slot] !== y)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { firsts, seconds, values, stamps, stamp } = this;
    this.firsts = new Int32Array(2 * firsts.length);
    this.seconds = new Int32Array(2 * firsts.length);
    this.values = new Int32Array(2 * firsts.length);
    this.stamps = new Int32Array(2 * firsts.length);
    this.size = 0;
    for (let k = 0; k < stamps.length; k++) if (stamps[k] === stamp) this.add(firsts[k], seconds[k], values[k]);
  }
}
