import type { BuyerAggregate } from '../model';

/** Up to this many purchase days a day is found by a scan; beyond, through a Map. */
const SCAN_DAYS = 16;

/**
 * One buyer's spend and paid orders per purchase day, as aggregation meets them. Reused from
 * buyer to buyer (`reset`), because fresh arrays per buyer were most of an import's garbage; a
 * buyer has few purchase days, so a scan beats hashing until there are many.
 */
export class DayTally {
  private readonly keys: number[] = [];
  private readonly spend: number[] = [];
  private readonly orders: number[] = [];
  private readonly index = new Map<number, number>();
  private indexed = false;

  reset(): void {
    this.keys.length = 0;
    this.spend.length = 0;
    this.orders.length = 0;
    this.index.clear();
    this.indexed = false;
  }

  /** Adds `orders` paid orders worth `spend` on `day`. */
  add(day: number, spend: number, orders: number): void {
    const keys = this.keys;
    const known = keys.length;
    if (!this.indexed && known > SCAN_DAYS) {
      for (let d = 0; d < known; d++) this.index.set(keys[d], d);
      this.indexed = true;
    }
    let slot = -1;
    if (this.indexed) slot = this.index.get(day) ?? -1;
    else {
      for (let d = 0; d < known; d++) {
        if (keys[d] === day) {
          slot = d;
          break;
        }
      }
    }
    if (slot >= 0) {
      this.spend[slot] += spend;
      this.orders[slot] += orders;
      return;
    }
    if (this.indexed) this.index.set(day, known);
    keys.push(day);
    this.spend.push(spend);
    this.orders.push(orders);
  }

  /** The days in ascending order, as an aggregate stores them. */
  sorted(): BuyerAggregate['days'] {
    const { keys, spend, orders } = this;
    const order = keys.map((_, i) => i).sort((i, j) => keys[i] - keys[j]);
    const days: BuyerAggregate['days'] = new Array(order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      days[k] = [keys[i], spend[i], orders[i]];
    }
    return days;
  }
}
