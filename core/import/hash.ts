/**
 * A small synchronous, platform-independent string hash (two FNV-1a 32-bit lanes with different
 * seeds, 64 bits in hex). Used for derived order ids and duplicate-row detection, where the
 * same input must give the same id in every browser and in Node, and WebCrypto's async digest
 * would force the whole row pipeline to be async. Not a security primitive.
 */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** `hash64` of the cells joined by U+0001, without building the joined string (hot path). */
export function hashCells(cells: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let k = 0; k < cells.length; k++) {
    const s = cells[k];
    if (k > 0) {
      h1 = Math.imul(h1 ^ 1, 0x01000193);
      h2 = Math.imul(h2 ^ 1, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
