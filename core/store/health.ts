import { type FieldCounts, healthUrl, mergeFieldCounts } from '../sites/fieldHealth';
import type { BuyerTiersDB, SelectorHealthRow } from './db';

/*
 * Selector health: one row per site, summed from what its pages report. Every report is a
 * read-modify-write of that row, so each runs in its own transaction on `selectorHealth`: two
 * tabs of the same site reporting at once must not lose each other's counts.
 */

/** Reads `site`'s row (empty when new), lets `change` update it, writes it back, in one transaction. */
async function updateSiteRow<T>(
  db: BuyerTiersDB,
  site: string,
  change: (row: SelectorHealthRow) => T,
): Promise<T> {
  return db.transaction('rw', db.selectorHealth, async () => {
    const row = (await db.selectorHealth.get(site)) ?? { site, misses: 0, hits: 0 };
    const result = change(row);
    await db.selectorHealth.put(row);
    return result;
  });
}

/**
 * Counts one page's adapter check for `site`: a hit, or a miss with when and where (origin and
 * path only, `healthUrl`: a query string can hold buyer names). Returns the site's misses so far.
 */
export async function recordSelectorCheck(
  db: BuyerTiersDB,
  site: string,
  found: boolean,
  url: string,
  now: number,
): Promise<{ misses: number }> {
  return updateSiteRow(db, site, (row) => {
    if (found) row.hits++;
    else {
      row.misses++;
      row.lastMissAt = now;
      row.lastMissUrl = healthUrl(url);
    }
    return { misses: row.misses };
  });
}

/**
 * Adds one page's per-field strategy counts to the site's record (`mergeFieldCounts` keeps it
 * bounded). Returns how many fields the record now holds.
 */
export async function recordFieldStrategies(
  db: BuyerTiersDB,
  site: string,
  fields: FieldCounts,
  now: number,
): Promise<{ fields: number }> {
  return updateSiteRow(db, site, (row) => {
    const merged = mergeFieldCounts(row.fields, fields);
    row.fields = merged;
    row.fieldsAt = now;
    return { fields: Object.keys(merged).length };
  });
}

/** Every site's health record, by site, for the dashboard's Sites view. */
export async function listSelectorHealth(db: BuyerTiersDB): Promise<SelectorHealthRow[]> {
  return db.selectorHealth.orderBy('site').toArray();
}

/**
 * Forgets one site's health counts (hits, misses, field strategies): after a site was fixed (an
 * update, an imported rule) the seller starts counting afresh instead of reading old drift.
 */
export async function clearSelectorHealth(db: BuyerTiersDB, site: string): Promise<boolean> {
  return db.transaction('rw', db.selectorHealth, async () => {
    const had = (await db.selectorHealth.get(site)) !== undefined;
    await db.selectorHealth.delete(site);
    return had;
  });
}
