import { parseDateTime } from './dates';
import { foundBuyer, uniqueBuyers } from './found';
import { parseMoney } from './money';
import { queryAllDated, queryDated } from './query';
import { statusFromText } from './status';
import { cleanText, cleanTextOf } from './text';
import type { CapturedOrderRow, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/**
 * 千牛 / 淘宝 sold orders (已卖出的宝贝). The list is a Fusion `next-table`: each order is a group
 * header row (订单号, 创建时间) followed by one `.next-table-row` per item; the buyer, status and
 * 实收款 cells sit on the first item row (row-spanned). Order number and time are found by their
 * Chinese labels, which have outlived every restyle; times are Beijing time whatever the browser says.
 */
const V = '2026-11-22';
const BEIJING = 480;

const selectors = {
  row: {
    current: '.next-table-row',
    since: V,
    fallbacks: [{ selector: '.next-table-body tr', until: V }],
    kinds: ['orders'],
  },
  groupHeader: {
    current: '.next-table-group-header',
    since: V,
    fallbacks: [{ selector: '.order-head', until: V }],
    kinds: ['orders'],
    optional: true,
  },
  buyerNick: {
    current: '.buyer-nick',
    since: V,
    fallbacks: [
      { selector: 'a[href*="amos.alicdn.com"]', until: V, note: 'Wangwang contact link' },
      { selector: '[class*="buyer"] a', until: V },
    ],
    kinds: ['orders'],
  },
  itemTitle: {
    current: '.item-title',
    since: V,
    fallbacks: [{ selector: 'a[href*="item.taobao.com"], a[href*="detail.tmall.com"]', until: V }],
    kinds: ['orders'],
  },
  itemPrice: { current: '.item-price', since: V, fallbacks: [], kinds: ['orders'] },
  itemQty: { current: '.item-qty', since: V, fallbacks: [], kinds: ['orders'] },
  status: { current: '.trade-status', since: V, fallbacks: [], kinds: ['orders'] },
  realPay: {
    current: '.real-pay strong',
    since: V,
    fallbacks: [{ selector: '.real-pay', until: V }],
    kinds: ['orders'],
  },
} satisfies Record<string, DatedSelector>;

const ORDER_NO = /订单号[:：]?\s*(\d{8,25})/;
const CREATED = /创建时间[:：]?\s*(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/;

/** The text that names this row's order: the row itself, or the nearest group header above it. */
function orderContext(row: Element): string {
  const own = cleanTextOf(row, 2000);
  if (ORDER_NO.test(own)) return own;
  let prev = row.previousElementSibling;
  for (let i = 0; prev && i < 200; i++, prev = prev.previousElementSibling) {
    const t = cleanTextOf(prev, 2000);
    if (ORDER_NO.test(t)) return t;
  }
  const header = row
    .closest('.next-table-group, table')
    ?.querySelector('.next-table-group-header, .order-head');
  return cleanTextOf(header, 2000);
}

/** Wangwang links carry the nick in `uid=`; otherwise the link text is the nick. */
function buyerIn(el: Element): FoundBuyer | null {
  const href = el.getAttribute('href') ?? '';
  const uid = href.match(/[?&]uid=([^&#]+)/)?.[1];
  let id: string | null = null;
  if (uid) {
    try {
      id = decodeURIComponent(uid);
    } catch {
      id = uid;
    }
  }
  return foundBuyer(el, id, el.textContent);
}

interface Group {
  orderId: string;
  context: string;
  rows: Element[];
}

function groups(root: ParentNode): Group[] {
  const byId = new Map<string, Group>();
  for (const row of queryAllDated(root, selectors.row)) {
    const context = orderContext(row);
    const orderId = context.match(ORDER_NO)?.[1];
    if (!orderId) continue;
    const g = byId.get(orderId) ?? { orderId, context, rows: [] };
    g.rows.push(row);
    byId.set(orderId, g);
  }
  return [...byId.values()];
}

function firstIn(rows: Element[], sel: DatedSelector): Element | null {
  for (const r of rows) {
    const el = queryDated(r, sel);
    if (el) return el;
  }
  return null;
}

function readGroup(g: Group): CapturedOrderRow | null {
  const nickEl = firstIn(g.rows, selectors.buyerNick);
  const buyer = nickEl ? buyerIn(nickEl) : null;
  const created = g.context.match(CREATED)?.[1];
  const placedAt = created ? parseDateTime(created, { offsetMinutes: BEIJING }) : null;
  const pay = parseMoney(cleanTextOf(firstIn(g.rows, selectors.realPay)), 'CNY');
  // The whole status cell: "交易关闭" alone is a cancellation, "交易关闭 退款成功" a refund.
  const statusEl = firstIn(g.rows, selectors.status);
  const status = statusFromText(cleanTextOf(statusEl?.closest('td') ?? statusEl));
  if (!buyer || placedAt === null || !pay || !status) return null;
  const items = g.rows.flatMap((row) => {
    const title = queryDated(row, selectors.itemTitle);
    if (!title) return [];
    const code = cleanTextOf(row, 2000).match(/商家编码[:：]\s*([\w-]+)/)?.[1];
    return [
      {
        title: cleanText(title.textContent, 500),
        qty: Number.parseInt(cleanTextOf(queryDated(row, selectors.itemQty)), 10) || 1,
        unitPrice: parseMoney(cleanTextOf(queryDated(row, selectors.itemPrice)), 'CNY')?.amount ?? 0,
        ...(code ? { sku: code } : {}),
      },
    ];
  });
  return {
    orderId: g.orderId,
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: pay.amount,
    currency: pay.currency,
    status,
    items,
    anchor: buyer.anchor,
  };
}

export const qianniuAdapter: SiteAdapter = {
  id: 'qianniu',
  label: '千牛 已卖出的宝贝 (Taobao sold orders)',
  platform: 'taobao',
  matches: [
    'https://myseller.taobao.com/*',
    'https://trade.taobao.com/trade/itemlist/*',
    'https://qn.taobao.com/*',
  ],
  pageKinds: (url) => (/sold|trade-platform|itemlist/.test(url.pathname + url.hash) ? ['orders'] : []),
  selectors,
  readListBuyers: (root) =>
    uniqueBuyers(
      queryAllDated(root, selectors.row).map((row) => {
        const el = queryDated(row, selectors.buyerNick);
        return el ? buyerIn(el) : null;
      }),
    ),
  readOrderRows: (root) =>
    groups(root)
      .map(readGroup)
      .filter((r): r is CapturedOrderRow => r !== null),
};
