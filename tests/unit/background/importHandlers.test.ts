import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/core/background/handlers';
import { IMPORT_STALE_MS } from '@/core/background/importHandlers';
import { createRescorer } from '@/core/background/rescorer';
import { dispatch } from '@/core/background/router';
import type { SenderEnv } from '@/core/background/sender';
import { importText } from '@/core/import';
import type { ImportBatchDto } from '@/core/importExportDtos';
import type { MessageName } from '@/core/messaging';
import { defaultSettings, type ImportRecord, type Order } from '@/core/model';
import { BuyerTiersDB, saveSettings, writeOrders } from '@/core/store';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);
const PAGE = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };
const env: SenderEnv = {
  extensionId: 'ext-id',
  extensionBaseUrl: 'chrome-extension://ext-id/',
  platformForUrl: async () => undefined,
};

const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new BuyerTiersDB(`import-${Math.random()}`);
  dbs.push(db);
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  const clock = { t: T0 };
  const now = () => clock.t;
  const rescorer = createRescorer({ db, now, browserLanguage: 'en' });
  const full = vi.spyOn(rescorer, 'full');
  const background = createHandlers({ db, now, browserLanguage: 'en', signal: () => {}, rescorer });
  const call = async <T>(name: MessageName, data: unknown): Promise<T> => {
    const res = await dispatch(name, data, PAGE, env, background);
    if (!res.ok)
      throw new Error(`${res.error.code}: ${res.error.message} ${res.error.details?.join('; ') ?? ''}`);
    return res.value as T;
  };
  return { db, call, clock, full };
}

const SOURCE = { headHash: 'ab', encoding: 'utf-8', batchSize: 2, timeZone: 'Asia/Shanghai', options: {} };

function ordersFor(importId: string, n: number, from = 0): Order[] {
  return Array.from({ length: n }, (_, i) =>
    makeOrder({ orderId: `o${from + i}`, buyer: `b${(from + i) % 3}`, importId, total: 1000 + from + i }),
  );
}

async function start(call: Awaited<ReturnType<typeof setup>>['call']) {
  return call<ImportRecord>('startImport', {
    fileName: 'a.csv',
    totalBytes: 100,
    preset: 'taobao',
    source: SOURCE,
  });
}

describe('import batches', () => {
  it('writes orders, rejects and progress together and counts a re-import as duplicates', async () => {
    const { db, call, full } = await setup();
    const rec = await start(call);
    const first = await call<ImportBatchDto>('importBatch', {
      importId: rec.id,
      batchNo: 1,
      orders: ordersFor(rec.id, 4),
      rejects: [{ line: 7, field: 'date', reason: 'bad date' }],
      rowsDone: 5,
      bytesDone: 60,
    });
    expect(first.record.counts).toEqual({ rows: 5, new: 4, duplicate: 0, updated: 0, rejected: 1 });
    expect(first.record).toMatchObject({ committedBatches: 1, committedRows: 5, committedBytes: 60 });
    await call('importBatch', {
      importId: rec.id,
      batchNo: 2,
      orders: ordersFor(rec.id, 2, 4),
      rejects: [],
      rowsDone: 7,
      bytesDone: 100,
    });
    const done = await call<ImportRecord>('finishImport', { importId: rec.id, status: 'done' });
    expect(done.status).toBe('done');
    expect(full).toHaveBeenCalledTimes(1);
    expect(await db.orders.where('importId').equals(rec.id).count()).toBe(6);
    expect((await db.buyers.get('taobao:b0'))?.agg.orders).toBe(2);
    const rejects = await call<{ rows: unknown[]; total: number }>('getImportRejects', {
      importId: rec.id,
      offset: 0,
      limit: 10,
    });
    expect(rejects).toEqual({ rows: [{ line: 7, field: 'date', reason: 'bad date' }], total: 1 });

    // The same file again: nothing new, and the orders keep the first import's id.
    const again = await start(call);
    const dup = await call<ImportBatchDto>('importBatch', {
      importId: again.id,
      batchNo: 1,
      orders: ordersFor(again.id, 6),
      rejects: [],
      rowsDone: 6,
      bytesDone: 100,
    });
    expect(dup.record.counts).toMatchObject({ new: 0, duplicate: 6, updated: 0 });
    expect(await db.orders.where('importId').equals(rec.id).count()).toBe(6);
  });

  it('a failing batch leaves neither its orders nor its progress (one transaction)', async () => {
    const { db, call } = await setup();
    const rec = await start(call);
    // Fails after the orders were written inside the batch's transaction.
    vi.spyOn(db.importRejects, 'bulkAdd').mockImplementationOnce((() =>
      Promise.reject(new Error('disk on fire'))) as never);
    await expect(
      call('importBatch', {
        importId: rec.id,
        batchNo: 1,
        orders: ordersFor(rec.id, 3),
        rejects: [{ line: 2, reason: 'x' }],
        rowsDone: 4,
        bytesDone: 50,
      }),
    ).rejects.toThrow(/disk on fire/);
    expect(await db.orders.count()).toBe(0);
    expect(await db.buyers.count()).toBe(0);
    expect((await db.imports.get(rec.id))?.committedBatches).toBe(0);
    // An invalid order fails the batch before anything is written, too.
    const bad = { ...ordersFor(rec.id, 1)[0], currency: 'not a currency' };
    await expect(
      call('importBatch', {
        importId: rec.id,
        batchNo: 1,
        orders: [ordersFor(rec.id, 1, 9)[0], bad],
        rejects: [],
        rowsDone: 2,
        bytesDone: 9,
      }),
    ).rejects.toThrow();
    expect(await db.orders.count()).toBe(0);
  });

  it('numbers batches: a retried batch is not applied twice, a gap is refused', async () => {
    const { db, call } = await setup();
    const rec = await start(call);
    const batch = {
      importId: rec.id,
      batchNo: 1,
      orders: ordersFor(rec.id, 2),
      rejects: [{ line: 3, reason: 'r' }],
      rowsDone: 3,
      bytesDone: 10,
    };
    await call('importBatch', batch);
    const retry = await call<ImportBatchDto>('importBatch', batch);
    expect(retry.alreadyCommitted).toBe(true);
    expect(await db.importRejects.count()).toBe(1);
    await expect(call('importBatch', { ...batch, batchNo: 3 })).rejects.toThrow(/conflict/);
    await expect(
      call('importBatch', { ...batch, batchNo: 2, orders: [makeOrder({ orderId: 'z', importId: 'other' })] }),
    ).rejects.toThrow(/does not belong/);
  });

  it('shows a silent running import as interrupted; resume continues its numbering', async () => {
    const { call, clock } = await setup();
    const rec = await start(call);
    await call('importBatch', {
      importId: rec.id,
      batchNo: 1,
      orders: ordersFor(rec.id, 2),
      rejects: [],
      rowsDone: 2,
      bytesDone: 10,
    });
    expect((await call<ImportRecord[]>('listImports', {}))[0].status).toBe('running');
    clock.t += IMPORT_STALE_MS + 1;
    const [shown] = await call<ImportRecord[]>('listImports', {});
    expect(shown.status).toBe('interrupted');
    expect(shown.committedBatches).toBe(1);
    const resumed = await call<ImportRecord>('resumeImport', { importId: rec.id });
    expect(resumed.status).toBe('running');
    const next = await call<ImportBatchDto>('importBatch', {
      importId: rec.id,
      batchNo: 2,
      orders: ordersFor(rec.id, 2, 2),
      rejects: [],
      rowsDone: 4,
      bytesDone: 20,
    });
    expect(next.record.counts.new).toBe(4);
  });

  it('discard deletes what the import added, restores what it replaced and rebuilds aggregates', async () => {
    const { db, call } = await setup();
    // Before the import: one order from elsewhere that the import will change, one it repeats.
    const changed = makeOrder({ orderId: 'keep1', buyer: 'old', total: 500, importId: 'earlier' });
    const same = makeOrder({ orderId: 'keep2', buyer: 'old', total: 700, importId: 'earlier' });
    await writeOrders(db, [changed, same], CNY_CTX, T0);
    await db.buyerTags.put({ buyerKey: 'taobao:tagged', tagId: 't1', at: 1 });
    const rec = await start(call);
    const orders = [
      { ...changed, importId: rec.id, total: 900 },
      { ...same, importId: rec.id },
      makeOrder({ orderId: 'n1', buyer: 'fresh', importId: rec.id }),
      makeOrder({ orderId: 'n2', buyer: 'tagged', importId: rec.id }),
    ];
    const res = await call<ImportBatchDto>('importBatch', {
      importId: rec.id,
      batchNo: 1,
      orders,
      rejects: [],
      rowsDone: 4,
      bytesDone: 10,
    });
    expect(res.record.counts).toMatchObject({ new: 2, duplicate: 1, updated: 1 });
    expect((await db.orders.get(same.key))?.importId).toBe('earlier');
    await expect(call('discardImport', { importId: rec.id })).rejects.toThrow(/still running/);
    await call('finishImport', { importId: rec.id, status: 'cancelled' });

    const out = await call('discardImport', { importId: rec.id });
    expect(out).toEqual({ deleted: 2, restored: 1, removedBuyers: 1 });
    expect(await db.orders.get(changed.key)).toEqual(changed);
    expect(await db.orders.get(same.key)).toEqual(same);
    expect(await db.orders.count()).toBe(2);
    expect((await db.buyers.get('taobao:old'))?.agg.paidSpend).toBe(1200);
    expect(await db.buyers.get('taobao:fresh')).toBeUndefined();
    // A buyer with a tag stays, with an empty history.
    expect((await db.buyers.get('taobao:tagged'))?.agg.orders).toBe(0);
    expect(await db.imports.get(rec.id)).toBeUndefined();
    expect(await db.importUndo.count()).toBe(0);
  });

  it('stores saved mappings in the background', async () => {
    const { call } = await setup();
    const mapping = { buyerId: 'Kunde', date: 'Datum', total: 'Betrag', currency: 'EUR' };
    const p = await call<{ id: string; name: string }>('savePreset', { name: ' My sheet ', mapping });
    expect(p.name).toBe('My sheet');
    const again = await call<{ id: string }>('savePreset', {
      name: 'My sheet',
      mapping: { ...mapping, dayFirst: true },
    });
    expect(again.id).toBe(p.id);
    const list = await call<Array<{ mapping: { dayFirst?: boolean } }>>('listPresets', {});
    expect(list).toHaveLength(1);
    expect(list[0].mapping.dayFirst).toBe(true);
    await expect(call('savePreset', { name: 'x', mapping: { buyerId: 'a', date: 'b' } })).rejects.toThrow(
      /invalid/,
    );
    await call('deletePreset', { id: p.id });
    expect(await call('listPresets', {})).toEqual([]);
  });

  it('imports a parsed file end to end through batches', async () => {
    const { db, call } = await setup();
    const rec = await start(call);
    const text = 'order,buyer,date,total\n1,a,2024-01-01,1.00\n2,b,2024-01-02,oops\n3,a,2024-01-03,3.00\n';
    const r = importText(text, {
      timeZone: 'UTC',
      now: T0,
      importId: rec.id,
      mapping: { buyerId: 'buyer', date: 'date', orderId: 'order', total: 'total', currency: 'CNY' },
    });
    await call('importBatch', {
      importId: rec.id,
      batchNo: 1,
      orders: r.orders,
      rejects: r.rejects,
      rowsDone: r.rowsRead,
      bytesDone: 10,
    });
    expect(await db.orders.count()).toBe(2);
    expect((await db.imports.get(rec.id))?.rejects).toEqual([
      { line: 3, field: 'total', reason: "total: 'oops' is not an amount" },
    ]);
  });
});

describe('orders left out of spend', () => {
  it('counts paid orders without a rate by currency, and none once a rate exists', async () => {
    const { db, call } = await setup();
    const ctx = { shopCurrency: 'CNY', currencyRates: {}, timeZone: 'Asia/Shanghai' };
    await writeOrders(
      db,
      [
        makeOrder({ orderId: 'c1', buyer: 'a' }),
        makeOrder({ orderId: 'g1', buyer: 'a', currency: 'GBP' }),
        makeOrder({ orderId: 'g2', buyer: 'b', currency: 'GBP' }),
        makeOrder({ orderId: 'g3', buyer: 'b', currency: 'GBP', status: 'refunded' }),
      ],
      ctx,
      T0,
    );
    expect(await call('getLeftOutOfSpend', {})).toEqual({
      shopCurrency: 'CNY',
      currencies: [{ currency: 'GBP', orders: 2 }],
    });
    // With a rate saved, the same stored orders count in spend.
    await call('saveSettings', {
      settings: {
        ...defaultSettings('en'),
        shopCurrency: 'CNY',
        timeZone: 'Asia/Shanghai',
        currencyRates: { GBP: 9 },
      },
    });
    const again = await call<{ currencies: unknown[] }>('getLeftOutOfSpend', {});
    expect(again.currencies).toEqual([]);
  });
});
