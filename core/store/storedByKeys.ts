import type { Table } from 'dexie';

/**
 * How many stored keys a range probe may list per key asked for before `storedByKeys` gives up
 * on it: past that, the range is mostly other rows and reading the keys one by one is cheaper.
 */
const PROBE_SPREAD = 4;

/**
 * The stored rows among `keys`, by key (absent keys are missing from the map). IndexedDB answers
 * `bulkGet` with one request per key, and an import batch's keys are nearly always new (a fresh
 * file) or nearly all there (the same file again). So the keys stored between the batch's
 * smallest and largest key are listed first, in one keys-only request; only keys that are
 * really stored are then read. When that range holds many other rows (keys of other files
 * interleave), the listing is cut short and every key is read as before. Same answer either way.
 */
export async function storedByKeys<T>(
  table: Table<T, string>,
  keys: readonly string[],
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (keys.length === 0) return out;
  let lo = keys[0];
  let hi = keys[0];
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const limit = keys.length * PROBE_SPREAD;
  const listed = (await table
    .where(':id')
    .between(lo, hi, true, true)
    .limit(limit + 1)
    .primaryKeys()) as string[];
  let wanted: readonly string[] = keys;
  if (listed.length <= limit) {
    const asked = new Set(keys);
    wanted = listed.filter((k) => asked.has(k));
  }
  if (wanted.length === 0) return out;
  const rows = await table.bulkGet([...wanted]);
  rows.forEach((row, i) => {
    if (row !== undefined) out.set(wanted[i], row);
  });
  return out;
}
