/**
 * Plain data shared by every part of the analysis. Offsets are UTF-16 code units (JavaScript string
 * indices) into an article's decoded text with any BOM removed.
 */

/** A stretch of an article's text. `text` is always `articleText.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * - `direct`: the quotation is a whole utterance, set off from the narrative;
 * - `partial`: a few quoted words inside the writer's own sentence (`shouldn't be "dismayed"`);
 * - `headline`: a quotation in the headline line;
 * - `other`: quoted words nobody is said to have spoken (scare quotes, titles, nicknames).
 */
export type QuoteKind = 'direct' | 'partial' | 'headline' | 'other';

/** How the speaker of a quotation was found. */
export type EvidenceKind =
  | 'explicit'      // a name next to a cue verb: `Kerry said`, `said John Kerry`, `according to Kerry`
  | 'pronoun'       // `he said`, resolved to the person it stands for
  | 'description'   // `the official said`, `the UK secretary said`
  | 'continuation'  // a paragraph that only quotes, or a quotation that runs on, inherits its speaker
  | 'headline'      // `Kerry: '...'`
  | 'manual'        // set by the user; wins over everything else
  | 'none';         // no speaker found

export interface Quote {
  /** Offset of the opening quotation mark (or of the text, when the mark is missing). */
  readonly start: number;
  /** Offset just after the closing quotation mark (or the end of the paragraph when unclosed). */
  readonly end: number;
  /** The quoted words, without their quotation marks. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** Canonical name of the speaker (`John Kerry`), an unnamed description (`the official`), or null. */
  readonly speaker: string | null;
  /** The words in this article that attribute the quotation: a name, a pronoun or a description. */
  readonly speakerMention: Span | null;
  /** The cue: `said`, `told`, `according to`, `:` in a headline... */
  readonly cue: Span | null;
  /** 0..1: how sure the attribution is. */
  readonly confidence: number;
  readonly evidence: EvidenceKind;
  /** Index into `ArticleAnalysis.paragraphs`. */
  readonly paragraph: number;
}

/** One person as an article (or the workspace) names them. */
export interface SpeakerRecord {
  /** The fullest name seen, without titles: `John Kerry`. */
  readonly name: string;
  /** Other forms seen: `Kerry`. */
  readonly aliases: readonly string[];
  /** Titles and roles seen before the name: `Secretary of State`. */
  readonly titles: readonly string[];
}

export interface ArticleStructure {
  /** The first non-empty line, when the article has one that reads as a headline. */
  readonly headline: Span | null;
  /** Body paragraphs in order (the headline is paragraph 0 when present). */
  readonly paragraphs: readonly Span[];
  /** Web leftovers: `Accessibility links`, `Related Content`, media timestamps, duplicated ledes. */
  readonly boilerplate: readonly Span[];
}

export interface ArticleAnalysis extends ArticleStructure {
  readonly quotes: readonly Quote[];
  readonly speakers: readonly SpeakerRecord[];
}

/** A minimal cancellation token; `vscode.CancellationToken` satisfies it. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** Settings that shape the analysis. */
export interface AnalysisOptions {
  /** Cue verbs beyond the built-in list, in any form (`quip`, `quipped`); multi-word ones allowed. */
  readonly extraCueVerbs?: readonly string[];
  /**
   * Names of people found by another tool (an NLP library), as spans of the article; they join the
   * names the analysis finds by itself. Used to measure such tools against the rules alone.
   */
  readonly people?: readonly Span[];
}
