import { parseDateTime } from './dates';
import { foundBuyer, uniqueBuyers } from './found';
import { parseMoney } from './money';
import { queryAllDated, queryDated } from './query';
import { statusFromText } from './status';
import { cleanText, cleanTextOf } from './text';
import type { CapturedOrderRow, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/**
 * Etsy "Orders & Shipping" (sold orders). The buyer's username in the `/people/<username>` link is
 * the stable handle; the display name is what the seller sees. Fallbacks rely on link shapes,
 * which outlive Etsy's class renames.
 */
const V = '2026-11-22';

const selectors = {
  orderCard: {
    current: '[data-test-id="order-card"]',
    since: V,
    fallbacks: [
      { selector: '.order-card', until: V },
      { selector: '[data-order-id]', until: V },
    ],
    kinds: ['orders'],
  },
  buyerLink: {
    current: '[data-test-id="buyer-name"]',
    since: V,
    fallbacks: [{ selector: 'a[href*="/people/"]', until: V }],
    kinds: ['orders'],
  },
  orderNumber: {
    current: '[data-test-id="order-number"]',
    since: V,
    fallbacks: [{ selector: 'a[href*="order_id="]', until: V }],
    kinds: ['orders'],
  },
  orderDate: {
    current: '[data-test-id="order-date"]',
    since: V,
    fallbacks: [{ selector: '.order-date', until: V }],
    kinds: ['orders'],
  },
  orderTotal: {
    current: '[data-test-id="order-total"]',
    since: V,
    fallbacks: [{ selector: '.order-total', until: V }],
    kinds: ['orders'],
  },
  orderStatus: {
    current: '[data-test-id="order-status"]',
    since: V,
    fallbacks: [{ selector: '.order-status', until: V }],
    kinds: ['orders'],
    optional: true,
  },
  transaction: {
    current: '[data-test-id="transaction"]',
    since: V,
    fallbacks: [{ selector: '.transaction', until: V }],
    kinds: ['orders'],
  },
  transactionTitle: {
    current: '.transaction-title',
    since: V,
    fallbacks: [{ selector: 'a[href*="/listing/"]', until: V }],
    kinds: ['orders'],
  },
  transactionQty: {
    current: '.transaction-quantity',
    since: V,
    fallbacks: [],
    kinds: ['orders'],
    optional: true,
  },
  transactionPrice: {
    current: '.transaction-price',
    since: V,
    fallbacks: [],
    kinds: ['orders'],
    optional: true,
  },
} satisfies Record<string, DatedSelector>;

/** "https://www.etsy.com/people/jdoe123?ref=…" → "jdoe123". */
export function etsyUsername(href: string | null): string | null {
  const m = href?.match(/\/people\/([^/?#]+)/);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

function buyerOf(card: Element): FoundBuyer | null {
  const el = queryDated(card, selectors.buyerLink);
  if (!el) return null;
  const link = el.closest('a[href]') ?? el.querySelector('a[href]');
  return foundBuyer(el, etsyUsername(link?.getAttribute('href') ?? null), el.textContent);
}

function readCard(card: Element): CapturedOrderRow | null {
  const buyer = buyerOf(card);
  const numberEl = queryDated(card, selectors.orderNumber);
  const orderId =
    cleanTextOf(numberEl).match(/\d{6,}/)?.[0] ??
    numberEl?.getAttribute('href')?.match(/order_id=(\d+)/)?.[1] ??
    card.getAttribute('data-order-id');
  const placedAt = parseDateTime(cleanTextOf(queryDated(card, selectors.orderDate)));
  const total = parseMoney(cleanTextOf(queryDated(card, selectors.orderTotal)), 'USD');
  // Etsy lists only paid orders; the status line only tells refunds and cancellations apart.
  const status = statusFromText(cleanTextOf(queryDated(card, selectors.orderStatus))) ?? 'paid';
  if (!buyer || !orderId || placedAt === null || !total) return null;
  const items = queryAllDated(card, selectors.transaction).map((tx) => {
    const qty =
      Number.parseInt(cleanTextOf(queryDated(tx, selectors.transactionQty)).replace(/\D/g, ''), 10) || 1;
    const price = parseMoney(cleanTextOf(queryDated(tx, selectors.transactionPrice)), total.currency);
    return {
      title: cleanText(queryDated(tx, selectors.transactionTitle)?.textContent, 500),
      qty,
      unitPrice: price?.amount ?? 0,
    };
  });
  return {
    orderId: cleanText(orderId, 100),
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: total.amount,
    currency: total.currency,
    status,
    items,
    anchor: buyer.anchor,
  };
}

export const etsyAdapter: SiteAdapter = {
  id: 'etsy',
  label: 'Etsy sold orders',
  platform: 'etsy',
  // Buyer messages (/messages/*) are not covered by the host permissions, so only sold orders.
  matches: ['https://www.etsy.com/your/orders/sold*'],
  pageKinds: (url) => (url.pathname.startsWith('/your/orders/sold') ? ['orders'] : []),
  selectors,
  readListBuyers: (root) => uniqueBuyers(queryAllDated(root, selectors.orderCard).map(buyerOf)),
  readOrderRows: (root) =>
    queryAllDated(root, selectors.orderCard)
      .map(readCard)
      .filter((r): r is CapturedOrderRow => r !== null),
};
