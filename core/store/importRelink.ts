import { RELINKED_PLATFORMS } from '../import/buyerLinks';
import type { Order } from '../model';
import type { BuyerTiersDB } from './db';

/** Incoming orders are validated by `writeOrders`; here only what relinking reads is trusted. */
interface Keyed {
  key: string;
  buyerKey: string;
  platform: string;
}

function keyed(o: unknown): o is Keyed {
  const r = o as Partial<Keyed> | null;
  return typeof r?.key === 'string' && typeof r.buyerKey === 'string' && typeof r.platform === 'string';
}

/** Where a chain of links ends (links never form a cycle: a key is linked only to another). */
function finalKey(links: Readonly<Record<string, string>>, key: string): string {
  const seen = new Set<string>();
  let k = key;
  while (Object.hasOwn(links, k) && !seen.has(k)) {
    seen.add(k);
    k = links[k];
  }
  return k;
}

export interface RelinkedBatch {
  orders: unknown[];
  /** Every link of the import so far: file buyer key → stored buyer key. */
  links: Record<string, string>;
  /** Buyers whose orders moved (both sides of each new link): their aggregates need a rebuild. */
  touched: string[];
}

/**
 * One buyer under two handles (Etsy: the Orders file keys by Buyer User ID, Order Items by
 * username). When an incoming order is already stored, by an earlier import or capture, under
 * another buyer key, that order proves the two keys are one buyer: every order of this import
 * under the file's key takes the stored key, those of earlier batches included, and later
 * batches follow through the links kept on the import record. Nothing stored by anything else
 * changes. Runs inside `commitImportBatch`'s transaction (core/store/imports.ts), so the moved
 * orders and the batch that proved the link commit together.
 */
export async function relinkBatch(
  db: BuyerTiersDB,
  importId: string,
  orders: readonly unknown[],
  kept: Readonly<Record<string, string>>,
): Promise<RelinkedBatch> {
  const links: Record<string, string> = { ...kept };
  const candidates = orders.filter(
    (o): o is Keyed => keyed(o) && RELINKED_PLATFORMS.includes(o.platform) && !links[o.buyerKey],
  );
  const stored = candidates.length > 0 ? await db.orders.bulkGet(candidates.map((o) => o.key)) : [];
  const fresh: string[] = [];
  candidates.forEach((o, i) => {
    const s = stored[i];
    if (!s || s.importId === importId || links[o.buyerKey]) return;
    const to = finalKey(links, s.buyerKey);
    if (to === o.buyerKey) return;
    // Links already pointing at the file's key now lead on to the stored one: one buyer, one key.
    for (const [from, into] of Object.entries(links)) if (into === o.buyerKey) links[from] = to;
    links[o.buyerKey] = to;
    fresh.push(o.buyerKey);
  });
  const relinked = orders.map((o) =>
    keyed(o) && links[o.buyerKey] ? { ...(o as object), buyerKey: links[o.buyerKey] } : o,
  );
  for (const from of fresh) {
    const earlier = await db.orders
      .where('buyerKey')
      .equals(from)
      .filter((o) => o.importId === importId)
      .toArray();
    if (earlier.length > 0)
      await db.orders.bulkPut(earlier.map((o): Order => ({ ...o, buyerKey: links[from] })));
  }
  return { orders: relinked, links, touched: fresh.flatMap((from) => [from, links[from]]) };
}
