/**
 * Keeping annotation positions current while the article is edited in the editor, from the edit
 * events themselves (no searching). Text typed inside an annotated span extends it; text typed at
 * either edge stays outside; a span whose text is deleted entirely becomes an orphan (its
 * selectors still hold the old words, so re-anchoring can bring it back, after an undo say).
 */
import { describeSpan } from './anchoring';
import { Annotation } from './model';

/** One replacement, in the shape of `vscode.TextDocumentContentChangeEvent`. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * Maps a span through changes applied one after another, in the order given (VS Code lists the
 * changes of one event so that applying them in order is correct). Returns null when the span's
 * text was deleted entirely.
 */
export function rebaseSpan(start: number, end: number, changes: readonly TextChange[]): { start: number; end: number } | null {
  let s = start;
  let e = end;
  for (const change of changes) {
    const from = change.rangeOffset;
    const to = from + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    if (to <= s) {
      // Entirely before the span (an insertion exactly at its start stays outside).
      s += delta;
      e += delta;
    } else if (from >= e) {
      // Entirely after the span (an insertion exactly at its end stays outside).
      continue;
    } else if (from <= s && to >= e) {
      // The whole span was replaced or deleted.
      return null;
    } else if (from >= s && to <= e) {
      // Inside the span.
      e += delta;
    } else if (from < s) {
      // Overlaps the start: the span now begins after the inserted text.
      s = from + change.text.length;
      e += delta;
    } else {
      // Overlaps the end: the span now ends where the replaced text began.
      e = from;
    }
  }
  return e > s ? { start: s, end: e } : null;
}

/**
 * The annotations with positions moved through `changes`. Annotations whose text was deleted are
 * marked orphaned and keep their last position and selectors. Orphans are left as they are.
 * Given the text after the changes, moved annotations also get fresh quote selectors (an edit
 * inside a span changes its words).
 */
export function rebaseOffsets(annotations: readonly Annotation[], changes: readonly TextChange[], textAfter?: string): Annotation[] {
  if (changes.length === 0) return [...annotations];
  return annotations.map(annotation => {
    if (annotation.orphaned) return annotation;
    const { start, end } = annotation.target.position;
    const moved = rebaseSpan(start, end, changes);
    if (!moved) return { ...annotation, orphaned: true };
    if (moved.start === start && moved.end === end) return annotation;
    const target = textAfter === undefined
      ? { ...annotation.target, position: moved }
      : { source: annotation.target.source, ...describeSpan(textAfter, moved.start, moved.end) };
    return { ...annotation, target };
  });
}
