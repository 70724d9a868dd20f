import { foundBuyer } from '../found';
import { readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanTextOf } from '../text';
import type { FoundBuyer } from '../types';
import { LABEL_PATTERNS } from './labels';

/*
 * Buyer–seller messaging (/messaging/…). No public source shows this page's markup (evidence:
 * sites-2026.md, "no verified public markup source found"), so nothing here relies on a class
 * or test id: the open thread is found by what any thread view must show — the order it is
 * about (a link to /orders-v3/order/<id> or the 3-7-7 digit order id) and a heading or a
 * "Buyer name:" line naming the buyer. When neither reads, the health chip asks to be taught.
 */
const SEEN = '2026-12-03';
// Evidence for the strategies below (a comment, so it costs the bundle nothing): no public markup source (sites-2026.md); generic ARIA/structure/text signals
const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/;
const HEADINGS = 'h1, h2, h3, h4, [role="heading"]';

/** The part of the page showing the open thread: the main landmark, else the whole page. */
function threadScope(root: ParentNode): ParentNode {
  return root.querySelector('[role="main"], main') ?? root;
}

/** The element naming the open thread's order, and the id. */
export function threadOrder(root: ParentNode): { id: string; el: Element } | null {
  const scope = threadScope(root);
  for (const a of scope.querySelectorAll('a[href*="/orders-v3/order/"]')) {
    const id = a.getAttribute('href')?.match(ORDER_ID)?.[0] ?? cleanTextOf(a).match(ORDER_ID)?.[0];
    if (id) return { id, el: a };
  }
  for (const el of scope.querySelectorAll('span, div, p, a')) {
    if (el.querySelector('div, p')) continue;
    const id = cleanTextOf(el, 200).match(ORDER_ID)?.[0];
    if (id) return { id, el };
  }
  return null;
}

const BUYER: readonly Strategy<Element>[] = [
  {
    id: 'aria:heading-beside-order',
    kind: 'aria',
    seen: SEEN,
    read: (root) => {
      // The thread header: the nearest ancestor of the order reference that also holds a heading.
      const order = threadOrder(root);
      let box = order?.el.parentElement ?? null;
      for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
        const h = [...box.querySelectorAll(HEADINGS)].find((el) => {
          const t = cleanTextOf(el);
          return t !== '' && !ORDER_ID.test(t);
        });
        if (h) return h;
      }
      return null;
    },
  },
  {
    id: 'text:buyer-label',
    kind: 'text',
    seen: SEEN,
    read: (root) => {
      for (const line of threadScope(root).querySelectorAll('div, span, p, dd, li')) {
        if (line.querySelector('div, p')) continue;
        const t = cleanTextOf(line, 400);
        const m = t.match(LABEL_PATTERNS.buyer);
        if (m && t.length > m[0].length) return line.querySelector('a, strong, b') ?? line;
      }
      return null;
    },
  },
];

/** The buyer named in the open thread's header, or null (the order id alone is read by the list). */
export function readThreadBuyer(root: ParentNode, log?: StrategyLog): FoundBuyer | null {
  const el = readWith('threadBuyer', root, BUYER, log);
  if (!el) return null;
  const raw = cleanTextOf(el);
  const m = raw.match(LABEL_PATTERNS.buyer);
  const found = foundBuyer(el, null, m ? raw.slice(m[0].length) : raw);
  const order = threadOrder(root);
  return found && order ? { ...found, orderId: order.id } : found;
}

const INPUT: readonly Strategy<HTMLElement>[] = [
  {
    id: 'aria:main-textbox',
    kind: 'aria',
    seen: SEEN,
    read: (root) =>
      threadScope(root).querySelector<HTMLElement>('textarea, [contenteditable="true"][role="textbox"]'),
  },
  {
    id: 'structure:any-textarea',
    kind: 'structure',
    seen: SEEN,
    read: (root) => root.querySelector<HTMLElement>('textarea'),
  },
];

export function findThreadInput(root: ParentNode, log?: StrategyLog): HTMLElement | null {
  return readWith('chatInput', root, INPUT, log);
}
