import { parseDateTime } from '../dates';
import { foundBuyer } from '../found';
import { parseLocalMoney } from '../money';
import { allBySelector, bySelector, readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText, cleanTextOf, spacedTextOf } from '../text';
import type { CapturedOrderRow, FoundBuyer } from '../types';
import { amazonStatus, LABEL_PATTERNS, type LabelName } from './labels';
import type { Marketplace } from './marketplaces';

/*
 * Manage Orders (orders-v3) rows. Evidence (sites-2026.md): vondraussen/tampermonkey-scripts
 * amazon_order_grabber.user.js, 2025-06-24 on sellercentral.amazon.de, agreeing with
 * hochmanjoel/amazon-seller-central-scraper (2019). The list shows no stable buyer id, so the
 * buyer's name is the handle; some rows show no name at all, only the order id.
 */
const SEEN = '2025-06-24';
// Evidence for the strategies below (a comment, so it costs the bundle nothing): vondraussen/tampermonkey-scripts scripts/amazon_order_grabber.user.js
const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/;
const ORDER_LINK = 'a[href*="/orders-v3/order/"]';

/** Innermost lines of a cell (elements without element children, or with only inline ones). */
function lines(cell: ParentNode): Element[] {
  return [...cell.querySelectorAll('div, span, p, li')].filter((el) => !el.querySelector('div, p, li'));
}

/** The value after a label ("Stückzahl: 2" → "2"), from the first line that starts with it. */
export function labelled(cell: Element, label: LabelName): string | null {
  const pattern = LABEL_PATTERNS[label];
  for (const line of lines(cell)) {
    const t = cleanTextOf(line, 500);
    const m = t.match(pattern);
    if (m && t.length > m[0].length) return t.slice(m[0].length).trim();
    // "<span>Quantity:</span> <b>2</b>": the label is its own element, the value its sibling.
    if (m && line.parentElement) {
      const whole = cleanTextOf(line.parentElement, 500);
      const w = whole.match(pattern);
      if (w && whole.length > w[0].length) return whole.slice(w[0].length).trim();
    }
  }
  return null;
}

export const ROW_STRATEGIES: readonly Strategy<Element[]>[] = [
  allBySelector('structure', '#orders-table > tbody > tr', SEEN),
  {
    id: 'structure:tr-with-order-link',
    kind: 'structure',
    seen: SEEN,
    read: (scope) => {
      const rows = [...new Set([...scope.querySelectorAll(ORDER_LINK)].map((a) => a.closest('tr')))];
      const found = rows.filter((r): r is HTMLTableRowElement => r !== null);
      return found.length > 0 ? found : null;
    },
  },
];

const BUYER: readonly Strategy<Element>[] = [
  bySelector('testid', '[data-test-id="buyer-name-with-link"]', SEEN),
  {
    id: 'text:buyer-label',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      for (const line of row.querySelectorAll('div, span')) {
        const t = cleanTextOf(line, 400);
        const m = t.match(LABEL_PATTERNS.buyer);
        if (!m || line.querySelector('div')) continue;
        const link = line.querySelector('a');
        if (link && cleanTextOf(link)) return link;
        if (t.length > m[0].length) return line;
      }
      return null;
    },
  },
];

interface OrderRef {
  id: string;
  el: Element;
}

const ORDER: readonly Strategy<OrderRef>[] = [
  {
    id: 'testid:oth-order-details-title',
    kind: 'testid',
    seen: SEEN,
    read: (row) => {
      const el = row.querySelector('td[data-test-id="oth-order-details"] .cell-body-title a');
      const id = cleanTextOf(el, 100).match(ORDER_ID)?.[0];
      return el && id ? { id, el } : null;
    },
  },
  {
    id: 'structure:order-link',
    kind: 'structure',
    seen: SEEN,
    read: (row) => {
      for (const el of row.querySelectorAll(ORDER_LINK)) {
        const id = el.getAttribute('href')?.match(ORDER_ID)?.[0];
        if (id) return { id, el };
      }
      return null;
    },
  },
  {
    id: 'text:order-id-digits',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      for (const el of lines(row)) {
        const id = cleanTextOf(el, 200).match(ORDER_ID)?.[0];
        if (id) return { id, el };
      }
      return null;
    },
  },
];

function dateStrategies(m: Marketplace): readonly Strategy<number>[] {
  const parse = (text: string) => parseDateTime(text, { dayFirst: m.dayFirst });
  return [
    {
      id: 'testid:oth-order-date',
      kind: 'testid',
      seen: SEEN,
      read: (row) => {
        const cell = row.querySelector('td[data-test-id="oth-order-date"] .cell-body');
        if (!cell) return null;
        // The first line is relative ("2 days ago", "vor 2 Tagen"); date and time follow.
        const parts = [...cell.children].map((c) => cleanTextOf(c)).filter(Boolean);
        return parse(parts.slice(1).join(' ')) ?? parse(spacedTextOf(cell));
      },
    },
    {
      id: 'text:date-in-cell',
      kind: 'text',
      seen: SEEN,
      read: (row) => {
        for (const td of row.querySelectorAll('td')) {
          const at = parse(spacedTextOf(td, 300));
          if (at !== null) return at;
        }
        return null;
      },
    },
  ];
}

const PRODUCT_BLOCKS: readonly Strategy<Element[]>[] = [
  allBySelector('testid', 'td[data-test-id="oth-product-info"] .cell-body', SEEN),
  allBySelector('testid', 'td[data-test-id="oth-product-info"]', SEEN),
  {
    id: 'text:quantity-label-blocks',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      const blocks = lines(row)
        .filter((l) => LABEL_PATTERNS.quantity.test(cleanTextOf(l, 100)))
        .map((l) => l.parentElement?.closest('div') ?? l.parentElement)
        .filter((b): b is HTMLElement => !!b);
      return blocks.length > 0 ? [...new Set(blocks)] : null;
    },
  },
];

const TITLE: readonly Strategy<Element>[] = [
  bySelector('class', '.myo-list-orders-product-name-cell a', SEEN),
  bySelector('structure', 'a[href*="/dp/"]', SEEN, 'product links to the storefront'),
];

const STATUS: readonly Strategy<string>[] = [
  {
    id: 'class:main-status',
    kind: 'class',
    seen: SEEN,
    read: (row) => cleanTextOf(row.querySelector('.main-status')) || null,
  },
  {
    id: 'testid:oth-order-status',
    kind: 'testid',
    seen: SEEN,
    read: (row) => cleanTextOf(row.querySelector('td[data-test-id="oth-order-status"]'), 500) || null,
  },
  {
    id: 'text:status-word',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      for (const td of [...row.querySelectorAll('td')].reverse()) {
        const t = cleanTextOf(td, 500);
        if (amazonStatus(t) !== undefined) return t;
      }
      return null;
    },
  },
];

export interface RowRead {
  buyer: FoundBuyer | null;
  order: OrderRef | null;
}

/** Who and which order a row shows, without the rest (list badges). */
export function readRowIdentity(row: Element, log?: StrategyLog): RowRead {
  const el = readWith('buyer', row, BUYER, log);
  const order = readWith('orderId', row, ORDER, log);
  const named = el ? foundBuyer(el, null, el.textContent) : null;
  const buyer = named
    ? { ...named, ...(order ? { orderId: order.id } : {}) }
    : order
      ? { buyerId: '', name: '', orderId: order.id, anchor: order.el }
      : null;
  return { buyer, order };
}

/** The full order of a row, or null when a required field (buyer, id, date, status, money) is missing. */
export function readOrderRow(row: Element, m: Marketplace, log?: StrategyLog): CapturedOrderRow | null {
  // Buyer and order id are counted by the list reader (the same rows): not twice here.
  const { buyer, order } = readRowIdentity(row);
  const placedAt = readWith('orderDate', row, dateStrategies(m), log);
  const statusText = readWith('status', row, STATUS, log);
  const status = statusText ? amazonStatus(statusText) : undefined;
  const blocks = readWith('productBlocks', row, PRODUCT_BLOCKS, log) ?? [];
  const items = blocks.map((block) => {
    const qty = Number.parseInt(labelled(block, 'quantity')?.replace(/\D/g, '') ?? '', 10) || 1;
    const subtotalText = labelled(block, 'subtotal');
    const subtotal = subtotalText ? parseLocalMoney(subtotalText, m.currency) : null;
    const sku = labelled(block, 'sku');
    const title = readWith('productTitle', block, TITLE, log);
    return {
      item: {
        title: cleanTextOf(title ?? block, 500),
        qty,
        unitPrice: subtotal ? Math.round(subtotal.amount / qty) : 0,
        ...(sku ? { sku: cleanText(sku, 200) } : {}),
      },
      subtotal,
    };
  });
  const currency = items.find((i) => i.subtotal)?.subtotal?.currency;
  if (!buyer?.buyerId || !order || placedAt === null || !status || !currency) return null;
  return {
    orderId: order.id,
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
