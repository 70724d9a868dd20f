/**
 * Adjusted Rand index (Hubert & Arabie): 1 for identical partitions (up to relabelling), about 0
 * for random ones. Computed from the contingency table with pair counts C(n, 2).
 */
const pairs = (n: number) => (n * (n - 1)) / 2;

export function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('partitions must label the same points');
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  // Both partitions trivial (one cluster each, or all singletons): identical by definition.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
