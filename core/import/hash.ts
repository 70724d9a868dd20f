/**
 * A small synchronous, platform-independent string hash (two FNV-1a 32-bit lanes with different
 * seeds, 64 bits). Used for derived order ids and duplicate-row detection, where the same input
 * must give the same id in every browser and in Node, and WebCrypto's async digest would force
 * the whole row pipeline to be async. Not a security primitive.
 *
 * The `*Into` forms write the two lanes into a caller-owned object, so the importer's hot path
 * can key its compact indexes by numbers without building a hex string per row.
 */
export interface HashLanes {
  a: number;
  b: number;
}

const SEED_A = 0x811c9dc5;
const SEED_B = 0x01000193 ^ 0x5bd1e995;

function finish(h1: number, h2: number, out: HashLanes): HashLanes {
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  out.a = h1 >>> 0;
  out.b = h2 >>> 0;
  return out;
}

export function hashStringInto(s: string, out: HashLanes): HashLanes {
  let h1 = SEED_A;
  let h2 = SEED_B;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return finish(h1, h2, out);
}

/** Same as hashing the cells joined by U+0001, without building the joined string (hot path). */
export function hashCellsInto(cells: readonly string[], out: HashLanes): HashLanes {
  let h1 = SEED_A;
  let h2 = SEED_B;
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
  return finish(h1, h2, out);
}

export function lanesHex(h: HashLanes): string {
  return h.a.toString(16).padStart(8, '0') + h.b.toString(16).padStart(8, '0');
}

/** 64-bit hash of a string as 16 hex digits. */
export function hash64(s: string): string {
  return lanesHex(hashStringInto(s, { a: 0, b: 0 }));
}

/** `hash64` of the cells joined by U+0001. */
export function hashCells(cells: readonly string[]): string {
  return lanesHex(hashCellsInto(cells, { a: 0, b: 0 }));
}
