import { Interned } from '../model';
import { type HashLanes, hashStringInto } from './hash';
import { HashIndex } from './hashIndex';

/** What conflict checks need of an order that has already left the importer. */
export interface OrderSignature {
  orderId: string;
  firstLine: number;
  buyerKey: string;
  placedAt: number;
  currency?: string;
  total?: number;
  totalLine?: number;
}

/**
 * Compact memory of every order the importer has emitted, so a later row with the same order id
 * is still checked (duplicate row, conflicting buyer/date/currency/total) without keeping the
 * order's items. Columns live in typed arrays; buyer keys and currencies are interned (a shop
 * has far fewer buyers than order lines). About 40 bytes per order instead of a full draft.
 */
export class OrderLedger {
  private readonly index = new HashIndex(4096);
  private readonly lanes: HashLanes = { a: 0, b: 0 };
  private firstLine = new Int32Array(1024);
  private totalLine = new Int32Array(1024);
  private buyer = new Int32Array(1024);
  private currency = new Int32Array(1024);
  private placedAt = new Float64Array(1024);
  private total = new Float64Array(1024);
  private readonly strings = new Interned();
  private count = 0;

  get size(): number {
    return this.count;
  }

  private intern(s: string | undefined): number {
    return s === undefined ? -1 : this.strings.of(s);
  }

  private ensure(): void {
    if (this.count < this.firstLine.length) return;
    const n = this.firstLine.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.firstLine = grow(this.firstLine, (k) => new Int32Array(k));
    this.totalLine = grow(this.totalLine, (k) => new Int32Array(k));
    this.buyer = grow(this.buyer, (k) => new Int32Array(k));
    this.currency = grow(this.currency, (k) => new Int32Array(k));
    this.placedAt = grow(this.placedAt, (k) => new Float64Array(k));
    this.total = grow(this.total, (k) => new Float64Array(k));
  }

  add(key: string, s: OrderSignature): void {
    this.ensure();
    const i = this.count++;
    this.firstLine[i] = s.firstLine;
    this.totalLine[i] = s.totalLine ?? -1;
    this.buyer[i] = this.intern(s.buyerKey);
    this.currency[i] = this.intern(s.currency);
    this.placedAt[i] = s.placedAt;
    this.total[i] = s.total ?? Number.NaN;
    this.index.set(hashStringInto(key, this.lanes), i);
  }

  /** The emitted order with this key; `orderId` is the caller's (the key embeds it). */
  get(key: string, orderId: string): OrderSignature | undefined {
    const i = this.index.get(hashStringInto(key, this.lanes));
    if (i === undefined) return undefined;
    const sig: OrderSignature = {
      orderId,
      firstLine: this.firstLine[i],
      buyerKey: this.strings.values[this.buyer[i]],
      placedAt: this.placedAt[i],
    };
    if (this.currency[i] >= 0) sig.currency = this.strings.values[this.currency[i]];
    if (!Number.isNaN(this.total[i])) {
      sig.total = this.total[i];
      sig.totalLine = this.totalLine[i];
    }
    return sig;
  }
}
