/**
 * A small seeded PRNG (mulberry32) and a seeded sample of indices. Clustering must give the same
 * groups for the same seed, so nothing here touches Math.random.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` distinct indices of [0, n), ascending, chosen uniformly for `seed` (partial
 * Fisher–Yates). With n ≤ size every index is returned, so small shops are never sampled.
 */
export function sampleIndices(n: number, size: number, seed: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const rnd = seededRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rnd() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return Array.from(idx.subarray(0, size)).sort((a, b) => a - b);
}
