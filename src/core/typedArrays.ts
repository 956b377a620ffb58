/** A copy of `array` with room for `length` elements (twice as many unless told). */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, length = 2 * array.length): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
