import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relinkBuyersByOrder } from '../../../core/import/buyerLinks';
import { importText } from '../../../core/import/text';

const load = (text: string) =>
  importText(text, { timeZone: 'UTC', now: 1, today: Date.UTC(2024, 11, 31) }).orders;

describe('relinkBuyersByOrder', () => {
  const orders = load(
    readFileSync(new URL('../../fixtures/import/etsy-orders.csv', import.meta.url), 'utf8'),
  );
  const stored = new Map(orders.map((o) => [o.key, o.buyerKey]));

  it('gives Order Items lines the Buyer User ID key stored for the same order', () => {
    const items = load(
      [
        'Sale Date,Item Name,Buyer,Quantity,Price,Item Total,Currency,Transaction ID,Listing ID,Order ID,Variations,SKU',
        '05/01/24,Mug,Maya Ortiz (mayao),1,40.00,40.00,USD,T1,L1,5200001,,M1',
        '05/20/24,Cup,Maya Ortiz (mayao),1,9.00,9.00,USD,T2,L2,5200099,,C1',
        '05/21/24,Cup,Zed Quinn (zq),1,9.00,9.00,USD,T3,L3,5200100,,C1',
      ].join('\n'),
    );
    expect(items.map((o) => o.buyerKey)).toEqual(['etsy:mayao', 'etsy:mayao', 'etsy:zq']);
    const r = relinkBuyersByOrder(items, (k) => stored.get(k));
    expect(r.links).toEqual([{ from: 'etsy:mayao', to: 'etsy:70011', orderKey: 'etsy:5200001' }]);
    // The new order 5200099 proves nothing itself but belongs to the same username: linked too.
    expect(r.orders.map((o) => o.buyerKey)).toEqual(['etsy:70011', 'etsy:70011', 'etsy:zq']);
  });

  it('leaves other platforms and unknown orders alone', () => {
    const other = orders.map((o) => ({ ...o, platform: 'shopify', buyerKey: `shopify:${o.orderId}` }));
    expect(relinkBuyersByOrder(other, (k) => stored.get(k.replace('shopify', 'etsy'))).links).toEqual([]);
    expect(relinkBuyersByOrder(orders, () => undefined).orders).toEqual(orders);
  });
});
