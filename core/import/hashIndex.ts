import type { HashLanes } from './hash';

const EMPTY = -1;

/**
 * A map from a 64-bit hash (two uint32 lanes) to a non-negative int32, in flat typed arrays.
 * Why not a `Map<string, number>`: a million-line import keeps one entry per row and per order,
 * and hex-string keys plus Map entries cost ~80 bytes each; this costs ~24 bytes (open
 * addressing, linear probing, kept at most half full). Equal 64-bit hashes are treated as
 * equal keys — for FNV-style lanes over distinct rows that is a ~1e-8 chance per million rows.
 */
export class HashIndex {
  private lo: Int32Array;
  private hi: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ b) & this.mask;
    const lo = a | 0;
    const hi = b | 0;
    while (this.vals[i] !== EMPTY && (this.lo[i] !== lo || this.hi[i] !== hi)) i = (i + 1) & this.mask;
    return i;
  }

  get(h: HashLanes): number | undefined {
    const v = this.vals[this.slot(h.a, h.b)];
    return v === EMPTY ? undefined : v;
  }

  set(h: HashLanes, value: number): void {
    if (value < 0) throw new RangeError('HashIndex values are non-negative');
    const i = this.slot(h.a, h.b);
    if (this.vals[i] === EMPTY) {
      this.size++;
      this.lo[i] = h.a | 0;
      this.hi[i] = h.b | 0;
    }
    this.vals[i] = value;
    if (this.size * 2 > this.vals.length) this.grow();
  }

  private grow(): void {
    const { lo, hi, vals } = this;
    const cap = vals.length * 2;
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let j = 0; j < vals.length; j++) {
      if (vals[j] === EMPTY) continue;
      const i = this.slot(lo[j] >>> 0, hi[j] >>> 0);
      this.lo[i] = lo[j];
      this.hi[i] = hi[j];
      this.vals[i] = vals[j];
    }
  }
}
