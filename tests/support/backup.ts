/** Small, valid backup data sets: one buyer with an order, a tag, a note, a class change and an import. */
import type { BackupData, BackupInput } from '@/core/backup';
import { type Buyer, defaultSettings, EMPTY_AGGREGATE, type Settings } from '@/core/model';
import { defaultLexicon, emptyNeedsRecord } from '@/core/needs';
import { DEFAULT_ACTION_TEMPLATES } from '@/core/scoring/actions';

interface SampleText {
  settings: Settings;
  buyerName: string;
  /** The buyer's one paid day: `[epoch day, spend]`, or with that day's order count after them. */
  day: [number, number] | [number, number, number];
  /** The name the order carries, when it carries one. */
  orderBuyerName?: string;
  note: string;
}

function sampleTables(text: SampleText): BackupInput {
  const buyer: Buyer = {
    key: 'taobao:小明',
    platform: 'taobao',
    buyerId: '小明',
    name: text.buyerName,
    firstSeenAt: 1,
    lastSeenAt: 2,
    agg: {
      ...EMPTY_AGGREGATE,
      orders: 1,
      paidOrders: 1,
      paidSpend: 1000,
      days: [text.day],
      categorySpend: { '': 1000 },
      countries: { CN: 1 },
    },
    lastOrderAt: 2,
    segment: 'new',
    tier: 'low',
    lifecycle: 'new',
  };
  return {
    settings: text.settings,
    buyers: [buyer],
    orders: [
      {
        key: 'taobao:1',
        orderId: '1',
        platform: 'taobao',
        buyerKey: buyer.key,
        ...(text.orderBuyerName === undefined ? {} : { buyerName: text.orderBuyerName }),
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
    notes: [{ buyerKey: buyer.key, text: text.note, updatedAt: 1 }],
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
  };
}

/** The version-1 tables only, with plain Chinese text. */
export function sampleBackupInput(): BackupInput {
  return sampleTables({
    settings: defaultSettings('zh-CN'),
    buyerName: '小明',
    day: [19000, 1000],
    note: '喜欢绿茶',
  });
}

/**
 * Every backup table, with hostile text where it is shown or exported (markup, a spreadsheet
 * formula, a bidi override); shared by the fuzz and security suites.
 */
export function sampleBackupData(): BackupData {
  const v1 = sampleTables({
    settings: { ...defaultSettings('zh-CN'), currencyRates: { USD: 7.1 }, capture: { taobao: false } },
    buyerName: '<img src=x onerror=alert(1)>',
    day: [19000, 1000, 1],
    orderBuyerName: '=HYPERLINK("http://evil.example")',
    note: '喜欢绿茶 \u202eevil',
  });
  return {
    ...v1,
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
    needs: [{ ...emptyNeedsRecord(v1.buyers[0].key, 4), chats: 1, seenChatDays: [19000], dayNeeds: [1] }],
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
