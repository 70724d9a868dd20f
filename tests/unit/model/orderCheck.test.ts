import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulkOrder, isCertainlyValidOrder, Order } from '@/core/model';
import { makeOrder } from '../../support/orders';
import { nearMissFor, validFor } from '../fuzz/zodArb';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

describe('the fast order check', () => {
  it('never vouches for an order the schema refuses (schema-shaped and near-miss orders)', () => {
    fc.assert(
      fc.property(fc.oneof(validFor(Order), nearMissFor(Order)), (o) => {
        const fast = isCertainlyValidOrder(o);
        expect(!fast || Order.safeParse(o).success, JSON.stringify(o).slice(0, 400)).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('says yes to every schema-shaped order the schema accepts (so the fast path is the usual one)', () => {
    // Near misses the schema accepts are orders with extra keys, which it strips: those go to it.
    fc.assert(
      fc.property(validFor(Order), (o) => {
        if (Order.safeParse(o).success)
          expect(isCertainlyValidOrder(o), JSON.stringify(o).slice(0, 400)).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('says yes to the orders importers and capture build', () => {
    const o = makeOrder({
      orderId: 'T1',
      buyerName: 'Ann',
      shipCountry: 'CN',
      discount: 100,
      importId: 'imp_1',
    });
    expect(Order.safeParse(o).success).toBe(true);
    expect(isCertainlyValidOrder(o)).toBe(true);
  });

  it('refuses what the schema would strip or reject: extra keys, bad codes, unsafe numbers', () => {
    const o = makeOrder({ orderId: 'T2' });
    expect(isCertainlyValidOrder({ ...o, extra: 1 })).toBe(false);
    expect(isCertainlyValidOrder({ ...o, currency: 'usd' })).toBe(false);
    expect(isCertainlyValidOrder({ ...o, total: 2 ** 53 })).toBe(false);
    expect(isCertainlyValidOrder({ ...o, placedAt: -1 })).toBe(false);
    expect(isCertainlyValidOrder({ ...o, items: [{ title: 'x', qty: 1.5, unitPrice: 1 }] })).toBe(false);
    expect(isCertainlyValidOrder(Object.assign(Object.create({ inherited: 1 }), o))).toBe(false);
  });

  it('as BulkOrder accepts and refuses exactly what Order does, naming the same paths', () => {
    fc.assert(
      fc.property(fc.oneof(validFor(Order), nearMissFor(Order)), (o) => {
        const a = Order.safeParse(o);
        const b = BulkOrder.safeParse(o);
        expect(b.success).toBe(a.success);
        if (!a.success && !b.success) {
          expect(b.error.issues.map((i) => i.path.join('.'))).toEqual(
            a.error.issues.map((i) => i.path.join('.')),
          );
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
