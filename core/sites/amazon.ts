import { parseDateTime } from './dates';
import { foundBuyer, uniqueBuyers } from './found';
import { parseMoney } from './money';
import { queryAllDated, queryDated } from './query';
import { statusFromText } from './status';
import { cleanText, cleanTextOf } from './text';
import type { CapturedOrderRow, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/**
 * Amazon Seller Central "Manage Orders" (orders-v3). The list shows no stable buyer id, so the
 * buyer name is the handle; totals are the sum of the item subtotals the list prints.
 */
const V = '2026-11-22';

const selectors = {
  orderRow: {
    current: '#orders-table > tbody > tr',
    since: V,
    fallbacks: [{ selector: '#orders-table tbody tr', until: V }],
    kinds: ['orders'],
  },
  buyerName: { current: '[data-test-id="buyer-name-with-link"]', since: V, fallbacks: [], kinds: ['orders'] },
  orderId: {
    current: 'td[data-test-id="oth-order-details"] .cell-body-title a',
    since: V,
    fallbacks: [{ selector: 'a[href*="/orders-v3/order/"]', until: V }],
    kinds: ['orders'],
  },
  orderDate: {
    current: 'td[data-test-id="oth-order-date"] .cell-body',
    since: V,
    fallbacks: [{ selector: 'td:nth-child(2) .cell-body', until: V }],
    kinds: ['orders'],
  },
  /** One block per item: multi-item orders stack several .cell-body blocks in the product cell. */
  productCell: {
    current: 'td[data-test-id="oth-product-info"] .cell-body',
    since: V,
    fallbacks: [{ selector: 'td[data-test-id="oth-product-info"]', until: V }],
    kinds: ['orders'],
  },
  productName: {
    current: '.myo-list-orders-product-name-cell a',
    since: V,
    fallbacks: [],
    kinds: ['orders'],
  },
  mainStatus: {
    current: '.main-status',
    since: V,
    fallbacks: [{ selector: 'td[data-test-id="oth-order-status"]', until: V }],
    kinds: ['orders'],
  },
  secondaryStatus: {
    current: '.secondary-status',
    since: V,
    fallbacks: [],
    kinds: ['orders'],
    optional: true,
  },
} satisfies Record<string, DatedSelector>;

/** "Label: value" lines inside a cell ("Quantity: 2", "Item subtotal: $25.98"). */
function labelled(cell: Element, label: RegExp): string | null {
  for (const div of cell.querySelectorAll('div, span')) {
    const t = cleanTextOf(div, 500);
    const m = t.match(label);
    // Innermost line only: an outer div would also start with the label of its first child.
    if (m && m.index === 0 && !div.querySelector('div')) return t.slice(m[0].length).trim();
  }
  return null;
}

/** "Nov 20, 2026" etc. from the date cell, with the printed time and zone when present. */
function readDate(row: Element): number | null {
  const cell = queryDated(row, selectors.orderDate);
  if (!cell) return null;
  const lines = [...cell.children].map((c) => cleanTextOf(c)).filter(Boolean);
  // The first line is relative ("2 days ago"); date and time follow.
  return parseDateTime(lines.filter((l) => !/ago$/i.test(l)).join(' ') || cleanTextOf(cell));
}

function readRow(row: Element): CapturedOrderRow | null {
  const buyerEl = queryDated(row, selectors.buyerName);
  const buyer = buyerEl ? foundBuyer(buyerEl, null, buyerEl.textContent) : null;
  const orderId = cleanTextOf(queryDated(row, selectors.orderId), 100).match(/\d{3}-\d{7}-\d{7}/)?.[0];
  const placedAt = readDate(row);
  const status = statusFromText(
    `${cleanTextOf(queryDated(row, selectors.secondaryStatus))} ${cleanTextOf(queryDated(row, selectors.mainStatus))}`,
  );
  const cells = queryAllDated(row, selectors.productCell);
  const items = cells.map((cell) => {
    const qty = Number.parseInt(labelled(cell, /Quantity:?/i) ?? '1', 10) || 1;
    const subtotal = parseMoney(labelled(cell, /Item subtotal:?/i) ?? '', 'USD', 'JPY');
    const sku = labelled(cell, /SKU:?/i);
    return {
      item: {
        title: cleanTextOf(queryDated(cell, selectors.productName) ?? cell, 500),
        qty,
        unitPrice: subtotal ? Math.round(subtotal.amount / qty) : 0,
        ...(sku ? { sku: cleanText(sku, 200) } : {}),
      },
      subtotal,
    };
  });
  const currency = items.find((i) => i.subtotal)?.subtotal?.currency;
  if (!buyer || !orderId || placedAt === null || !status || !currency) return null;
  return {
    orderId,
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: items.reduce((sum, i) => sum + (i.subtotal?.amount ?? 0), 0),
    currency,
    status,
    items: items.map((i) => i.item),
    anchor: buyer.anchor,
  };
}

export const amazonAdapter: SiteAdapter = {
  id: 'amazon',
  label: 'Amazon Seller Central',
  platform: 'amazon',
  matches: [
    'https://sellercentral.amazon.com/*',
    'https://sellercentral.amazon.co.uk/*',
    'https://sellercentral.amazon.de/*',
    'https://sellercentral-japan.amazon.com/*',
  ],
  pageKinds: (url) => (url.pathname.startsWith('/orders-v3') ? ['orders'] : []),
  selectors,
  readListBuyers: (root) =>
    uniqueBuyers(
      queryAllDated(root, selectors.orderRow).map((row): FoundBuyer | null => {
        const el = queryDated(row, selectors.buyerName);
        return el ? foundBuyer(el, null, el.textContent) : null;
      }),
    ),
  readOrderRows: (root) =>
    queryAllDated(root, selectors.orderRow)
      .map(readRow)
      .filter((r): r is CapturedOrderRow => r !== null),
};
