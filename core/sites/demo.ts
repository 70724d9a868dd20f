import { parseDateTime, parseIsoAttr } from './dates';
import { foundBuyer, uniqueBuyers } from './found';
import { parseMoney } from './money';
import { queryAllDated, queryDated } from './query';
import { statusFromText } from './status';
import { cleanAttr, cleanText, cleanTextOf } from './text';
import type { CapturedOrderRow, ChatMessage, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/** The demo marketplace served by tests/demo/server.ts (DOM contract in chatPage.ts/ordersPage.ts). */
const V = '2026-11-22';

const selectors = {
  chatBuyer: { current: '#chat-header [data-buyer-id]', since: V, fallbacks: [], kinds: ['chat'] },
  chatInput: {
    current: '#reply-input',
    since: V,
    fallbacks: [{ selector: '#chat-panel textarea', until: V, note: 'any textarea in the open chat' }],
    kinds: ['chat'],
  },
  conversationBuyer: {
    current: '#conversation-list .conversation-name[data-buyer-id]',
    since: V,
    fallbacks: [],
    kinds: ['chat'],
  },
  message: {
    current: '#message-thread li.message[data-from]',
    since: V,
    fallbacks: [],
    kinds: ['chat'],
    optional: true,
  },
  messageText: { current: '.bubble', since: V, fallbacks: [], kinds: ['chat'], optional: true },
  orderRow: {
    current: '#order-table tr.order-row',
    since: V,
    fallbacks: [{ selector: 'tr[data-order-id]', until: V }],
    kinds: ['orders'],
  },
  orderBuyer: {
    current: '.col-buyer .buyer-name[data-buyer-id]',
    since: V,
    fallbacks: [],
    kinds: ['orders'],
  },
  orderId: { current: '.col-order-id', since: V, fallbacks: [], kinds: ['orders'] },
  orderDate: {
    current: '.col-date time',
    since: V,
    fallbacks: [{ selector: '.col-date', until: V }],
    kinds: ['orders'],
  },
  orderTotal: {
    current: '.col-total .total-amount',
    since: V,
    fallbacks: [{ selector: '.col-total', until: V }],
    kinds: ['orders'],
  },
  orderStatus: {
    current: '.col-status [data-status]',
    since: V,
    fallbacks: [{ selector: '.col-status', until: V }],
    kinds: ['orders'],
  },
  orderItem: { current: '.col-items li.item', since: V, fallbacks: [], kinds: ['orders'] },
  orderCountry: { current: '.col-country', since: V, fallbacks: [], kinds: ['orders'], optional: true },
} satisfies Record<string, DatedSelector>;

const BEIJING = 480;

function buyerFrom(el: Element | null): FoundBuyer | null {
  return el ? foundBuyer(el, el.getAttribute('data-buyer-id'), el.textContent) : null;
}

function readRow(row: Element): CapturedOrderRow | null {
  const orderId =
    cleanTextOf(queryDated(row, selectors.orderId), 100) || cleanAttr(row, 'data-order-id', 100);
  const buyer = buyerFrom(queryDated(row, selectors.orderBuyer));
  const dateEl = queryDated(row, selectors.orderDate);
  const placedAt =
    parseIsoAttr(dateEl?.getAttribute('datetime')) ??
    parseDateTime(cleanTextOf(dateEl), { offsetMinutes: BEIJING });
  const money = parseMoney(cleanTextOf(queryDated(row, selectors.orderTotal)), 'CNY');
  const statusEl = queryDated(row, selectors.orderStatus);
  const status = statusFromText(statusEl?.getAttribute('data-status') ?? cleanTextOf(statusEl));
  if (!orderId || !buyer || placedAt === null || !money || !status) return null;
  const items = queryAllDated(row, selectors.orderItem).map((li) => ({
    title: cleanTextOf(li.querySelector('.item-title'), 500),
    qty: Number.parseInt(cleanTextOf(li.querySelector('.item-qty')).replace(/\D/g, ''), 10) || 1,
    unitPrice: parseMoney(cleanTextOf(li.querySelector('.item-price')), 'CNY')?.amount ?? 0,
    sku: cleanAttr(li, 'data-sku', 200) || undefined,
    category: cleanAttr(li, 'data-category', 200) || undefined,
  }));
  const country = cleanTextOf(queryDated(row, selectors.orderCountry));
  return {
    orderId,
    buyerId: buyer.buyerId,
    buyerName: buyer.name,
    placedAt,
    total: money.amount,
    currency: money.currency,
    status,
    items,
    ...(/^[A-Z]{2}$/.test(country) ? { shipCountry: country } : {}),
    anchor: buyer.anchor,
  };
}

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  label: 'Demo Marketplace',
  platform: 'demo',
  matches: ['http://127.0.0.1/*'],
  pageKinds(url) {
    if (url.pathname.startsWith('/chat')) return ['chat'];
    if (url.pathname.startsWith('/orders')) return ['orders'];
    return [];
  },
  selectors,
  readChatBuyer: (root) => buyerFrom(queryDated(root, selectors.chatBuyer)),
  findChatInput: (root) => queryDated(root, selectors.chatInput) as HTMLElement | null,
  readListBuyers: (root) =>
    uniqueBuyers([
      ...queryAllDated(root, selectors.conversationBuyer).map(buyerFrom),
      ...queryAllDated(root, selectors.orderRow).map((row) =>
        buyerFrom(queryDated(row, selectors.orderBuyer)),
      ),
    ]),
  readOrderRows: (root) =>
    queryAllDated(root, selectors.orderRow)
      .map(readRow)
      .filter((r): r is CapturedOrderRow => r !== null),
  readMessages: (root): ChatMessage[] =>
    queryAllDated(root, selectors.message).flatMap((li) => {
      const from = li.getAttribute('data-from');
      if (from !== 'buyer' && from !== 'seller') return [];
      const text = cleanText(queryDated(li, selectors.messageText)?.textContent, 5000);
      const at = parseIsoAttr(li.querySelector('time')?.getAttribute('datetime'));
      return text ? [{ from, text, ...(at !== null ? { at } : {}) }] : [];
    }),
};
