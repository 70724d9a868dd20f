import type { OrderStatus } from '../model/order';
import { readStatusText } from '../model/status';

/**
 * Maps a page's status text to our three states through the shared vocabulary
 * (`core/model/status`, the same one file import uses). Unpaid / awaiting-payment and unknown
 * texts return null: they are not sales yet (or not understood), so capture skips them rather
 * than guessing. A partial refund is a sale (`paid`).
 */
export function statusFromText(text: string): OrderStatus | null {
  const r = readStatusText(text);
  return r === undefined || r.status === 'unpaid' ? null : r.status;
}
