import type { OrderStatus } from '../model';

/** `unpaid` rows (awaiting payment) are not orders yet; the importer rejects them with a reason. */
export type RowStatus = OrderStatus | 'unpaid';

/**
 * Keyword rules, checked in this order because statuses embed each other's words:
 * "partially refunded" is still a sale, "等待买家付款" contains "付款" but means unpaid,
 * and "交易关闭" must not fall through to a paid keyword.
 */
const RULES: ReadonlyArray<readonly [RowStatus, readonly string[]]> = [
  [
    'paid',
    [
      'partially_refunded',
      'partially refunded',
      'partial refund',
      '部分退款',
      'partially_paid',
      'partially paid',
    ],
  ],
  ['refunded', ['退款', '退货', 'refund', 'returned', 'return/refund', 'return', 'chargeback', 'reversed']],
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
      'not paid',
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
      'delivered',
      'unshipped',
      'processing',
      'fulfilled',
      'to ship',
      'shipping',
      'ready_to_ship',
      'ready to ship',
      'awaiting shipment',
      'in transit',
      'authorized',
      'success',
      'sold',
    ],
  ],
];

/**
 * Maps a marketplace status text to an order status; `undefined` when unknown (the importer
 * then rejects the row and names the status, so the seller can add it to the mapping).
 * An empty status means the export only lists sales: paid.
 */
export function mapStatus(raw: string, custom?: Readonly<Record<string, RowStatus>>): RowStatus | undefined {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s === '') return 'paid';
  if (custom) {
    for (const [k, v] of Object.entries(custom)) if (k.normalize('NFKC').trim().toLowerCase() === s) return v;
  }
  for (const [status, words] of RULES) {
    for (const w of words) if (s.includes(w)) return status;
  }
  return undefined;
}
