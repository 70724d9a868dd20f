import { parseDateTime } from '../dates';
import { foundBuyer } from '../found';
import { parseMoney } from '../money';
import { statusFromText } from '../status';
import { firstMatching, readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText, cleanTextOf } from '../text';
import type { CapturedOrderRow, FoundBuyer } from '../types';
import {
  BEIJING_OFFSET,
  BUYER_LABEL,
  COLUMNS,
  type Column,
  ORDER_NO,
  PLACED_AT,
  REAL_PAY_LABEL,
  SELLER_CODE,
} from './labels';

/*
 * 已卖出的宝贝, new (myseller / qn, Fusion next-table) and classic (trade.taobao.com
 * list_sold_items). Evidence (sites-2026.md, Qianniu section): one `table` per order inside
 * `div.next-table-body`, its first `tr` (`tr.next-table-group-header`) the order header with
 * 订单编号/订单号, 创建时间/支付时间 and the buyer nick, the following rows the items; item, price
 * and status cells have hashed CSS-module classes (`sum--…`, `suborder-mod__item___…`), so those
 * are the last resort. Sources: ShenHaiSu/Script-Collection Tmall-MySellerEnhance getItemId.action.ts
 * (2026-03/04); carycoti/myGM 淘宝订单.user.js (2021, classic page).
 */
const SEEN = '2026-04-01';
// Evidence for the strategies below (a comment, so it costs the bundle nothing): ShenHaiSu/Script-Collection src/Tmall-MySellerEnhance/…/getItemId.action.ts
// Evidence for the strategies below (a comment, so it costs the bundle nothing): carycoti/myGM 淘宝订单.user.js (2021, classic list_sold_items)
const ITEM_LINK = 'a[href*="item.taobao.com/item.htm"], a[href*="detail.tmall.com"], a[href*="item.htm?id="]';

export interface OrderGroup {
  header: Element;
  rows: Element[];
}

/** The rows after `header` in its table, up to the next order's header. */
function rowsAfter(header: Element): Element[] {
  const table = header.closest('table');
  if (!table) return [];
  const all: Element[] = [...table.querySelectorAll('tr')];
  const out: Element[] = [];
  for (const tr of all.slice(all.indexOf(header) + 1)) {
    if (ORDER_NO.test(cleanTextOf(tr, 600))) break;
    out.push(tr);
  }
  return out;
}

export const GROUPS: readonly Strategy<OrderGroup[]>[] = [
  {
    id: 'class:tr.next-table-group-header',
    kind: 'class',
    seen: SEEN,
    read: (root) => {
      const headers = [...root.querySelectorAll('tr.next-table-group-header')];
      const groups = headers
        .filter((h) => ORDER_NO.test(cleanTextOf(h, 2000)))
        .map((h) => ({ header: h, rows: rowsAfter(h) }));
      return groups.length > 0 ? groups : null;
    },
  },
  {
    id: 'text:tr-with-order-no',
    kind: 'text',
    seen: SEEN,
    read: (root) => {
      // Innermost rows whose text carries the 订单号 label: each starts an order.
      const headers = [...root.querySelectorAll('tr')].filter(
        (tr) => ORDER_NO.test(cleanTextOf(tr, 2000)) && !tr.querySelector('tr'),
      );
      const groups = headers.map((h) => ({ header: h, rows: rowsAfter(h) }));
      return groups.length > 0 ? groups : null;
    },
  },
];

/** Which column holds what, from the table's heading row (宝贝 单价 数量 售后 买家 交易状态 实收款). */
export function columnsOf(root: ParentNode): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  const heads = [...root.querySelectorAll('thead th, thead td')];
  heads.forEach((th, i) => {
    const t = cleanTextOf(th, 40);
    for (const [col, re] of Object.entries(COLUMNS) as Array<[Column, RegExp]>)
      if (out[col] === undefined && re.test(t)) out[col] = i;
  });
  return out;
}

function cell(row: Element, index: number | undefined): Element | null {
  if (index === undefined) return null;
  const cells = [...row.children].filter((c) => c.localName === 'td' || c.localName === 'th');
  return cells[index] ?? null;
}

/** The buyer's nick: from the 旺旺 link's uid, a "买家：" label, or a hashed nick class. */
function buyerStrategies(cols: Partial<Record<Column, number>>): readonly Strategy<FoundBuyer>[] {
  return [
    {
      id: 'structure:wangwang-uid',
      kind: 'structure',
      seen: SEEN,
      read: (scope) => {
        for (const a of scope.querySelectorAll('a[href*="amos.alicdn.com"], a[href*="uid="]')) {
          const uid = a.getAttribute('href')?.match(/[?&](?:uid|touid)=([^&#]+)/)?.[1];
          if (!uid) continue;
          let nick = uid;
          try {
            nick = decodeURIComponent(uid);
          } catch {
            // keep the raw value
          }
          const shown = cleanTextOf(a);
          // The nick text sits beside the 旺旺 icon link; the badge goes beside the text.
          const label = shown && !/旺旺|联系/.test(shown) ? a : (a.previousElementSibling ?? a);
          return foundBuyer(label, nick, nick);
        }
        return null;
      },
    },
    {
      id: 'text:buyer-label',
      kind: 'text',
      seen: SEEN,
      read: (scope) => {
        for (const el of scope.querySelectorAll('span, div, a, p')) {
          if (el.querySelector('span, div, p')) continue;
          const m = cleanTextOf(el, 200).match(BUYER_LABEL);
          if (m) return foundBuyer(el, m[1], m[1]);
          const prev = el.previousElementSibling;
          if (prev && /^买家(?:昵称)?\s*[:：]$/.test(cleanTextOf(prev, 20)) && cleanTextOf(el))
            return foundBuyer(el, el.textContent, el.textContent);
        }
        return null;
      },
    },
    {
      id: 'structure:buyer-column',
      kind: 'structure',
      seen: SEEN,
      read: (scope) => {
        const rows = (scope as Element).localName === 'tr' ? [scope as Element] : [];
        const c = rows.length ? cell(rows[0], cols.buyer) : null;
        const a = c?.querySelector('a') ?? c;
        return a && cleanTextOf(a) ? foundBuyer(a, a.textContent, a.textContent) : null;
      },
    },
    {
      id: 'class:nick',
      kind: 'class',
      seen: SEEN,
      read: (scope) => {
        const el = scope.querySelector('[class*="buyer-mod__name"], [class*="nick"]');
        return el && cleanTextOf(el) ? foundBuyer(el, el.textContent, el.textContent) : null;
      },
    },
  ];
}

/** The buyer of an order group: its header first, then its first item row. */
export function readGroupBuyer(g: OrderGroup, root: ParentNode, log?: StrategyLog): FoundBuyer | null {
  const strategies = buyerStrategies(columnsOf(root));
  // The header names the buyer on the new page; the first item row's 买家 cell on older ones.
  if (firstMatching(g.header, strategies.slice(0, 2)))
    return readWith('buyer', g.header, strategies.slice(0, 2), log);
  return readWith('buyer', g.rows[0] ?? g.header, strategies, log);
}

function money(text: string) {
  return parseMoney(text, 'CNY');
}

function groupText(g: OrderGroup): string {
  return cleanTextOf(g.header, 2000);
}

export function readGroupOrder(g: OrderGroup, root: ParentNode, log?: StrategyLog): CapturedOrderRow | null {
  const cols = columnsOf(root);
  const buyer = readGroupBuyer(g, root);
  const head = groupText(g);
  const orderId = readWith(
    'orderId',
    g.header,
    [
      {
        id: 'text:订单号',
        kind: 'text',
        seen: SEEN,
        read: () => head.match(ORDER_NO)?.[1] ?? null,
      },
    ],
    log,
  );
  const placedAt = readWith(
    'placedAt',
    g.header,
    [
      {
        id: 'text:创建时间',
        kind: 'text',
        seen: SEEN,
        read: () => {
          const t = head.match(PLACED_AT)?.[1];
          return t ? parseDateTime(t, { offsetMinutes: BEIJING_OFFSET }) : null;
        },
      },
    ],
    log,
  );
  const first = g.rows[0];
  const realPay = first
    ? readWith(
        'realPay',
        first,
        [
          {
            id: 'structure:实收款-column',
            kind: 'structure',
            seen: SEEN,
            read: (row) => money(cleanTextOf(cell(row as Element, cols.realPay), 300)),
          },
          {
            id: 'text:实收款-label',
            kind: 'text',
            seen: SEEN,
            read: (row) => {
              const m = cleanTextOf(row as Element, 3000).match(REAL_PAY_LABEL);
              return m ? money(m[1]) : null;
            },
          },
          {
            id: 'class:sum--',
            kind: 'class',
            seen: SEEN,
            read: (row) => money(cleanTextOf(row.querySelector('[class*="sum--"]'), 300)),
          },
        ],
        log,
      )
    : null;
  const statusText = first
    ? readWith(
        'status',
        first,
        [
          {
            id: 'structure:交易状态-column',
            kind: 'structure',
            seen: SEEN,
            read: (row) => cleanTextOf(cell(row as Element, cols.status), 300) || null,
          },
          {
            id: 'text:status-words',
            kind: 'text',
            seen: SEEN,
            read: (row) => {
              for (const td of (row as Element).querySelectorAll('td'))
                if (statusFromText(cleanTextOf(td, 300))) return cleanTextOf(td, 300);
              return null;
            },
          },
        ],
        log,
      )
    : null;
  // The whole status cell: "交易关闭" alone is a cancellation, "交易关闭 退款成功" a refund.
  const status = statusText ? statusFromText(statusText) : null;
  if (!buyer || !orderId || placedAt === null || !realPay || !status) return null;
  const items = g.rows.flatMap((row) => {
    const title = readWith('itemTitle', row, [
      {
        id: 'structure:item-link',
        kind: 'structure',
        seen: SEEN,
        read: (r) => r.querySelector(ITEM_LINK),
      },
      {
        id: 'class:suborder-mod__item',
        kind: 'class',
        seen: SEEN,
        read: (r) => r.querySelector('[class*="suborder-mod__item___"] a, [class*="suborder-mod__item___"]'),
      },
    ]);
    if (!title) return [];
    const qtyText =
      cleanTextOf(cell(row, cols.quantity), 40) ||
      (cleanTextOf(row, 2000).match(/[x×]\s?(\d+)\b/)?.[1] ?? '');
    const qty = Number.parseInt(qtyText.replace(/\D/g, ''), 10) || 1;
    const priceCell = cell(row, cols.price) ?? row.querySelector('[class*="price"]');
    const code = cleanTextOf(row, 2000).match(SELLER_CODE)?.[1];
    return [
      {
        title: cleanText(title.textContent, 500),
        qty,
        unitPrice: money(cleanTextOf(priceCell, 200))?.amount ?? 0,
        ...(code ? { sku: code } : {}),
      },
    ];
  });
  return {
    orderId,
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: realPay.amount,
    currency: realPay.currency,
    status,
    items,
    anchor: buyer.anchor,
  };
}
