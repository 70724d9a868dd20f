import type { BadgeDto } from '@/core/messaging';

/** Keys per getBadges message; the protocol allows 2000. */
export const BADGE_BATCH = 2000;

export type FetchBadges = (keys: string[]) => Promise<Record<string, BadgeDto>>;

/**
 * The tab's badge cache. List badges fill it with one batched request per screenful, so when
 * the seller opens a conversation the chat badge can show at once from the cache while the
 * background records the visit. `null` means "asked, not in Buyer Tiers".
 */
export class BadgeStore {
  private readonly cache = new Map<string, BadgeDto | null>();
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(private readonly fetchBadges: FetchBadges) {}

  get(key: string): BadgeDto | null | undefined {
    return this.cache.get(key);
  }

  set(badge: BadgeDto): void {
    this.cache.set(badge.key, badge);
  }

  /** Loads the keys not cached yet (all of them with `force`), in as few messages as possible. */
  async load(keys: readonly string[], force = false): Promise<void> {
    const unique = [...new Set(keys)];
    const waits: Promise<void>[] = [];
    const need: string[] = [];
    for (const k of unique) {
      const pending = this.inflight.get(k);
      if (pending && !force) waits.push(pending);
      else if (force || !this.cache.has(k)) need.push(k);
    }
    for (let i = 0; i < need.length; i += BADGE_BATCH) {
      const chunk = need.slice(i, i + BADGE_BATCH);
      const p = this.fetchBadges(chunk).then(
        (got) => {
          for (const k of chunk) this.cache.set(k, got[k] ?? null);
        },
        () => {
          // Leave them uncached: the next scan or change signal asks again.
        },
      );
      const tracked = p.finally(() => {
        for (const k of chunk) if (this.inflight.get(k) === tracked) this.inflight.delete(k);
      });
      for (const k of chunk) this.inflight.set(k, tracked);
      waits.push(tracked);
    }
    await Promise.all(waits);
  }

  /** Forgets some keys (or all): the next `load` asks the background again. */
  invalidate(keys?: readonly string[]): void {
    if (!keys || keys.length === 0) this.cache.clear();
    else for (const k of keys) this.cache.delete(k);
  }
}
