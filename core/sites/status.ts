import type { OrderStatus } from '../model';

/**
 * Maps a page's status text to our three states. Unpaid / awaiting-payment orders return null:
 * they are not sales yet, so capture skips them rather than guessing.
 */
export function statusFromText(text: string): OrderStatus | null {
  const t = text.toLowerCase();
  if (/等待买家付款|待付款|pending payment|payment pending|awaiting payment|^pending\b/.test(t)) return null;
  if (/退款成功|已退款|refund/.test(t)) return 'refunded';
  if (/交易关闭|已取消|取消|cancel/.test(t)) return 'cancelled';
  if (
    /交易成功|已付款|买家已付款|等待卖家发货|卖家已发货|已发货|等待买家确认收货|待发货|paid|shipped|unshipped|completed|complete|delivered|dispatched|in transit/.test(
      t,
    )
  ) {
    return 'paid';
  }
  return null;
}
