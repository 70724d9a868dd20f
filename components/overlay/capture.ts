import { request } from '@/core/messaging';
import { buyerKeyOf } from '@/core/model/identity';
import { PAGE_HELLO_CHANNEL } from '@/core/sites/qianniu/bridge';
import type { CapturedOrderData, CapturedOrderRow, SiteAdapter } from '@/core/sites/types';

/** Orders per message (the protocol's limit). */
const CHUNK = 500;

export interface OrderCapture {
  /** Sends the order rows not sent yet from this page; resolves with the buyers it touched. */
  scan(): Promise<string[]>;
}

/** The row as the protocol carries it: the DOM anchor stays in the page. */
export function toCaptured(row: CapturedOrderData | CapturedOrderRow): CapturedOrderData {
  return {
    orderId: row.orderId,
    buyerId: row.buyerId,
    buyerName: row.buyerName,
    placedAt: row.placedAt,
    total: row.total,
    currency: row.currency,
    status: row.status,
    items: row.items,
    shipCountry: row.shipCountry,
  };
}

/**
 * Order capture on order-list pages: every row the adapter reads is sent once per page view
 * (the background stores orders idempotently, so a re-sent row is a harmless duplicate), and
 * only while the seller's capture switch for this site is on. Sites whose page loads orders as
 * JSON also get the orders a page-world observer posts, after the adapter has checked each one.
 */
export function startOrderCapture(adapter: SiteAdapter, enabled: () => boolean): OrderCapture {
  const sent = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();

  const send = async (orders: ReadonlyArray<CapturedOrderData | CapturedOrderRow>): Promise<string[]> => {
    const rows = orders.filter((r) => !sent.has(r.orderId));
    if (rows.length === 0) return [];
    for (const r of rows) sent.add(r.orderId);
    const touched = new Set<string>();
    // One capture at a time: rows from the next infinite-scroll page queue behind this one.
    const job = chain.then(async () => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        try {
          const res = await request('recordCapturedOrders', {
            platform: adapter.platform,
            orders: chunk.map(toCaptured),
          });
          if (res.new + res.updated > 0)
            for (const r of chunk) touched.add(buyerKeyOf(adapter.platform, r.buyerId));
        } catch (e) {
          for (const r of chunk) sent.delete(r.orderId);
          console.warn('[Buyer Tiers] order capture:', e);
        }
      }
    });
    chain = job;
    await job;
    return [...touched];
  };

  if (adapter.ordersFromPageData) listenForPageOrders(adapter, (orders) => enabled() && void send(orders));

  return {
    scan: async () => (enabled() && adapter.readOrderRows ? send(adapter.readOrderRows(document)) : []),
  };
}

/**
 * Takes the orders the page-world observer posts. The nonce is announced by this content script
 * and tells our observer's messages from leftovers of an earlier one; it is no secret from the
 * page, so the real guard is the adapter's check of every order (platform, ids, amounts, shapes).
 * Touched buyers are redrawn through the background's change signal.
 */
function listenForPageOrders(adapter: SiteAdapter, take: (orders: CapturedOrderData[]) => void): void {
  const nonce = crypto.randomUUID();
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window || e.origin !== location.origin) return;
    const orders = adapter.ordersFromPageData?.(e.data, nonce, Date.now()) ?? [];
    if (orders.length > 0) take(orders);
  });
  window.postMessage({ channel: PAGE_HELLO_CHANNEL, nonce }, location.origin);
}
