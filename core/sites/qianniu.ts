import { uniqueBuyers } from './found';
import { ordersOfMessage } from './qianniu/bridge';
import { GROUPS, readGroupBuyer, readGroupOrder } from './qianniu/orders';
import { readWith, type StrategyLog } from './strategy';
import type { CapturedOrderRow, DatedSelector, SiteAdapter } from './types';

/**
 * 千牛 / 淘宝 sold orders (已卖出的宝贝), new and classic pages. The DOM is read by labels and digit
 * patterns (qianniu/orders.ts); where the page loads its orders as JSON, a page-world observer
 * posts them and ordersFromPageData checks every one (qianniu/bridge.ts, qianniu/json.ts).
 */
const SEEN = '2026-04-01';

const selectors = {
  orderTable: {
    current: '.next-table-body table',
    since: SEEN,
    fallbacks: [{ selector: 'table', until: '2021-12-31', note: 'classic list_sold_items' }],
    kinds: ['orders'],
  },
} satisfies Record<string, DatedSelector>;

function groups(root: ParentNode, log?: StrategyLog) {
  return readWith('orderGroup', root, GROUPS, log) ?? [];
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
  readListBuyers: (root, log) => uniqueBuyers(groups(root, log).map((g) => readGroupBuyer(g, root, log))),
  readOrderRows: (root, log) =>
    groups(root)
      .map((g) => readGroupOrder(g, root, log))
      .filter((r): r is CapturedOrderRow => r !== null),
  ordersFromPageData: (data, nonce, now) => ordersOfMessage(data, nonce, 'taobao', now),
};
