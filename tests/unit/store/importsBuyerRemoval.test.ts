import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRescorer } from '@/core/background/rescorer';
import type { ImportBatchDto } from '@/core/importExportDtos';
import { defaultSettings, type ImportRecord, type Order } from '@/core/model';
import { emptyNeedsRecord } from '@/core/needs/record';
import { type BuyerTiersDB, saveSettings } from '@/core/store';
import { removeEmptyBuyers } from '@/core/store/buyerRemoval';
import { testBackgrounds } from '../../support/background';
import { makeOrder } from '../../support/orders';

/*
 * A buyer that existed only because of an import goes with it, and nothing of theirs may stay
 * behind (an audit found discard leaving `needs` rows of removed buyers): their class history
 * goes with the row. A buyer whose chats gave needs was met in chat, not only in the file: they
 * stay, order-less, with their needs, as any chat prospect does.
 */
const NOW = Date.UTC(2026, 5, 1);
const SOURCE = { headHash: 'ab', encoding: 'utf-8', batchSize: 2, timeZone: 'Asia/Shanghai', options: {} };
const shops = testBackgrounds('imports-removal');

afterEach(() => {
  vi.restoreAllMocks();
});

async function setup() {
  const db = shops.database();
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  const rescorer = createRescorer({ db, now: () => NOW, browserLanguage: 'en' });
  // Classification is not under test: the rescore an import owes would outlive the test database.
  vi.spyOn(rescorer, 'full').mockImplementation((async () => {}) as never);
  return shops.background(db, { now: NOW, rescorer });
}

type Call = Awaited<ReturnType<typeof setup>>['call'];

async function importOrders(call: Call, orders: Order[], preset = 'taobao'): Promise<ImportRecord> {
  const rec = await call<ImportRecord>('startImport', {
    fileName: 'a.csv',
    totalBytes: 100,
    preset,
    source: SOURCE,
  });
  const res = await call<ImportBatchDto>('importBatch', {
    importId: rec.id,
    batchNo: 1,
    orders: orders.map((o) => ({ ...o, importId: rec.id })),
    rejects: [],
    rowsDone: orders.length,
    bytesDone: 10,
  });
  await call('finishImport', { importId: rec.id, status: 'done' });
  return res.record;
}

/** The traces a buyer leaves besides its row: one class change and, when chatted, needs. */
async function addTraces(db: BuyerTiersDB, buyerKey: string, chatted = false) {
  if (chatted) await db.needs.put(emptyNeedsRecord(buyerKey, NOW));
  await db.classChanges.add({ buyerKey, dimension: 'segment', from: 'unscored', to: 'new', at: NOW });
}

describe('removing the buyers an import emptied', () => {
  it('discard removes an emptied buyer with its class history, and keeps a tagged or chatted one', async () => {
    const { db, call } = await setup();
    const rec = await importOrders(call, [
      makeOrder({ orderId: 'n1', buyer: 'fresh' }),
      makeOrder({ orderId: 'n2', buyer: 'tagged' }),
      makeOrder({ orderId: 'n3', buyer: 'chatted' }),
    ]);
    await addTraces(db, 'taobao:fresh');
    await addTraces(db, 'taobao:tagged', true);
    await addTraces(db, 'taobao:chatted', true);
    await addTraces(db, 'taobao:elsewhere', true);
    await db.buyerTags.put({ buyerKey: 'taobao:tagged', tagId: 't1', at: 1 });

    const out = await call('discardImport', { importId: rec.id });

    expect(out).toEqual({ deleted: 3, restored: 0, removedBuyers: 1 });
    expect(await db.buyers.get('taobao:fresh')).toBeUndefined();
    expect(await db.classChanges.where('buyerKey').equals('taobao:fresh').count()).toBe(0);
    // Met in chat: the buyer stays without orders, needs kept (nothing left pointing nowhere).
    expect((await db.buyers.get('taobao:chatted'))?.agg.orders).toBe(0);
    expect(await db.needs.get('taobao:chatted')).toBeDefined();
    // The tagged buyer stays, and so does everything of theirs; so do buyers the import never touched.
    expect((await db.buyers.get('taobao:tagged'))?.agg.orders).toBe(0);
    expect(await db.needs.get('taobao:tagged')).toBeDefined();
    expect(await db.classChanges.where('buyerKey').equals('taobao:tagged').count()).toBe(1);
    expect(await db.needs.get('taobao:elsewhere')).toBeDefined();
  });

  it('a relink removes the emptied handle with its history, unless its chats gave needs', async () => {
    const { db, call } = await setup();
    const etsy = (orderId: string, buyer: string) =>
      makeOrder({ platform: 'etsy', orderId, buyer, placedAt: Date.UTC(2026, 0, Number(orderId) % 28) });
    await importOrders(call, [etsy('1001', 'emmaclarke')], 'etsy');
    // The same import names the buyer by id first, then the shared order proves it is Emma.
    const rec = await call<ImportRecord>('startImport', {
      fileName: 'b.csv',
      totalBytes: 100,
      preset: 'etsy',
      source: SOURCE,
    });
    const batch = (batchNo: number, orders: Order[]) =>
      call<ImportBatchDto>('importBatch', {
        importId: rec.id,
        batchNo,
        orders: orders.map((o) => ({ ...o, importId: rec.id })),
        rejects: [],
        rowsDone: batchNo,
        bytesDone: batchNo,
      });
    await batch(1, [etsy('1000', '918273'), etsy('1002', '55501')]);
    await addTraces(db, 'etsy:918273');
    await addTraces(db, 'etsy:55501', true);
    await importOrders(call, [etsy('1003', 'zoe')], 'etsy');
    const res = await batch(2, [etsy('1001', '918273'), etsy('1003', '55501')]);

    expect(res.record.buyerLinks).toEqual({ 'etsy:918273': 'etsy:emmaclarke', 'etsy:55501': 'etsy:zoe' });
    expect(await db.buyers.get('etsy:918273')).toBeUndefined();
    expect(await db.classChanges.where('buyerKey').equals('etsy:918273').count()).toBe(0);
    expect((await db.buyers.get('etsy:55501'))?.agg.orders).toBe(0);
    expect(await db.needs.get('etsy:55501')).toBeDefined();
  });

  it('keeps buyers with orders, a tag, a note or needs, and returns only the keys it removed', async () => {
    const { db, call } = await setup();
    await importOrders(call, [makeOrder({ orderId: 'k1', buyer: 'ordered' })]);
    const empty = (await db.buyers.get('taobao:ordered'))!;
    const agg = { ...empty.agg, orders: 0 };
    for (const id of ['noted', 'tagged', 'chatted', 'bare']) {
      await db.buyers.put({ ...empty, key: `taobao:${id}`, buyerId: id, agg });
      await addTraces(db, `taobao:${id}`, id === 'chatted');
    }
    await db.notes.put({ buyerKey: 'taobao:noted', text: 'ships to the office', updatedAt: NOW });
    await db.buyerTags.put({ buyerKey: 'taobao:tagged', tagId: 't1', at: 1 });
    const keys = [
      'taobao:ordered',
      'taobao:noted',
      'taobao:tagged',
      'taobao:chatted',
      'taobao:bare',
      'taobao:unknown',
    ];

    const gone = await db.transaction(
      'rw',
      [db.buyers, db.buyerTags, db.notes, db.classChanges, db.needs],
      () => removeEmptyBuyers(db, keys),
    );

    expect(gone).toEqual(['taobao:bare']);
    expect((await db.buyers.bulkGet(keys)).map((b) => b?.key)).toEqual([
      'taobao:ordered',
      'taobao:noted',
      'taobao:tagged',
      'taobao:chatted',
      undefined,
      undefined,
    ]);
    expect(await db.classChanges.where('buyerKey').equals('taobao:bare').count()).toBe(0);
    expect(await db.classChanges.where('buyerKey').equals('taobao:chatted').count()).toBe(1);
    expect(await removeEmptyBuyers(db, [])).toEqual([]);
  });
});
