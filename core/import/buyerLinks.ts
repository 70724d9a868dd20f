import type { Order } from '../model';

/** Platforms whose exports name one buyer by different handles in different files. */
export const RELINKED_PLATFORMS: readonly string[] = ['etsy'];

export interface BuyerLink {
  /** The key the file gave the buyer (Etsy Order Items: the username; Orders: Buyer User ID or name). */
  from: string;
  /** The key already stored for the same order, which the import keeps. */
  to: string;
  /** The order that proves the two keys are one buyer. */
  orderKey: string;
}

/**
 * Etsy's Orders file keys a buyer by Buyer User ID (or the plain name where it is empty), its
 * Order Items file by the username: the same buyer arrives under two keys. When an incoming order
 * is already stored under another buyer key, the same order proves the two keys are one buyer, so
 * the incoming orders of that buyer take the stored key (nothing already stored changes). Pure:
 * `storedBuyerOf` answers from the store which buyer an order key belongs to, if any.
 */
export function relinkBuyersByOrder(
  incoming: readonly Order[],
  storedBuyerOf: (orderKey: string) => string | undefined,
  platforms: readonly string[] = RELINKED_PLATFORMS,
): { orders: Order[]; links: BuyerLink[] } {
  const links = new Map<string, BuyerLink>();
  for (const o of incoming) {
    if (!platforms.includes(o.platform) || links.has(o.buyerKey)) continue;
    const stored = storedBuyerOf(o.key);
    if (stored !== undefined && stored !== o.buyerKey) {
      links.set(o.buyerKey, { from: o.buyerKey, to: stored, orderKey: o.key });
    }
  }
  if (links.size === 0) return { orders: [...incoming], links: [] };
  const orders = incoming.map((o) => {
    const link = links.get(o.buyerKey);
    return link ? { ...o, buyerKey: link.to } : o;
  });
  return { orders, links: [...links.values()] };
}
