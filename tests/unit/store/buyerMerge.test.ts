import { afterEach, describe, expect, it } from 'vitest';
import { applyChatDay, emptyNeedsRecord } from '@/core/needs';
import { aggregateOrders } from '@/core/scoring/aggregate';
import {
  BuyerTiersDB,
  createTag,
  saveNote,
  seeBuyer,
  tagBuyers,
  tagsOfBuyers,
  writeOrders,
} from '@/core/store';
import { BuyerMergeError, mergeBuyers } from '@/core/store/buyerMerge';
import { CNY_CTX, makeOrder } from '../../support/orders';

const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = Math.floor(NOW / 86_400_000);
const NAME = 'whatsapp:Tan Wei Ming';
const PHONE = 'whatsapp:6591234567';

const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const order = (orderId: string, buyer: string, total: number) =>
  makeOrder({
    orderId,
    platform: 'whatsapp',
    buyer,
    total,
    items: [{ title: 'Mug', qty: 1, unitPrice: total }],
  });

/** Everything in every table, to compare a database before and after. */
async function snapshot(db: BuyerTiersDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** A buyer met by name with a history, and the same person later seen by phone with some of their own. */
async function twoRecordsOfOneBuyer() {
  const db = new BuyerTiersDB(`merge-${Math.random()}`);
  dbs.push(db);
  await writeOrders(db, [order('o1', 'Tan Wei Ming', 2000), order('o2', 'Tan Wei Ming', 3000)], CNY_CTX, NOW);
  await writeOrders(db, [order('o3', '6591234567', 5000)], CNY_CTX, NOW);
  const vip = await createTag(db, 'VIP', undefined, NOW);
  const mugs = await createTag(db, 'mugs', undefined, NOW);
  await tagBuyers(db, [NAME], vip.id, NOW - 10);
  await tagBuyers(db, [NAME, PHONE], mugs.id, NOW);
  await saveNote(db, NAME, 'Prefers blue glaze', NOW - 5);
  await saveNote(db, PHONE, 'Pays by PayNow', NOW - 4);
  let needsByName = applyChatDay(
    emptyNeedsRecord(NAME, NOW),
    { day: DAY - 3, counts: { price: 1 }, messages: 2 },
    NOW,
  );
  needsByName = applyChatDay(needsByName, { day: DAY, counts: { quality: 1 }, messages: 1 }, NOW);
  const needsByPhone = applyChatDay(
    emptyNeedsRecord(PHONE, NOW),
    { day: DAY, counts: { service: 1 }, messages: 1 },
    NOW,
  );
  await db.needs.bulkPut([needsByName, needsByPhone]);
  await db.classChanges.add({ buyerKey: NAME, dimension: 'segment', from: 'new', to: 'loyal', at: NOW - 1 });
  await db.importUndo.put({ importId: 'imp1', key: 'whatsapp:o1', order: order('o1', 'Tan Wei Ming', 1900) });
  return { db, vip, mugs };
}

describe('mergeBuyers', () => {
  it('moves orders, tags, notes, needs, class history and import copies: nothing is lost', async () => {
    const { db } = await twoRecordsOfOneBuyer();
    const before = await db.buyers.get(NAME);
    const res = await mergeBuyers(db, NAME, PHONE, CNY_CTX, NOW + 1);
    expect(res).toMatchObject({ merged: true, orders: 2, tags: 2, classChanges: 1, note: true, needs: true });

    expect(await db.buyers.get(NAME)).toBeUndefined();
    const into = await db.buyers.get(PHONE);
    const orders = await db.orders.where('buyerKey').equals(PHONE).toArray();
    expect(orders.map((o) => o.orderId).sort()).toEqual(['o1', 'o2', 'o3']);
    expect(await db.orders.where('buyerKey').equals(NAME).count()).toBe(0);
    // The aggregate is exactly the one of all three orders.
    expect(into?.agg).toEqual(aggregateOrders(orders, CNY_CTX));
    expect(into?.agg.paidSpend).toBe(10_000);
    expect(into?.firstSeenAt).toBe(Math.min(before!.firstSeenAt, into!.firstSeenAt));

    const tags = (await tagsOfBuyers(db, [PHONE]))
      .get(PHONE)
      ?.map((t) => t.name)
      .sort();
    expect(tags).toEqual(['VIP', 'mugs']);
    expect(await db.buyerTags.where('buyerKey').equals(NAME).count()).toBe(0);
    // The earlier tagging time is kept.
    expect(
      (await db.buyerTags.where('buyerKey').equals(PHONE).toArray()).find((l) => l.at === NOW - 10),
    ).toBeDefined();

    expect((await db.notes.get(PHONE))?.text).toBe('Pays by PayNow\n\nPrefers blue glaze');
    expect(await db.notes.get(NAME)).toBeUndefined();

    const needs = await db.needs.get(PHONE);
    expect(needs?.seenChatDays).toEqual([DAY - 3, DAY]);
    expect(needs?.chats).toBe(2);
    expect(needs?.perNeed.price.chats).toBe(1);
    expect(needs?.perNeed.quality.chats).toBe(1);
    expect(needs?.perNeed.service.chats).toBe(1);
    expect(await db.needs.get(NAME)).toBeUndefined();

    expect((await db.classChanges.toArray()).map((c) => c.buyerKey)).toEqual([PHONE]);
    expect((await db.importUndo.get(['imp1', 'whatsapp:o1']))?.order.buyerKey).toBe(PHONE);
  });

  it('running it again changes nothing', async () => {
    const { db } = await twoRecordsOfOneBuyer();
    await mergeBuyers(db, NAME, PHONE, CNY_CTX, NOW + 1);
    const once = await snapshot(db);
    const again = await mergeBuyers(db, NAME, PHONE, CNY_CTX, NOW + 2);
    expect(again).toMatchObject({
      merged: false,
      orders: 0,
      tags: 0,
      classChanges: 0,
      note: false,
      needs: false,
    });
    expect(await snapshot(db)).toEqual(once);
  });

  it('creates the phone buyer from the name buyer when it was never seen by phone', async () => {
    const db = new BuyerTiersDB(`merge-${Math.random()}`);
    dbs.push(db);
    await seeBuyer(db, NAME, 'Tan Wei Ming', NOW - 100);
    await saveNote(db, NAME, 'Asked about mugs', NOW - 50);
    await mergeBuyers(db, NAME, PHONE, CNY_CTX, NOW);
    expect(await db.buyers.get(PHONE)).toMatchObject({
      key: PHONE,
      buyerId: '6591234567',
      name: 'Tan Wei Ming',
      firstSeenAt: NOW - 100,
      lifecycle: 'prospect',
    });
    expect((await db.notes.get(PHONE))?.text).toBe('Asked about mugs');
  });

  it('refuses, writing nothing, when both notes together are too long, or the keys do not fit', async () => {
    const { db } = await twoRecordsOfOneBuyer();
    await saveNote(db, NAME, 'a'.repeat(3000), NOW);
    await saveNote(db, PHONE, 'b'.repeat(3000), NOW);
    const before = await snapshot(db);
    await expect(mergeBuyers(db, NAME, PHONE, CNY_CTX, NOW)).rejects.toBeInstanceOf(BuyerMergeError);
    expect(await snapshot(db)).toEqual(before);
    await expect(mergeBuyers(db, NAME, NAME, CNY_CTX, NOW)).rejects.toThrow(/itself/);
    await expect(mergeBuyers(db, NAME, 'amazon:6591234567', CNY_CTX, NOW)).rejects.toThrow(
      /same marketplace/,
    );
  });
});
