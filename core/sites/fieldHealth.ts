import { NO_MATCH, OLDER_LAYOUT } from './strategy';

/**
 * Per-field strategy counts as pages report them and the background keeps them, summed over
 * visits: field → strategy id → hits, strategies in the adapter's order, NO_MATCH last.
 */
export type FieldCounts = Record<string, Record<string, number>>;

/** Bounds on what one site's record may hold, so a page cannot grow it without end. */
export const FIELD_LIMITS = { fields: 40, strategiesPerField: 16, idLength: 300 } as const;

/** Names come from pages: one that would set an object's prototype is never used as a key. */
function usableName(name: string): boolean {
  return name !== '__proto__';
}

/**
 * Adds `incoming` to `kept`. Strategy order is the kept record's, new strategies join at the end
 * (NO_MATCH stays last); counts saturate rather than overflow; past the limits new names are
 * dropped, never old ones.
 */
export function mergeFieldCounts(kept: FieldCounts | undefined, incoming: FieldCounts): FieldCounts {
  const out: FieldCounts = {};
  for (const [field, byId] of Object.entries(kept ?? {})) if (usableName(field)) out[field] = { ...byId };
  for (const [field, byId] of Object.entries(incoming)) {
    if (!usableName(field)) continue;
    const known = Object.hasOwn(out, field);
    if (!known && Object.keys(out).length >= FIELD_LIMITS.fields) continue;
    const merged = known ? out[field] : {};
    const none = Object.hasOwn(merged, NO_MATCH) ? merged[NO_MATCH] : undefined;
    delete merged[NO_MATCH];
    let total = none ?? 0;
    for (const [id, hits] of Object.entries(byId)) {
      if (id === NO_MATCH) {
        total += hits;
        continue;
      }
      if (!usableName(id)) continue;
      const had = Object.hasOwn(merged, id);
      if (!had && Object.keys(merged).length >= FIELD_LIMITS.strategiesPerField) continue;
      merged[id] = Math.min(Number.MAX_SAFE_INTEGER, (had ? merged[id] : 0) + hits);
    }
    if (total > 0 || none !== undefined) merged[NO_MATCH] = Math.min(Number.MAX_SAFE_INTEGER, total);
    out[field] = merged;
  }
  return out;
}

/**
 * How a field is being read:
 * - `first`: strategies for the site's current layout supplied every value found;
 * - `fallback`: a strategy kept for an older layout supplied some values (the site is drifting
 *   away from the markup the current strategies expect; worth a look before it breaks);
 * - `missing`: it was looked for and never found (broken, or an optional field these pages
 *   never showed: a WhatsApp contact without a phone, an Amazon row without a name);
 * - `unread`: nothing recorded yet.
 * Reads that found nothing beside found ones are counted (`none`) but do not change the state:
 * optional fields are absent from some rows by design.
 */
export type FieldState = 'first' | 'fallback' | 'missing' | 'unread';

export interface FieldReport {
  field: string;
  state: FieldState;
  /** Values found by current-layout strategies, by older-layout ones, and reads that found nothing. */
  first: number;
  fallback: number;
  none: number;
  /** The strategy that supplied most values, when any did. */
  mostUsed?: string;
  /** Every strategy that supplied a value, in the adapter's order: where drift shows first. */
  used: Array<{ id: string; hits: number }>;
}

export function fieldReports(counts: FieldCounts | undefined): FieldReport[] {
  return Object.entries(counts ?? {}).map(([field, byId]) => {
    const ids = Object.keys(byId).filter((id) => id !== NO_MATCH);
    const older = (id: string) => id.startsWith(OLDER_LAYOUT);
    const sum = (list: string[]) => list.reduce((total, id) => total + byId[id], 0);
    const first = sum(ids.filter((id) => !older(id)));
    const fallback = sum(ids.filter(older));
    const used = ids.filter((id) => byId[id] > 0).map((id) => ({ id, hits: byId[id] }));
    const none = byId[NO_MATCH] ?? 0;
    const best = ids.reduce<string | undefined>(
      (top, id) => (byId[id] > 0 && (top === undefined || byId[id] > byId[top]) ? id : top),
      undefined,
    );
    const state: FieldState =
      fallback > 0 ? 'fallback' : first > 0 ? 'first' : none > 0 ? 'missing' : 'unread';
    return { field, state, first, fallback, none, used, ...(best ? { mostUsed: best } : {}) };
  });
}

/** The page address a health record keeps: origin and path only (queries can hold names). */
export function healthUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 500);
  } catch {
    return '';
  }
}
