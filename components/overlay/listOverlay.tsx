import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/core/messaging';
import { buyerKeyOf, orderKeyOf } from '@/core/model/identity';
import type { FoundBuyer, SiteAdapter } from '@/core/sites/types';
import { MiniBadge } from './Badge';
import type { BadgeStore } from './badgeStore';
import type { OverlayTranslate } from './i18n';
import { type Mounted, planListPass } from './listBatch';
import { createShadowHost, isBeside, place, placementOf } from './shadowHost';

export interface ListOverlay {
  /** Badges new rows; resolves once this pass's badges are mounted. */
  scan(): Promise<void>;
  /** Re-renders the badges of these buyers (all when empty) from the store. */
  rerender(keys: readonly string[]): void;
  mountedKeys(): string[];
}

interface Row extends Mounted {
  host: HTMLElement;
  container: HTMLElement;
  name: string;
}

/**
 * Mini badges beside every buyer name in conversation and order lists. Each pass collects the
 * anchors that need a badge, fetches all their badges in ONE getBadges message, then mounts one
 * small shadow host per row. Rows added later (infinite scroll) are picked up by the next pass.
 */
export function startListOverlay(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  store: BadgeStore,
  t: OverlayTranslate,
  opts: { skip: (anchor: Element) => boolean; onOpen: (key: string) => void },
): ListOverlay {
  const rows = new Map<Element, Row>();
  /*
   * Rows that show an order but no buyer (Amazon hides some names): order key → the buyer's key
   * once the background knows the order, null while it does not (asked again after a change).
   */
  const orderBuyers = new Map<string, string | null>();

  /** Named rows as they are; order-only rows as the buyer of their order, when known. */
  const resolveRows = async (found: readonly FoundBuyer[]) => {
    const keyOf = new Map<FoundBuyer, string>();
    const orderKey = (f: FoundBuyer) => orderKeyOf(adapter.platform, f.orderId ?? '');
    const orderOnly = found.filter((f) => !f.buyerId && f.orderId);
    const ask = [...new Set(orderOnly.map(orderKey).filter((k) => !orderBuyers.has(k)))];
    if (ask.length > 0) {
      try {
        const got = await request('getBadges', { buyerKeys: [], orderKeys: ask });
        for (const k of ask) {
          const badge = got[k];
          if (badge) store.set(badge);
          orderBuyers.set(k, badge?.key ?? null);
        }
      } catch (e) {
        console.warn('[Buyer Tiers] order badges:', e);
      }
    }
    const usable: FoundBuyer[] = [];
    for (const f of found) {
      if (f.buyerId) {
        keyOf.set(f, buyerKeyOf(adapter.platform, f.buyerId));
        usable.push(f);
        continue;
      }
      const key = f.orderId ? orderBuyers.get(orderKey(f)) : null;
      if (!key) continue;
      const named = { ...f, name: store.get(key)?.name ?? f.orderId ?? '' };
      keyOf.set(named, key);
      usable.push(named);
    }
    return { usable, keyOf: (f: FoundBuyer) => keyOf.get(f) ?? buyerKeyOf(adapter.platform, f.buyerId) };
  };

  const draw = (row: Row) => {
    const badge = store.get(row.key) ?? undefined;
    render(
      <MiniBadge
        buyerKey={row.key}
        name={row.name}
        badge={badge}
        t={t}
        onOpen={() => opts.onOpen(row.key)}
      />,
      row.container,
    );
  };

  const scan = async (): Promise<void> => {
    if (!adapter.readListBuyers) return;
    for (const [anchor, row] of rows) {
      if (!anchor.isConnected) {
        render(null, row.container);
        row.host.remove();
        rows.delete(anchor);
      }
    }
    const { usable, keyOf } = await resolveRows(adapter.readListBuyers(document));
    if (ctx.isInvalid) return;
    const plan = planListPass(usable, keyOf, rows, isBeside, opts.skip);
    if (plan.toMount.length === 0) return;
    const mountAll = () => {
      if (ctx.isInvalid) return;
      const todo = plan.toMount.filter(({ key, found: f }) => {
        if (!f.anchor.isConnected) return false;
        const old = rows.get(f.anchor);
        return !(old && old.key === key && isBeside(f.anchor, old.host));
      });
      // Read every placement before the first insertion: one style recalculation, not 200.
      const where = todo.map(({ found: f }) => placementOf(f.anchor));
      todo.forEach(({ key, found: f }, i) => {
        const old = rows.get(f.anchor);
        if (old) {
          render(null, old.container);
          old.host.remove();
        }
        const { host, container } = createShadowHost('buyer-tiers-mini', 'mini');
        place(f.anchor, host, where[i]);
        const row: Row = { key, host, container, name: f.name };
        rows.set(f.anchor, row);
        draw(row);
      });
    };
    const missing = plan.keysToFetch.filter((k) => store.get(k) === undefined);
    // Rows found while a batch is in flight wait for it, then mount with their data.
    if (missing.length > 0) await store.load(missing);
    mountAll();
  };

  ctx.onInvalidated(() => {
    for (const row of rows.values()) {
      render(null, row.container);
      row.host.remove();
    }
    rows.clear();
  });

  return {
    scan,
    rerender(keys) {
      const wanted = keys.length > 0 ? new Set(keys) : undefined;
      for (const row of rows.values()) if (!wanted || wanted.has(row.key)) draw(row);
      // Buyers changed (a capture, an import): orders unknown so far may be known now.
      let unknown = false;
      for (const [k, v] of orderBuyers)
        if (v === null) {
          orderBuyers.delete(k);
          unknown = true;
        }
      if (unknown) void scan();
    },
    mountedKeys: () => [...new Set([...rows.values()].map((r) => r.key))],
  };
}
