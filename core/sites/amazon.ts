import { MARKETPLACE_PATTERNS } from './amazon/marketplaces';
import { findThreadInput, readThreadBuyer, threadOrder } from './amazon/messaging';
import { ROW_STRATEGIES, readOrderRow, readRowIdentity } from './amazon/orders';
import { marketplaceOfPage } from './amazon/page';
import { uniqueBuyers } from './found';
import { readWith, type StrategyLog } from './strategy';
import type { CapturedOrderRow, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/**
 * Amazon Seller Central on every marketplace: Manage Orders (orders-v3) and buyer messaging.
 * Field reading lives in amazon/orders.ts and amazon/messaging.ts, the words of each account
 * language in amazon/labels.ts, the marketplaces in amazon/marketplaces.ts.
 */
const SEEN = '2025-06-24';

/** What health checks expect on an orders page (the strategies hold the fallbacks). */
const selectors = {
  orderRow: {
    current: '#orders-table > tbody > tr',
    since: SEEN,
    fallbacks: [{ selector: 'tr a[href*="/orders-v3/order/"]', until: SEEN }],
    kinds: ['orders'],
  },
  orderId: {
    current: 'td[data-test-id="oth-order-details"] .cell-body-title a',
    since: SEEN,
    fallbacks: [{ selector: 'a[href*="/orders-v3/order/"]', until: SEEN }],
    kinds: ['orders'],
  },
  orderDate: {
    current: 'td[data-test-id="oth-order-date"] .cell-body',
    since: SEEN,
    fallbacks: [],
    kinds: ['orders'],
  },
  buyerName: {
    current: '[data-test-id="buyer-name-with-link"]',
    since: SEEN,
    fallbacks: [],
    kinds: ['orders'],
    // Rows of some orders show no buyer name; they are badged by order id.
    optional: true,
  },
} satisfies Record<string, DatedSelector>;

function rows(root: ParentNode, log?: StrategyLog): Element[] {
  return readWith('orderRow', root, ROW_STRATEGIES, log) ?? [];
}

/** A thread view: an order reference outside any order list (the list's rows each have one). */
function threadShown(root: ParentNode): boolean {
  return rows(root).length === 0 && threadOrder(root) !== null;
}

function isMessaging(url: URL): boolean {
  return url.pathname.startsWith('/messaging/');
}

export const amazonAdapter: SiteAdapter = {
  id: 'amazon',
  label: 'Amazon Seller Central',
  platform: 'amazon',
  matches: MARKETPLACE_PATTERNS,
  pageKinds: (url) => (url.pathname.startsWith('/orders-v3') ? ['orders'] : isMessaging(url) ? ['chat'] : []),
  selectors,
  readChatBuyer: (root, log) => (threadShown(root) ? readThreadBuyer(root, log) : null),
  findChatInput: (root, log) => (threadShown(root) ? findThreadInput(root, log) : null),
  readListBuyers: (root, log) => {
    const listed = rows(root, log).map((row): FoundBuyer | null => readRowIdentity(row, log).buyer);
    // A thread whose header shows only the order id: badged through the order once it is known.
    if (listed.length === 0 && threadShown(root) && !readThreadBuyer(root)) {
      const order = threadOrder(root);
      if (order) listed.push({ buyerId: '', name: '', orderId: order.id, anchor: order.el });
    }
    return uniqueBuyers(listed);
  },
  readOrderRows: (root, log) => {
    const market = marketplaceOfPage(root);
    return rows(root, log)
      .map((row) => readOrderRow(row, market, log))
      .filter((r): r is CapturedOrderRow => r !== null);
  },
};
