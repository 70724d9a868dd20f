import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/core/model';
import { emptyNeedsRecord } from '@/core/needs';
import { BuyerTiersDB, CURRENT_SCHEMA_VERSION, getSettings, SCHEMA_VERSIONS } from '@/core/store';
import { makeOrder } from '../../support/orders';

/**
 * Pattern for every schema change: open the database at the previous version, fill it with data
 * as that version wrote it, upgrade with the current code, and prove nothing was lost.
 */
describe('schema migrations', () => {
  it('upgrades a v1 database to the current version without losing anything', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = new BuyerTiersDB(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const order = makeOrder({ orderId: 'o1' });
    const v1Buyer = {
      key: 'taobao:alice',
      platform: 'taobao',
      buyerId: 'alice',
      name: '爱丽丝',
      firstSeenAt: 1,
      lastSeenAt: 2,
      agg: { lastOrderAt: order.placedAt, orders: 1 },
      segment: 'champions',
      tier: 'high',
      lifecycle: 'mature',
    };
    const prospect = { ...v1Buyer, key: 'taobao:bob', buyerId: 'bob', agg: { orders: 0 } };
    await v1.table('buyers').bulkAdd([v1Buyer, prospect]);
    await v1.table('orders').add(order);
    await v1.table('tags').add({ id: 't1', name: 'wholesale', color: '#123456', createdAt: 1 });
    await v1.table('buyerTags').add({ buyerKey: 'taobao:alice', tagId: 't1', at: 1 });
    await v1.table('notes').add({ buyerKey: 'taobao:alice', text: 'likes green tea', updatedAt: 3 });
    await v1
      .table('classChanges')
      .add({ buyerKey: 'taobao:alice', dimension: 'segment', from: 'new', to: 'loyal', at: 4 });
    await v1
      .table('meta')
      .put({ key: 'settings', value: { version: 1, shopCurrency: 'EUR', scheme: 'value-8' } });
    v1.close();

    const db = new BuyerTiersDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.buyers.get('taobao:alice')).toEqual({ ...v1Buyer, lastOrderAt: order.placedAt });
    expect((await db.buyers.get('taobao:bob'))?.lastOrderAt).toBe(0);
    expect(await db.buyers.where('lastOrderAt').above(0).primaryKeys()).toEqual(['taobao:alice']);
    expect(await db.orders.get(order.key)).toEqual(order);
    expect(await db.tags.count()).toBe(1);
    expect(await db.buyerTags.where('tagId').equals('t1').count()).toBe(1);
    expect((await db.notes.get('taobao:alice'))?.text).toBe('likes green tea');
    expect(await db.classChanges.where('[dimension+at]').equals(['segment', 4]).count()).toBe(1);
    const settings = await getSettings(db, 'en');
    expect(settings).toEqual({ ...defaultSettings('en'), shopCurrency: 'EUR', scheme: 'value-8' });
    await db.delete();
  });

  it('upgrades a v2 database to v3 (import rejects and undo tables) keeping imports and orders', async () => {
    const name = `migration-v3-${Math.random()}`;
    const v2 = new BuyerTiersDB(name, 2);
    await v2.open();
    const order = makeOrder({ orderId: 'o2' });
    const record = {
      id: 'imp1',
      fileName: 'a.csv',
      preset: 'shopify',
      startedAt: 1,
      status: 'done',
      committedBytes: 10,
      totalBytes: 10,
      counts: { rows: 1, new: 1, duplicate: 0, updated: 0, rejected: 0 },
      rejects: [],
    };
    await v2.table('orders').add({ ...order, importId: 'imp1' });
    await v2.table('imports').add(record);
    v2.close();

    const db = new BuyerTiersDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.imports.get('imp1')).toEqual(record);
    expect(await db.orders.where('importId').equals('imp1').count()).toBe(1);
    await db.importRejects.add({ importId: 'imp1', line: 3, reason: 'bad date' });
    await db.importUndo.put({ importId: 'imp1', key: order.key, order });
    expect(await db.importRejects.where('importId').equals('imp1').count()).toBe(1);
    expect(await db.importUndo.where('importId').equals('imp1').count()).toBe(1);
    await db.delete();
  });

  it('upgrades a v3 database to v4 (needs table) keeping buyers, settings and notes', async () => {
    const name = `migration-v4-${Math.random()}`;
    const v3 = new BuyerTiersDB(name, 3);
    await v3.open();
    const buyer = {
      key: 'whatsapp:123',
      platform: 'whatsapp',
      buyerId: '123',
      agg: { orders: 0 },
      lastOrderAt: 0,
    };
    await v3.table('buyers').add(buyer);
    await v3.table('notes').add({ buyerKey: 'whatsapp:123', text: 'asks about size', updatedAt: 3 });
    await v3.table('meta').put({ key: 'settings', value: { version: 1, shopCurrency: 'EUR' } });
    v3.close();

    const db = new BuyerTiersDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.buyers.get('whatsapp:123')).toEqual(buyer);
    expect((await db.notes.get('whatsapp:123'))?.text).toBe('asks about size');
    expect((await getSettings(db, 'en')).needs).toEqual({ enabled: true, minChats: 2, minShare: 0.3 });
    expect(await db.needs.count()).toBe(0);
    const row = emptyNeedsRecord('whatsapp:123', 5);
    await db.needs.put(row);
    expect(await db.needs.get('whatsapp:123')).toEqual(row);
    await db.delete();
  });

  it('declares versions in increasing order, each with its stores', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
