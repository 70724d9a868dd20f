import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTiersDB } from '@/core/store';
import { storedByKeys } from '@/core/store/storedByKeys';
import { makeOrder } from '../../support/orders';

let n = 0;
const dbs: BuyerTiersDB[] = [];
function freshDb() {
  const db = new BuyerTiersDB(`stored-by-keys-${++n}-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const orders = (ids: readonly string[]) => ids.map((orderId) => makeOrder({ orderId }));
const keysOf = (ids: readonly string[]) => orders(ids).map((o) => o.key);

/** What one bulkGet per key gives, as the map storedByKeys returns. */
async function byBulkGet(db: BuyerTiersDB, keys: readonly string[]) {
  const rows = await db.orders.bulkGet([...keys]);
  return new Map(rows.flatMap((o, i) => (o ? [[keys[i], o] as const] : [])));
}

describe('storedByKeys (the import batch existence read)', () => {
  it('finds nothing in an empty table and everything in a table holding exactly those keys', async () => {
    const db = freshDb();
    const ids = ['10', '11', '12', '13'];
    expect((await storedByKeys(db.orders, keysOf(ids))).size).toBe(0);
    await db.orders.bulkPut(orders(ids));
    const found = await storedByKeys(db.orders, keysOf(ids));
    expect([...found.keys()].sort()).toEqual(keysOf(ids).sort());
    expect(found.get(keysOf(['12'])[0])?.orderId).toBe('12');
  });

  it('answers like bulkGet when some keys are stored and others of the range are not asked for', async () => {
    const db = freshDb();
    await db.orders.bulkPut(orders(['a1', 'a3', 'a5', 'b2']));
    const keys = keysOf(['a5', 'a1', 'a2', 'a9', 'a2']);
    expect(await storedByKeys(db.orders, keys)).toEqual(await byBulkGet(db, keys));
  });

  it('falls back to reading every key when the range is crowded with other rows, with the same answer', async () => {
    const db = freshDb();
    const others = Array.from({ length: 200 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await db.orders.bulkPut(orders([...others, 'm050x']));
    // Two keys spanning 200 stored ones: the listing is cut short (more than 4 per key).
    const keys = keysOf(['m000', 'm050x', 'm199z']);
    const found = await storedByKeys(db.orders, keys);
    expect(found).toEqual(await byBulkGet(db, keys));
    expect([...found.keys()].sort()).toEqual(keysOf(['m000', 'm050x']).sort());
  });

  it('takes an empty list', async () => {
    expect((await storedByKeys(freshDb().orders, [])).size).toBe(0);
  });
});
