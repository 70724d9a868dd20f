import { describe, expect, it } from 'vitest';
import type { BuyerCardDto } from '@/core/messaging';
import { DAY_MS } from '@/core/model';
import { CONTENT, PAGE, testBackgrounds } from '../../support/background';

/*
 * A buyer chatting before a first order: recorded by `seeBuyer` without classes (classes come
 * with the next full rescore), or not recorded at all when the card is opened first. Either way
 * their card must offer a pre-sale action, and answer what their chat asks about.
 */
const NOW = Date.UTC(2025, 0, 10, 8);
const TODAY = Math.floor(NOW / DAY_MS);
const backgrounds = testBackgrounds('prospect-card');
const KEY = 'whatsapp:8613800000000';
const zero = { price: 0, quality: 0, function: 0, service: 0, special: 0 };

function setup() {
  return backgrounds.background(backgrounds.database(), { now: NOW, sender: CONTENT });
}

const actionIds = (card: BuyerCardDto) => card.actions.map((a) => a.id);

describe('buyer card of a prospect', () => {
  it('a buyer first seen in a chat (no classes stored yet) gets the first-order welcome', async () => {
    const { db, call } = setup();
    await call('seeBuyer', { platform: 'whatsapp', buyerId: '+86 138 0000 0000', name: 'Li Mei' });
    expect((await db.buyers.get(KEY))?.classes).toBeUndefined();
    const card = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY, locale: 'en' });
    expect(actionIds(card)).toEqual(['first-order-welcome']);
    expect(card.actions[0].reply).toMatch(/^Hi Li Mei, welcome/);
    expect(card.actions[0].reply).toContain('first order');
    // The card explains the buyer as a prospect, as a full rescore would store them.
    expect(card.buyer.classes?.segment).toBe('prospect');
    expect(card.buyer.classes?.reasons.segment?.[0].code).toBe('segment.prospect');
    // Reading the card stores nothing new about the buyer's classes.
    expect((await db.buyers.get(KEY))?.classes).toBeUndefined();
  });

  it('the same actions after a full rescore has stored the prospect classes', async () => {
    const { call, rescorer } = setup();
    await call('seeBuyer', { platform: 'whatsapp', buyerId: '+86 138 0000 0000' });
    await rescorer.full();
    const card = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY });
    expect(actionIds(card)).toEqual(['first-order-welcome']);
    expect(card.actions[0].reply).toMatch(/^Hi there, welcome/);
  });

  it('a card opened from the page before any visit was recorded keeps the buyer as a prospect', async () => {
    const { db, call, signals } = setup();
    const card = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY });
    expect(actionIds(card)).toEqual(['first-order-welcome']);
    expect((await db.buyers.get(KEY))?.segment).toBe('prospect');
    expect(signals).toContainEqual({ buyerKeys: [KEY], kinds: ['buyers'] });
  });

  it('the dashboard does not create buyers by opening an unknown key', async () => {
    const { db, raw } = setup();
    const res = await raw('getBuyerCard', { buyerKey: KEY }, PAGE);
    expect(res.ok).toBe(false);
    expect(await db.buyers.get(KEY)).toBeUndefined();
  });

  it('answers the needs of the latest chat: price → bundle/coupon, quality → guarantee, service → delivery', async () => {
    const cases = [
      ['price', 'bundle-discount', /coupon/],
      ['quality', 'quality-guarantee', /refund/],
      ['service', 'delivery-times', /delivery time/],
    ] as const;
    for (const [need, action, text] of cases) {
      const { call } = setup();
      await call('seeBuyer', { platform: 'whatsapp', buyerId: '+86 138 0000 0000' });
      await call('recordChatNeeds', {
        platform: 'whatsapp',
        buyerId: '+86 138 0000 0000',
        day: TODAY,
        counts: { ...zero, [need]: 1 },
        messages: 2,
      });
      const card = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY, locale: 'en' });
      expect(actionIds(card)).toEqual(['first-order-welcome', action]);
      expect(card.actions[1].reply).toMatch(text);
    }
  });

  it("a seller's correction to 'no particular need' silences the chat's needs", async () => {
    const { call } = setup();
    await call('seeBuyer', { platform: 'whatsapp', buyerId: '+86 138 0000 0000' });
    await call('recordChatNeeds', {
      platform: 'whatsapp',
      buyerId: '+86 138 0000 0000',
      day: TODAY,
      counts: { ...zero, price: 2 },
      messages: 2,
    });
    await call('correctNeeds', { buyerKey: KEY, orientation: 'none' });
    const card = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY });
    expect(actionIds(card)).toEqual(['first-order-welcome']);
  });

  it('replies follow the buyer’s chat language while titles stay in the interface language', async () => {
    const { call } = setup();
    await call('seeBuyer', { platform: 'whatsapp', buyerId: '+86 138 0000 0000', name: '李梅' });
    const card = await call<BuyerCardDto>('getBuyerCard', {
      buyerKey: KEY,
      locale: 'en',
      replyLocale: 'zh_CN',
    });
    expect(card.actions[0].title).toBe('action.first-order-welcome');
    expect(card.actions[0].reply).toMatch(/^李梅您好，欢迎光临本店/);
    const en = await call<BuyerCardDto>('getBuyerCard', {
      buyerKey: KEY,
      locale: 'zh_CN',
      replyLocale: 'en',
    });
    expect(en.actions[0].reply).toMatch(/^Hi 李梅, welcome/);
    const ui = await call<BuyerCardDto>('getBuyerCard', { buyerKey: KEY, locale: 'zh_CN' });
    expect(ui.actions[0].reply).toMatch(/^李梅您好/);
  });
});
