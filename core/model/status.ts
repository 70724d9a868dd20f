/**
 * The one order-status vocabulary: what a marketplace's status text (on a page or in an export)
 * means for scoring. Sites and import both read statuses through `readStatusText`, so a captured
 * and an imported copy of one order get the same status.
 *
 * No imports (the content script bundles this file; it must stay free of zod).
 */

/** Our stored states plus `unpaid`: awaiting payment is not a sale yet, so it is never stored. */
export type StatusMeaning = 'paid' | 'refunded' | 'cancelled' | 'unpaid';

export interface StatusReading {
  status: StatusMeaning;
  /**
   * A partial refund: the order is a sale (status `paid`) and the refunded amount, where the
   * source gives it, is subtracted from its spend.
   */
  partialRefund?: true;
}

/**
 * Keyword rules, checked in this order because statuses embed each other's words: "partially
 * refunded" is still a sale, "等待买家付款" contains "付款" but means unpaid, "交易关闭" must not
 * fall through to a paid keyword, and "unshipped" contains "shipped". Matching is on lower-cased
 * NFKC text, by substring.
 */
const PARTIAL_REFUND = ['partially_refunded', 'partially refunded', 'partial refund', '部分退款'];

const RULES: ReadonlyArray<readonly [StatusMeaning, readonly string[]]> = [
  // Shopify `partially_paid`: a deposit was taken, so money changed hands.
  ['paid', ['partially_paid', 'partially paid']],
  [
    'refunded',
    [
      '退款成功',
      '已退款',
      '退款',
      '退货',
      'refund',
      'returned',
      'return/refund',
      'return',
      'chargeback',
      'reversed',
    ],
  ],
  [
    'cancelled',
    [
      '交易关闭',
      '已关闭',
      '已取消',
      '取消',
      '关闭',
      'cancel',
      'closed',
      'voided',
      'void',
      'failed',
      'declined',
      'rejected',
      'expired',
    ],
  ],
  [
    'unpaid',
    [
      '等待买家付款',
      '待付款',
      '未付款',
      'unpaid',
      'awaiting payment',
      'pending payment',
      'payment pending',
      'not paid',
      // Shopify `authorized`: the card was only authorised; no money was captured.
      'authorized',
      'authorised',
      'pending',
      'on-hold',
      'on hold',
      'draft',
    ],
  ],
  [
    'paid',
    [
      '交易成功',
      '已发货',
      '等待买家确认收货',
      '卖家已发货',
      '买家已付款',
      '已付款',
      '等待卖家发货',
      '待发货',
      '已完成',
      '已收货',
      '已签收',
      '成功',
      'paid',
      'completed',
      'complete',
      'finished',
      'shipped',
      'dispatched',
      'delivered',
      'processing',
      'fulfilled',
      'to ship',
      'shipping',
      'ready_to_ship',
      'ready to ship',
      'awaiting shipment',
      'in transit',
      'success',
      'sold',
    ],
  ],
];

/** Lower-cased NFKC form used for every comparison. */
export function normaliseStatusText(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/**
 * What a status text means; `undefined` when unknown (import rejects the line naming the text,
 * capture skips the order). Empty text is `undefined` too: callers decide what no status means.
 */
export function readStatusText(raw: string): StatusReading | undefined {
  const s = normaliseStatusText(raw);
  if (s === '') return undefined;
  for (const w of PARTIAL_REFUND) if (s.includes(w)) return { status: 'paid', partialRefund: true };
  for (const [status, words] of RULES) {
    for (const w of words) if (s.includes(w)) return { status };
  }
  return undefined;
}
