import { parseDateTime } from '../dates';
import { foundBuyer } from '../found';
import { parseMoney } from '../money';
import { allBySelector, readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText, cleanTextOf } from '../text';
import type { CapturedOrderRow, FoundBuyer } from '../types';

/*
 * Orders & Shipping (sold orders). Evidence (sites-2026.md, Etsy section): rows are
 * `section.order-group-list .panel-body-row`; the buyer a `button.btn-link.strong.fs-mask`, also in
 * the row checkbox's aria-label "Select this order from <name> on <date>"; the order number only as
 * `a[href*="order_id="]`; items `a[href*="/transaction/"]`; the amount as text next to the order
 * link; the date in the preceding `.panel-body h2 span` ("Ordered …").
 */
const SEEN = '2026-08-10';
// Evidence for the strategies below (a comment, so it costs the bundle nothing): Makaytron/Etsy-Automation-Tools Makaytron-Etsy-Message-Assistant.user.js
// Evidence for the strategies below (a comment, so it costs the bundle nothing): vondraussen/tampermonkey-scripts scripts/etsy_email_grabber.user.js (2025-06-24)
const ORDER_LINK = 'a[href*="order_id="]';
const SELECT_LABEL = /^Select this order from (.+?) on (.+)$/i;

export const ROWS: readonly Strategy<Element[]>[] = [
  allBySelector('class', 'section.order-group-list .panel-body-row', SEEN),
  {
    id: 'structure:order-link-with-checkbox',
    kind: 'structure',
    seen: SEEN,
    read: (root) => {
      const rows = new Set<Element>();
      for (const a of root.querySelectorAll(ORDER_LINK)) {
        let el = a.parentElement;
        while (el && !el.querySelector('input[type="checkbox"]')) el = el.parentElement;
        if (el) rows.add(el);
      }
      return rows.size > 0 ? [...rows] : null;
    },
  },
];

function checkboxLabel(row: ParentNode): RegExpMatchArray | null {
  return cleanText(
    row.querySelector('input[type="checkbox"][aria-label]')?.getAttribute('aria-label'),
    500,
  ).match(SELECT_LABEL);
}

/** The buyer: the badge goes beside the name button, else beside the checkbox that names them. */
const BUYER: readonly Strategy<FoundBuyer>[] = [
  {
    id: 'aria:select-checkbox',
    kind: 'aria',
    seen: SEEN,
    read: (row) => {
      const m = checkboxLabel(row);
      if (!m) return null;
      const name = cleanText(m[1]);
      const button = [...row.querySelectorAll('button')].find((b) => cleanTextOf(b) === name);
      const box = row.querySelector('input[type="checkbox"][aria-label]');
      const anchor = button ?? box;
      return anchor ? foundBuyer(anchor, null, name) : null;
    },
  },
  {
    id: 'class:button.btn-link.strong.fs-mask',
    kind: 'class',
    seen: SEEN,
    read: (row) => {
      const el = row.querySelector('button.btn-link.strong.fs-mask');
      return el ? foundBuyer(el, null, el.textContent) : null;
    },
  },
];

/** "/people/jdoe123?ref=…" → "jdoe123": the username, steadier than the display name. */
export function etsyUsername(href: string | null | undefined): string | null {
  const m = href?.match(/\/people\/([^/?#]+)/);
  if (!m) return null;
  try {
    return cleanText(decodeURIComponent(m[1]));
  } catch {
    return cleanText(m[1]);
  }
}

interface OrderRef {
  id: string;
  el: Element;
}

const ORDER: readonly Strategy<OrderRef>[] = [
  {
    id: 'structure:order_id-link',
    kind: 'structure',
    seen: SEEN,
    read: (row) => {
      for (const el of row.querySelectorAll(ORDER_LINK)) {
        const id = el.getAttribute('href')?.match(/order_id=(\d{6,})/)?.[1];
        if (id) return { id, el };
      }
      return null;
    },
  },
  {
    id: 'text:#digits',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      for (const el of row.querySelectorAll('a, span, div')) {
        if (el.querySelector('a, span, div')) continue;
        const id = cleanTextOf(el, 100).match(/#(\d{6,})\b/)?.[1];
        if (id) return { id, el };
      }
      return null;
    },
  },
];

/** The nearest group heading before `row` in document order (rows follow their date header). */
function precedingHeading(row: ParentNode, selector: string): Element | null {
  let el: Element | null = row as Element;
  for (let hops = 0; el && hops < 500; hops++) {
    let prev = el.previousElementSibling;
    while (prev) {
      const hit = prev.matches(selector) ? prev : [...prev.querySelectorAll(selector)].pop();
      if (hit) return hit;
      prev = prev.previousElementSibling;
    }
    el = el.parentElement;
  }
  return null;
}

const DATE: readonly Strategy<number>[] = [
  {
    id: 'aria:select-checkbox-date',
    kind: 'aria',
    seen: SEEN,
    read: (row) => {
      const m = checkboxLabel(row);
      return m ? parseDateTime(m[2]) : null;
    },
  },
  {
    id: 'structure:preceding-panel-body-h2',
    kind: 'structure',
    seen: SEEN,
    read: (row) => parseDateTime(cleanTextOf(precedingHeading(row, '.panel-body h2 span'))),
  },
  {
    id: 'text:preceding-h2',
    kind: 'text',
    seen: SEEN,
    read: (row) => parseDateTime(cleanTextOf(precedingHeading(row, 'h2'))),
  },
];

/** "$42.50", "CA$31.00", "€58,00", "EUR 58,00", or the sign after the number ("58,00 €"). */
const MONEY_SIGN_FIRST = /(?:[A-Z]{1,2}\$|[$€£¥₹]|\b[A-Z]{3}\s)\s?\d[\d.,]*/;
// Not the digits of "#3145926601" followed by an amount's sign.
const MONEY_SIGN_AFTER = /(?<![#\d])\d[\d.,]*\s?(?:€|£|\b[A-Z]{3}\b)/;

function moneyIn(text: string) {
  const m = text.match(MONEY_SIGN_FIRST) ?? text.match(MONEY_SIGN_AFTER);
  return m ? parseMoney(m[0], 'USD') : null;
}

const AMOUNT: readonly Strategy<{ amount: number; currency: string }>[] = [
  {
    id: 'text:money-beside-order-link',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      const link = row.querySelector(ORDER_LINK);
      for (let box = link?.parentElement ?? null, d = 0; box && d < 3; box = box.parentElement, d++) {
        const money = moneyIn(cleanTextOf(box, 2000));
        if (money) return money;
        if (box === row) break;
      }
      return null;
    },
  },
  {
    id: 'text:money-in-row',
    kind: 'text',
    seen: SEEN,
    read: (row) => {
      return moneyIn(cleanTextOf(row as Element, 4000));
    },
  },
];

/** Refunds and cancellations show as a short status word; every other listed order is paid. */
function statusOf(row: ParentNode): CapturedOrderRow['status'] {
  for (const el of row.querySelectorAll('span, div, p')) {
    if (el.children.length > 0) continue;
    const t = cleanTextOf(el, 60).toLowerCase();
    if (t.length > 40) continue;
    if (/\brefunded\b|erstattet|remboursée?/.test(t)) return 'refunded';
    if (/\bcancel(?:l)?ed\b|storniert|annulée?/.test(t)) return 'cancelled';
  }
  return 'paid';
}

export function readRowBuyer(row: Element, log?: StrategyLog): FoundBuyer | null {
  const b = readWith('buyer', row, BUYER, log);
  if (!b) return null;
  // An older layout linked the buyer's profile: its username is the steadier handle.
  const username = etsyUsername(row.querySelector('a[href*="/people/"]')?.getAttribute('href'));
  return username ? { ...b, buyerId: username } : b;
}

export function readSoldRow(row: Element, log?: StrategyLog): CapturedOrderRow | null {
  const buyer = readRowBuyer(row);
  const order = readWith('orderId', row, ORDER, log);
  const placedAt = readWith('orderDate', row, DATE, log);
  const total = readWith('amount', row, AMOUNT, log);
  if (!buyer || !order || placedAt === null || !total) return null;
  const links = [...row.querySelectorAll('a[href*="/transaction/"]')];
  const items = links.map((a) => {
    const around = cleanTextOf(a.parentElement, 500);
    const qty =
      Number.parseInt(
        around
          .match(/(?:quantity|qty|menge|quantité)\s*:?\s*(\d+)|[×x]\s?(\d+)\b/i)
          ?.slice(1)
          .find(Boolean) ?? '1',
        10,
      ) || 1;
    return {
      title: cleanTextOf(a, 500),
      qty,
      // The list prints one amount per order: a single-item order's unit price follows from it.
      unitPrice: links.length === 1 ? Math.round(total.amount / qty) : 0,
    };
  });
  return {
    orderId: order.id,
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: total.amount,
    currency: total.currency,
    status: statusOf(row),
    items,
    anchor: buyer.anchor,
  };
}
