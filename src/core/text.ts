/** Decoding article bytes. `TextDecoder` is a global in Node and in browsers alike. */

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly hadBom: boolean }
  | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes an article file as UTF-8, dropping a BOM so that offsets count from the first real
 * character. Binary files and other encodings are refused with a reason a user can act on,
 * never half-decoded.
 */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) {
    return { ok: false, reason: 'it looks like a binary file (it contains NUL bytes), not a plain-text article' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), hadBom };
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8; save it as UTF-8 to analyse it' };
  }
}

/** Removes a leading BOM from text that was already decoded (as VS Code's documents are). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A copy of `text` that keeps nothing else alive. V8 makes a slice of 13 characters or more a view
 * into the string it was cut from, which then stays in memory as long as the slice: a word or a
 * name kept from an article would keep the whole article.
 */
export function detached(text: string): string {
  // Concatenating, then slicing, flattens into a new string of its own.
  return (' ' + text).slice(1);
}
