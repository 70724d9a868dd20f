/** A small, valid data set touching every backup table; shared by the fuzz and security suites. */
import type { BackupData } from '@/core/backup';
import { type Buyer, defaultSettings, EMPTY_AGGREGATE } from '@/core/model';
import { defaultLexicon, emptyNeedsRecord } from '@/core/needs';
import { DEFAULT_ACTION_TEMPLATES } from '@/core/scoring/actions';

export function sampleBackupData(): BackupData {
  const buyer: Buyer = {
    key: 'taobao:小明',
    platform: 'taobao',
    buyerId: '小明',
    name: '<img src=x onerror=alert(1)>',
    firstSeenAt: 1,
    lastSeenAt: 2,
    agg: {
      ...EMPTY_AGGREGATE,
      orders: 1,
      paidOrders: 1,
      paidSpend: 1000,
      days: [[19000, 1000, 1]],
      categorySpend: { '': 1000 },
      countries: { CN: 1 },
    },
    lastOrderAt: 2,
    segment: 'new',
    tier: 'low',
    lifecycle: 'new',
  };
  return {
    settings: { ...defaultSettings('zh-CN'), currencyRates: { USD: 7.1 }, capture: { taobao: false } },
    buyers: [buyer],
    orders: [
      {
        key: 'taobao:1',
        orderId: '1',
        platform: 'taobao',
        buyerKey: buyer.key,
        buyerName: '=HYPERLINK("http://evil.example")',
        placedAt: 2,
        total: 1000,
        currency: 'CNY',
        items: [{ title: '袜子', qty: 1, unitPrice: 1000 }],
        status: 'paid',
        source: 'import',
        importId: 'i1',
        updatedAt: 3,
      },
    ],
    tags: [{ id: 't1', name: 'wholesale', color: '#3366ff', createdAt: 1 }],
    buyerTags: [{ buyerKey: buyer.key, tagId: 't1', at: 1 }],
    notes: [{ buyerKey: buyer.key, text: '喜欢绿茶 \u202eevil', updatedAt: 1 }],
    classChanges: [{ id: 1, buyerKey: buyer.key, dimension: 'segment', from: 'new', to: 'loyal', at: 5 }],
    imports: [
      {
        id: 'i1',
        fileName: 'orders.csv',
        preset: 'taobao',
        startedAt: 1,
        finishedAt: 2,
        status: 'done',
        committedBytes: 10,
        totalBytes: 10,
        counts: { rows: 1, new: 1, duplicate: 0, updated: 0, rejected: 0 },
        rejects: [],
      },
    ],
    siteRules: [
      {
        id: 'r1',
        origin: 'https://seller.example.com',
        label: 'Seller',
        chatBuyerSelector: '[data-buyer]',
        createdAt: 1,
      },
    ],
    selectorHealth: [
      { site: 'taobao', hits: 3, misses: 1, lastMissAt: 2, lastMissUrl: 'https://x.example/' },
    ],
    needs: [{ ...emptyNeedsRecord(buyer.key, 4), chats: 1, seenChatDays: [19000], dayNeeds: [1] }],
    importRejects: [{ id: 1, importId: 'i1', line: 3, field: 'total', reason: 'not a number' }],
    importPresets: [
      {
        id: 'p1',
        name: 'My sheet',
        mapping: { buyerId: 'Kunde', date: 'Datum', total: 'Betrag' },
        createdAt: 1,
      },
    ],
    actionTemplates: DEFAULT_ACTION_TEMPLATES.slice(0, 2),
    needsLexicon: defaultLexicon(),
  };
}
