/**
 * The demo load writes orders from a page, so everything it supplies is untrusted. Regression
 * for the audit: a local page sent `platform: 'demo'` orders whose `key`/`buyerKey` were
 * another site's, which overwrote a real Amazon order (paid → refunded) and created a WhatsApp
 * buyer; and the load switched a shop's currency and time zone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@/core/background/router';
import type { RawSender } from '@/core/background/sender';
import { firstForeignOrder } from '@/core/background/sender';
import { type BuyerTiersDB, saveSettings } from '@/core/store';
import { makeOrder } from '../../support/orders';
import { env, type FuzzBackground, SENDERS, settled, snapshot, startBackground } from '../fuzz/harness';

const demoOrder = (orderId: string, buyer = 'alice') =>
  makeOrder({ orderId, platform: 'demo', buyer, currency: 'CNY' });

async function load(bg: FuzzBackground, orders: unknown[], sender: RawSender = SENDERS.demo) {
  return dispatch('loadDemoOrders', { orders, done: true }, sender, env, bg.service);
}

let bg: FuzzBackground;
beforeEach(async () => {
  bg = await startBackground();
});
afterEach(async () => {
  await settled(bg.db);
  bg.db.close();
  await bg.db.delete();
});

describe('loadDemoOrders: forged platform keys', () => {
  const forgeries: Record<string, (o: ReturnType<typeof demoOrder>) => unknown> = {
    "an amazon order key (overwrites the seller's real order)": (o) => ({
      ...o,
      key: 'amazon:a1',
      buyerKey: 'amazon:x',
      status: 'refunded',
      total: 0,
    }),
    'a demo key but an amazon buyer': (o) => ({ ...o, buyerKey: 'amazon:x' }),
    'a whatsapp buyer (creates a buyer on another site)': (o) => ({ ...o, buyerKey: 'whatsapp:8610000000' }),
    'a key that is not the order id': (o) => ({ ...o, key: 'demo:someone-elses-order' }),
  };

  it.each(Object.entries(forgeries))('rejects %s and changes nothing', async (_label, forge) => {
    const before = await settled(bg.db);
    // The forged order hides in the middle of an otherwise valid batch.
    const res = await load(bg, [demoOrder('d2'), forge(demoOrder('d3')), demoOrder('d4', 'bob')]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('forbidden');
    expect(await snapshot(bg.db)).toEqual(before);
    expect((await bg.db.orders.get('amazon:a1'))?.status).toBe('paid');
  });

  it('rejects a buyer key without a platform (the order schema) and changes nothing', async () => {
    const before = await settled(bg.db);
    const res = await load(bg, [demoOrder('d2'), { ...demoOrder('d3'), buyerKey: 'alice' }]);
    expect(res.ok).toBe(false);
    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('accepts genuine demo orders', async () => {
    const res = await load(bg, [demoOrder('d2'), demoOrder('d3', 'bob')]);
    expect(res).toMatchObject({ ok: true, value: { new: 2 } });
    expect(await bg.db.buyers.get('demo:bob')).toBeDefined();
  });

  it('is refused from any page other than the demo marketplace', async () => {
    const before = await settled(bg.db);
    for (const sender of [SENDERS.whatsapp, SENDERS.amazon, SENDERS.page]) {
      const res = await load(bg, [demoOrder('d9')], sender);
      expect(res.ok ? 'written' : res.error.code).toBe('forbidden');
    }
    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('firstForeignOrder names the first order that is not the platform’s', () => {
    const ok = demoOrder('d1');
    expect(firstForeignOrder([ok, ok], 'demo')).toBe(-1);
    expect(firstForeignOrder([ok, { ...ok, key: 'amazon:d1' }], 'demo')).toBe(1);
    expect(firstForeignOrder([{ ...ok, platform: 'amazon' }], 'demo')).toBe(0);
  });
});

describe('loadDemoOrders: the shop settings', () => {
  async function shopSettings(db: BuyerTiersDB) {
    const s = (await db.meta.get('settings'))?.value as { shopCurrency: string; timeZone: string };
    return { shopCurrency: s.shopCurrency, timeZone: s.timeZone };
  }

  it('a shop with data of its own keeps its currency and time zone', async () => {
    const before = await shopSettings(bg.db);
    expect((await load(bg, [demoOrder('d2')])).ok).toBe(true);
    expect(await shopSettings(bg.db)).toEqual(before);
  });

  it('a shop with buyers but no orders keeps them too', async () => {
    await bg.db.orders.clear();
    const before = await shopSettings(bg.db);
    expect((await load(bg, [demoOrder('d2')])).ok).toBe(true);
    expect(await shopSettings(bg.db)).toEqual(before);
  });

  it('a fresh, empty install adopts the demo shop’s currency and calendar', async () => {
    for (const t of bg.db.tables) await t.clear();
    await saveSettings(bg.db, (await import('@/core/model')).defaultSettings('en'));
    expect((await load(bg, [demoOrder('d2')])).ok).toBe(true);
    expect(await shopSettings(bg.db)).toEqual({ shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  });
});
