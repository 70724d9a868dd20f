import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRescorer } from '@/core/background/rescorer';
import type { ImportBatchDto } from '@/core/importExportDtos';
import { defaultSettings, type ImportRecord, type Order } from '@/core/model';
import { saveSettings } from '@/core/store';
import { testBackgrounds } from '../../support/background';
import { makeOrder } from '../../support/orders';

/*
 * Etsy's Orders file keys a buyer by Buyer User ID, its Order Items file by username: importing
 * both must give one buyer. The order both files contain proves the two handles are one buyer.
 */
const SOURCE = { headHash: 'ab', encoding: 'utf-8', batchSize: 2, timeZone: 'Europe/London', options: {} };
const NOW = Date.UTC(2026, 5, 1);
const shops = testBackgrounds('relink');

afterEach(() => {
  vi.restoreAllMocks();
});

async function setup() {
  const db = shops.database();
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'GBP', timeZone: 'Europe/London' });
  const rescorer = createRescorer({ db, now: () => NOW, browserLanguage: 'en' });
  // Classification is not under test: the rescore an import owes would outlive the test database.
  vi.spyOn(rescorer, 'full').mockImplementation((async () => {}) as never);
  return shops.background(db, { now: NOW, rescorer });
}

const etsy = (orderId: string, buyer: string, importId: string, day: number): Order =>
  makeOrder({
    platform: 'etsy',
    orderId,
    buyer,
    importId,
    currency: 'GBP',
    total: 2_000 + day,
    placedAt: Date.UTC(2026, 0, day),
  });

async function importBatches(call: Awaited<ReturnType<typeof setup>>['call'], batches: Order[][]) {
  const rec = await call<ImportRecord>('startImport', {
    fileName: 'EtsySoldOrders2026.csv',
    totalBytes: 100,
    preset: 'etsy',
    source: SOURCE,
  });
  let last: ImportBatchDto | undefined;
  for (const [i, orders] of batches.entries()) {
    last = await call<ImportBatchDto>('importBatch', {
      importId: rec.id,
      batchNo: i + 1,
      orders: orders.map((o) => ({ ...o, importId: rec.id })),
      rejects: [],
      rowsDone: (i + 1) * 2,
      bytesDone: (i + 1) * 10,
    });
  }
  await call('finishImport', { importId: rec.id, status: 'done' });
  return { id: rec.id, record: last?.record };
}

describe('buyers joined by an order both files contain', () => {
  it('moves every order of the file’s handle to the stored buyer, earlier batches included', async () => {
    const { db, call } = await setup();
    // Order Items file first: the buyer is "emmaclarke".
    await importBatches(call, [[etsy('1001', 'emmaclarke', 'x', 3), etsy('1002', 'emmaclarke', 'x', 9)]]);
    // Orders file: Buyer User ID 918273. Batch 1 holds an order only this file has; batch 2 the
    // shared order 1002 (the proof) and one more; batch 3 a later order.
    const second = await importBatches(call, [
      [etsy('1000', '918273', 'x', 1)],
      [etsy('1002', '918273', 'x', 9), etsy('1003', '918273', 'x', 12)],
      [etsy('1004', '918273', 'x', 20)],
    ]);
    expect(second.record?.buyerLinks).toEqual({ 'etsy:918273': 'etsy:emmaclarke' });
    expect(await db.buyers.get('etsy:918273')).toBeUndefined();
    const buyer = await db.buyers.get('etsy:emmaclarke');
    expect(buyer?.agg.orders).toBe(5);
    const keys = (await db.orders.where('buyerKey').equals('etsy:emmaclarke').primaryKeys()).sort();
    expect(keys).toEqual(['etsy:1000', 'etsy:1001', 'etsy:1002', 'etsy:1003', 'etsy:1004']);
  });

  it('follows a chain of links: a handle joined to a key that is itself joined later ends at one buyer', async () => {
    const { db, call } = await setup();
    await importBatches(call, [[etsy('4001', 'ivy', 'x', 2)]]);
    await importBatches(call, [[etsy('4002', 'ivy_shop', 'x', 3)]]);
    // One Orders file: 51 shares an order with ivy_shop, later ivy_shop shares one with ivy.
    const rec = await importBatches(call, [
      [etsy('4002', '51', 'x', 3), etsy('4003', '51', 'x', 4)],
      [etsy('4001', 'ivy_shop', 'x', 2)],
      [etsy('4005', '51', 'x', 9)],
    ]);
    expect(rec.record?.buyerLinks).toEqual({ 'etsy:51': 'etsy:ivy', 'etsy:ivy_shop': 'etsy:ivy' });
    const keys = (await db.orders.where('buyerKey').equals('etsy:ivy').primaryKeys()).sort();
    expect(keys).toEqual(['etsy:4001', 'etsy:4003', 'etsy:4005']);
    // Order 4002 was stored by the earlier import under ivy_shop and stays there.
    expect((await db.orders.get('etsy:4002'))?.buyerKey).toBe('etsy:ivy_shop');
  });

  it('keeps two handles apart when no order proves them one buyer, and other platforms alone', async () => {
    const { db, call } = await setup();
    await importBatches(call, [[etsy('2001', 'ann', 'x', 3)]]);
    const rec = await importBatches(call, [[etsy('2002', '55501', 'x', 4)]]);
    expect(rec.record?.buyerLinks).toBeUndefined();
    expect((await db.buyers.get('etsy:55501'))?.agg.orders).toBe(1);
    // Taobao keys its buyers one way only: an order re-imported under another key is not a link.
    await importBatches(call, [[makeOrder({ orderId: 't1', buyer: 'a' })]]);
    const tb = await importBatches(call, [[makeOrder({ orderId: 't1', buyer: 'b' })]]);
    expect(tb.record?.buyerLinks).toBeUndefined();
  });

  it('a buyer with a tag is kept even when a link empties it', async () => {
    const { db, call } = await setup();
    await importBatches(call, [[etsy('3001', 'zoe', 'x', 3)]]);
    const first = await importBatches(call, [[etsy('3000', '77', 'x', 1)]]);
    expect(first.record?.buyerLinks).toBeUndefined();
    // The seller tagged the id-keyed buyer before the proof arrived in a later file.
    const tag = await call<{ id: string }>('createTag', { name: 'wholesale' });
    await call('tagBuyers', { buyerKeys: ['etsy:77'], tagId: tag.id });
    const later = await importBatches(call, [[etsy('3001', '77', 'x', 3), etsy('3002', '77', 'x', 5)]]);
    expect(later.record?.buyerLinks).toEqual({ 'etsy:77': 'etsy:zoe' });
    // Only this import's orders move; order 3000 came from an earlier import and stays.
    expect((await db.buyers.get('etsy:77'))?.agg.orders).toBe(1);
    expect((await db.buyers.get('etsy:zoe'))?.agg.orders).toBe(2);
  });
});
