import { findReplyBox, readConversation, readConversationBuyer } from './etsy/messages';
import { ROWS, readRowBuyer, readSoldRow } from './etsy/orders';
import { uniqueBuyers } from './found';
import { readWith, type StrategyLog } from './strategy';
import type { CapturedOrderRow, DatedSelector, PageKind, SiteAdapter } from './types';

/**
 * Etsy: sold orders (Orders & Shipping) and buyer messages. Field reading lives in
 * etsy/orders.ts and etsy/messages.ts, each field with its dated strategies.
 */
const SEEN = '2026-08-10';

const selectors = {
  orderRow: {
    current: 'section.order-group-list .panel-body-row',
    since: SEEN,
    fallbacks: [{ selector: 'a[href*="order_id="]', until: SEEN }],
    kinds: ['orders'],
  },
  replyBox: {
    current: 'textarea.new-message-textarea-min-height',
    since: SEEN,
    fallbacks: [{ selector: 'textarea', until: SEEN }],
    kinds: ['chat'],
  },
} satisfies Record<string, DatedSelector>;

function rows(root: ParentNode, log?: StrategyLog): Element[] {
  return readWith('orderRow', root, ROWS, log) ?? [];
}

function kindsOf(url: URL): PageKind[] {
  if (url.pathname.startsWith('/your/orders/sold')) return ['orders'];
  if (/^\/(?:your\/)?(?:messages|conversations)/.test(url.pathname)) return ['chat'];
  return [];
}

export const etsyAdapter: SiteAdapter = {
  id: 'etsy',
  label: 'Etsy',
  platform: 'etsy',
  matches: [
    'https://www.etsy.com/your/orders/sold*',
    'https://www.etsy.com/messages*',
    'https://www.etsy.com/conversations*',
    'https://www.etsy.com/your/conversations*',
  ],
  pageKinds: kindsOf,
  selectors,
  readChatBuyer: (root, log) => (rows(root).length === 0 ? readConversationBuyer(root, log) : null),
  findChatInput: (root, log) => findReplyBox(root, log),
  readMessages: (root, log) => readConversation(root, log),
  readListBuyers: (root, log) => uniqueBuyers(rows(root, log).map((row) => readRowBuyer(row, log))),
  readOrderRows: (root, log) =>
    rows(root, log)
      .map((row) => readSoldRow(row, log))
      .filter((r): r is CapturedOrderRow => r !== null),
};
