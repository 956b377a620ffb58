/**
 * The annotation model: what a reader adds to an article by hand. Plain data; the W3C Web
 * Annotation JSON-LD form lives in `jsonld.ts`. Offsets are UTF-16 code units into the article's
 * decoded text with any BOM removed, as everywhere in the core.
 */

/** The sidecar's file name, one per folder of articles. */
export const SIDECAR_FILE_NAME = 'news-annotations.jsonld';

/** The sidecar format this code writes, and the newest it reads. */
export const FORMAT_VERSION = 1;

/** Characters of context kept on each side of an annotated span. */
export const CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector: the annotated words and their surroundings. */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C TextPositionSelector: where the words were last seen. */
export interface TextPosition {
  readonly start: number;
  readonly end: number;
}

export interface AnnotationTarget {
  /** The article's path relative to the sidecar's folder, with forward slashes. */
  readonly source: string;
  readonly quote: TextQuote;
  readonly position: TextPosition;
}

/** What the annotation says about its target. */
export type AnnotationBody =
  /** The quotation at the target was said by `speaker` (a correction). */
  | { readonly kind: 'speaker'; readonly speaker: string }
  /** The target is a quotation the analysis missed or bounded wrongly; optionally who said it. */
  | { readonly kind: 'quotation'; readonly speaker?: string }
  /** The quotation the analysis found at the target is not one (scare quotes, a title...). */
  | { readonly kind: 'notQuotation' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'tag'; readonly tag: string };

export type AnnotationKind = AnnotationBody['kind'];

export interface Annotation {
  /** `urn:uuid:...` */
  readonly id: string;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
  readonly creator?: string;
  readonly body: AnnotationBody;
  readonly target: AnnotationTarget;
  /**
   * True when the target could not be found in the article's current text. Orphans keep their
   * selectors, stay in the sidecar and are tried again whenever the article changes.
   */
  readonly orphaned?: boolean;
  /** Properties written by other tools that this model does not know; written back untouched. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Workspace-level operations on speaker names, applied in order to every name the analysis (or a
 * correction) gives, in the folder whose sidecar holds them.
 * - `rename`: `from` is now called `to`.
 * - `merge`: `from` is the same person as `into`; its quotations and aliases go to `into`.
 * - `split`: quotations attributed to `from` through the words `alias` (`Kerry`) belong to a
 *   speaker of their own, named `alias`, and `from` no longer lists it as an alias.
 */
export type SpeakerOperation =
  | { readonly op: 'rename'; readonly from: string; readonly to: string; readonly created: string }
  | { readonly op: 'merge'; readonly from: string; readonly into: string; readonly created: string }
  | { readonly op: 'split'; readonly from: string; readonly alias: string; readonly created: string };

/** Everything one sidecar holds. */
export interface SidecarData {
  readonly annotations: readonly Annotation[];
  readonly speakerOperations: readonly SpeakerOperation[];
  /** Collection-level properties written by other tools; written back untouched. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export const EMPTY_SIDECAR: SidecarData = { annotations: [], speakerOperations: [] };

// `crypto` is a global in Node >= 19 and in browsers and web workers alike; `randomUUID` only in
// secure contexts, `getRandomValues` everywhere.
declare const crypto: { randomUUID?(): string; getRandomValues(array: Uint8Array): Uint8Array };

/** `urn:uuid:` and a random (version 4) UUID. */
export function newAnnotationId(): string {
  if (typeof crypto.randomUUID === 'function') return `urn:uuid:${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Builds a new annotation on `target`, stamped now. */
export function createAnnotation(
  target: AnnotationTarget,
  body: AnnotationBody,
  options: { creator?: string; now?: string; id?: string } = {},
): Annotation {
  const now = options.now ?? nowIso();
  return {
    id: options.id ?? newAnnotationId(),
    created: now,
    modified: now,
    ...(options.creator ? { creator: options.creator } : {}),
    body,
    target,
  };
}

/** A copy with a new body, stamped as modified now. */
export function withBody(annotation: Annotation, body: AnnotationBody, now: string = nowIso()): Annotation {
  return { ...annotation, body, modified: now };
}

/** Orders annotations as the sidecar stores them: by source, then start, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return compareStrings(a.target.source, b.target.source)
    || a.target.position.start - b.target.position.start
    || compareStrings(a.id, b.id);
}

/** Code-unit order: the same on every machine, whatever the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Annotations whose (anchored) target contains `offset`; orphans never do. */
export function annotationsAt(annotations: readonly Annotation[], offset: number): Annotation[] {
  return annotations.filter(a => !a.orphaned && a.target.position.start <= offset && offset <= a.target.position.end);
}

/** A short human description, for lists of annotations and orphans. */
export function describeAnnotation(annotation: Annotation): string {
  const body = annotation.body;
  const words = oneLine(annotation.target.quote.exact, 60);
  switch (body.kind) {
    case 'speaker': return `Speaker: ${body.speaker} — ${words}`;
    case 'quotation': return `Quotation${body.speaker ? ` by ${body.speaker}` : ''} — ${words}`;
    case 'notQuotation': return `Not a quotation — ${words}`;
    case 'note': return `Note: ${oneLine(body.text, 60)} — ${words}`;
    case 'tag': return `Tag: ${body.tag} — ${words}`;
  }
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
