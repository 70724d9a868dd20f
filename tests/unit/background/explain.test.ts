import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/core/background/handlers';
import { createRescorer } from '@/core/background/rescorer';
import { dispatch } from '@/core/background/router';
import type { SenderEnv } from '@/core/background/sender';
import { type Buyer, DAY_MS, defaultSettings } from '@/core/model';
import { buildScoringContext, classifyBuyer } from '@/core/scoring';
import { BuyerTiersDB, getSettings, saveSettings, writeOrders } from '@/core/store';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1, 4);
const PAGE = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };
const env: SenderEnv = {
  extensionId: 'ext-id',
  extensionBaseUrl: 'chrome-extension://ext-id/',
  platformForUrl: async () => undefined,
};

const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new BuyerTiersDB(`explain-${Math.random()}`);
  dbs.push(db);
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  const now = () => T0;
  // Twelve buyers with 1–4 orders each, spread over the last year.
  const orders = Array.from({ length: 30 }, (_, i) =>
    makeOrder({
      orderId: `o${i}`,
      buyer: `b${i % 12}`,
      placedAt: T0 - (5 + ((i * 37) % 360)) * DAY_MS,
      total: 1000 + 250 * i,
    }),
  );
  await writeOrders(db, orders, CNY_CTX, T0);
  return { db, now };
}

describe('lean stored classes, reasons on demand', () => {
  it('stores classes without reasons and the buyer card explains them against the current context', async () => {
    const { db, now } = await setup();
    const rescorer = createRescorer({ db, now, browserLanguage: 'en' });
    await rescorer.full();
    const buyers = await db.buyers.toArray();
    expect(buyers.length).toBe(12);
    for (const b of buyers) expect(b.classes?.reasons).toEqual({});

    const settings = await getSettings(db, 'en');
    const ctx = buildScoringContext(
      buyers.map((b) => b.agg),
      settings,
      T0,
    );
    const background = createHandlers({ db, now, browserLanguage: 'en', signal: () => {}, rescorer });
    for (const b of buyers) {
      const full = classifyBuyer({ name: b.name, agg: b.agg }, ctx, settings, T0);
      const res = await dispatch('getBuyerCard', { buyerKey: b.key }, PAGE, env, background);
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      const card = res.value as { buyer: Buyer };
      expect(card.buyer.classes).toEqual(full);
      expect(Object.keys(card.buyer.classes?.reasons ?? {}).length).toBeGreaterThan(0);
    }
    // Explaining does not write the reasons back.
    for (const b of await db.buyers.toArray()) expect(b.classes?.reasons).toEqual({});
  });

  it('explains after a worker restart, before any full rescore', async () => {
    const { db, now } = await setup();
    await createRescorer({ db, now, browserLanguage: 'en' }).full();
    const fresh = createRescorer({ db, now, browserLanguage: 'en' });
    const buyer = (await db.buyers.toArray())[0];
    const settings = await getSettings(db, 'en');
    const ctx = buildScoringContext(
      (await db.buyers.toArray()).map((b) => b.agg),
      settings,
      T0,
    );
    expect(await fresh.explain?.(buyer)).toEqual(
      classifyBuyer({ name: buyer.name, agg: buyer.agg }, ctx, settings, T0).reasons,
    );
  });
});
