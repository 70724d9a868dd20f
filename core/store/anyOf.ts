import type { Table } from 'dexie';

/**
 * Rows whose `index` equals any of `values`, as parallel equality queries. Dexie's `anyOf`
 * walks one cursor with jumps, which some IndexedDB implementations (fake-indexeddb in tests)
 * run in quadratic time; per-value queries are fast everywhere and return the same rows.
 */
export async function rowsWhereAnyOf<T, K>(
  table: Table<T, K>,
  index: string,
  values: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(values)];
  const parts = await Promise.all(unique.map((v) => table.where(index).equals(v).toArray()));
  return parts.flat();
}
