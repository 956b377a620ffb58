/** The small integer hashes that the word index, the matcher and text digests share. */

/** 32-bit FNV-1a: the hash to start from, and one step over a value (a code unit or a word id). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const fnv1a = (hash: number, value: number): number => Math.imul(hash ^ value, 0x01000193);

/** Fibonacci hashing: an integer key spread over all 32 bits (unsigned), for a table slot. */
export const spread = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 0;

/** The first slot to probe for the pair `x y` in a table of a power of two slots (`mask` is its size less one). */
export const pairHome = (x: number, y: number, mask: number): number => ((Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 1, 0x85ebca77)) >>> 0) & mask;
