import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerCardDto } from '../../core/messaging';
import type { NeedsDto } from '../../core/needs/dto';
import type { Need } from '../../core/needs/kinds';
import type { Lexicon } from '../../core/needs/lexicon';
import { classifyMessage } from '../../core/needs/match';
import { DEFAULT_ACTION_TEMPLATES } from '../../core/scoring/actions';
import type { DemoConversation } from '../demo/data';
import { type DemoServer, startDemoServer } from '../demo/server';
import { demoBuyerFacts } from './support/demo';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage } from './support/overlay';

/*
 * Needs from conversations on the demo chat page. A "chat" is a conversation-day: the demo
 * threads were all written on earlier days, and window.demoReceive adds a buyer message dated
 * now, i.e. a second chat day. With the default minChats = 2 a price question on both days sets
 * the price orientation, while one price message alone never does.
 */

const PRICE_MESSAGE = '有优惠券吗？能便宜点吗';

let demo: DemoServer;
let ext: ExtensionSession;
let api: Page;
let lexicon: Lexicon;

/** Priority of each default action, to know whether "bundle-discount" can still make the top 3. */
const PRIORITY = new Map(DEFAULT_ACTION_TEMPLATES.map((t) => [t.id, t.priority]));
const BUNDLE = 'bundle-discount';

const keyOf = (c: DemoConversation) => `demo:${c.buyerId}`;

/** Local calendar day of an instant (the browser and this process share the time zone). */
function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** The thread's chat days: the buyer's messages per local day, with the needs they mention. */
function chatDays(c: DemoConversation): Array<{ day: string; needs: Set<Need> }> {
  const days = new Map<string, Set<Need>>();
  for (const m of c.messages) {
    if (m.from !== 'buyer') continue;
    const needs = days.get(localDay(m.at)) ?? new Set<Need>();
    for (const n of classifyMessage(m.text, lexicon)) needs.add(n);
    days.set(localDay(m.at), needs);
  }
  return [...days].map(([day, needs]) => ({ day, needs }));
}

/** A thread written on exactly one earlier day (so today's message makes a second chat). */
function oneEarlierDay(c: DemoConversation): boolean {
  const days = chatDays(c);
  return (
    days.length === 1 && days[0].day !== localDay(Date.now()) && c.messages.every((m) => m.at < Date.now())
  );
}

async function cardOf(key: string): Promise<BuyerCardDto> {
  return ask<BuyerCardDto>(api, 'getBuyerCard', { buyerKey: key, locale: 'en' });
}

async function needsOf(key: string): Promise<NeedsDto> {
  return ask<NeedsDto>(api, 'getNeeds', { buyerKey: key });
}

/** The stored needs row itself, read from the extension's IndexedDB (what "stored" means). */
async function storedNeedsRow(key: string): Promise<unknown> {
  return api.evaluate(
    (buyerKey) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('buyer-tiers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('needs', 'readonly').objectStore('needs').get(buyerKey);
          get.onsuccess = () => {
            db.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Strings (keys and values) anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

/** Asserts nothing of the buyer's chat text is in `value`: no message, no lexicon term. */
function expectNoText(value: unknown, conv: DemoConversation): void {
  const json = JSON.stringify(value);
  for (const m of [...conv.messages.map((x) => x.text), PRICE_MESSAGE]) expect(json).not.toContain(m);
  for (const term of Object.values(lexicon.terms).flat()) {
    if (/[^\x20-\x7e]/.test(term)) expect(json).not.toContain(term);
  }
  // Every string is the buyer key, a field name, a need name or a reason code: no free text.
  const allowed = /^([a-zA-Z]+|needs\.[a-z-]+)$/;
  for (const s of stringsIn(value)) if (s !== keyOf(conv)) expect(s).toMatch(allowed);
}

async function openCard(page: Page, conv: DemoConversation): Promise<void> {
  const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
  await expect.poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 }).toBe(keyOf(conv));
  await badge.click();
  await expect
    .poll(() => page.locator('[data-testid="bt-card"]').getAttribute('data-buyer-key'), { timeout: 15_000 })
    .toBe(keyOf(conv));
}

const summary = (page: Page) => page.locator('[data-testid="bt-card"] [data-testid="needs-summary"]');
const summaryText = async (page: Page) => (await summary(page).textContent()) ?? '';

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`${demo.url}/chat`);
  await page.waitForFunction(
    () => /order/.test(document.querySelector('buyer-tiers-badge')?.shadowRoot?.textContent ?? ''),
    undefined,
    { timeout: 90_000 },
  );
  // The browser and this process must agree on the local day, or "today" would differ.
  expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(new Date().getTimezoneOffset());
  await page.close();
  api = await extensionPage(ext);
  lexicon = await ask<Lexicon>(api, 'getLexicon', {});
  // Wait until the demo shop is loaded and scored (the repeat buyers have their orders and classes).
  const repeat = demo.data.conversations.find((c) => demoBuyerFacts(demo.data, c.buyerId).paidOrders >= 3);
  if (!repeat) throw new Error('demo data has no repeat buyer in chat');
  const want = demoBuyerFacts(demo.data, repeat.buyerId).paidOrders;
  for (let i = 0; ; i++) {
    const card = await cardOf(keyOf(repeat)).catch(() => null);
    if (card?.buyer.classes && card.badge.paidOrders === want) break;
    if (i > 90) throw new Error('the demo shop was not loaded and scored in time');
    await new Promise((r) => setTimeout(r, 1_000));
  }
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('needs from conversations on the buyer card', () => {
  it('a discount question on a second chat day makes the buyer price-oriented, with its reason and the bundle action; a correction sticks; no text is stored', async () => {
    // A buyer who already asked about price on an earlier day, has orders and classes, and whose
    // current actions leave room for the bundle/coupon action once the price orientation is set.
    const first = demo.data.conversations[0].buyerId;
    let conv: DemoConversation | undefined;
    for (const c of demo.data.conversations) {
      if (c.buyerId === first || !oneEarlierDay(c) || !chatDays(c)[0].needs.has('price')) continue;
      if (demoBuyerFacts(demo.data, c.buyerId).paidOrders === 0) continue;
      const card = await cardOf(keyOf(c));
      const ids = card.actions.map((a) => a.id);
      const ahead = ids.filter((id) => (PRIORITY.get(id) ?? 1000) < (PRIORITY.get(BUNDLE) ?? 0));
      if (card.buyer.classes && !ids.includes(BUNDLE) && ahead.length < 3) {
        conv = c;
        break;
      }
    }
    if (!conv) throw new Error('no demo buyer with an earlier price question and room for the bundle action');
    const key = keyOf(conv);
    expect((await needsOf(key)).chats).toBe(0);

    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(conv.buyerId)}`);
    await openCard(page, conv);
    // The earlier day is read on its own: one chat with a price question decides nothing yet.
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('Price: 1 of 1 chats');
    expect(await summaryText(page)).toContain('No clear need yet');
    expect(await summaryText(page)).toContain('Asked about prices and discounts in 1 of 1 chats');
    expect(await page.locator(`[data-action-id="${BUNDLE}"]`).count()).toBe(0);

    // Today the buyer asks again: a second chat day with a price question.
    await page.evaluate(
      (text) => (window as unknown as { demoReceive(t: string): void }).demoReceive(text),
      PRICE_MESSAGE,
    );
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('Price-oriented');
    const text = await summaryText(page);
    expect(text).toContain('Asked about prices and discounts in 2 of 2 chats');
    expect(text).toContain('Price: 2 of 2 chats');
    expect(text).toContain('2 chats read');
    expect(text).not.toContain('set by you');
    // The background's suggested actions follow the orientation: the bundle/coupon offer shows.
    await expect
      .poll(() => page.locator(`[data-action-id="${BUNDLE}"]`).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.locator(`[data-action-id="${BUNDLE}"]`).textContent()).toContain('bundle');

    const counted = await needsOf(key);
    expect(counted).toMatchObject({ orientation: 'price', source: 'counted', chats: 2 });
    expect(counted.perNeed.price.chats).toBe(2);
    // Only counts and dates are kept: neither the answer nor the stored row holds any chat text.
    expectNoText(counted, conv);
    const row = await storedNeedsRow(key);
    expect(row).toMatchObject({ buyerKey: key, chats: 2 });
    expectNoText(row, conv);

    // The seller disagrees: quality, from the card.
    await summary(page).locator('.bt-needs__edit').click();
    // With the keyboard, as a seller can: the overlay ignores the untrusted change event that
    // selectOption() dispatches (a page script could dispatch the same).
    await summary(page).locator('.bt-needs__correct select').focus();
    await page.keyboard.type('Quality');
    await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain('Quality-oriented');
    expect(await summaryText(page)).toContain('set by you');
    await expect
      .poll(() => page.locator(`[data-action-id="${BUNDLE}"]`).count(), { timeout: 10_000 })
      .toBe(0);

    // Reload: the page is read again (same two days, recounted), and the correction stays.
    const before = (await needsOf(key)).updatedAt ?? 0;
    await page.reload();
    await openCard(page, conv);
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('Quality-oriented');
    expect(await summaryText(page)).toContain('set by you');
    await expect
      .poll(async () => (await needsOf(key)).updatedAt ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(before);
    const after = await needsOf(key);
    expect(after).toMatchObject({ orientation: 'quality', source: 'corrected', chats: 2 });
    expect(after.perNeed.price.chats).toBe(2);
    expect(await summaryText(page)).toContain('Quality-oriented');
    expectNoText(await storedNeedsRow(key), conv);

    // The dashboard's buyer detail shows the same needs.
    const dash = await ext.openExtensionPage(`dashboard.html#buyers&buyer=${encodeURIComponent(key)}`);
    const detail = dash.getByTestId('buyer-detail').getByTestId('needs-summary');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain('Quality-oriented');
    expect(await detail.textContent()).toContain('set by you');
    expect(await detail.textContent()).toContain('Price: 2 of 2 chats');
    await dash.close();
    await page.close();
  });

  it('one price message alone never sets the orientation', async () => {
    const conv = demo.data.conversations.find(
      (c) =>
        c.buyerId !== demo.data.conversations[0].buyerId &&
        oneEarlierDay(c) &&
        !chatDays(c)[0].needs.has('price') &&
        demoBuyerFacts(demo.data, c.buyerId).paidOrders > 0,
    );
    if (!conv) throw new Error('no demo buyer without price questions');
    const key = keyOf(conv);
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(conv.buyerId)}`);
    await openCard(page, conv);
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('1 chats read');

    await page.evaluate(
      (text) => (window as unknown as { demoReceive(t: string): void }).demoReceive(text),
      PRICE_MESSAGE,
    );
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('Price: 1 of 2 chats');
    const text = await summaryText(page);
    expect(text).toContain('No clear need yet');
    expect(text).toContain('(needs 2 to decide)');
    expect(text).not.toContain('-oriented');
    const needs = await needsOf(key);
    expect(needs).toMatchObject({ orientation: null, source: 'none', chats: 2 });
    expect(needs.perNeed.price.chats).toBe(1);
    expectNoText(await storedNeedsRow(key), conv);
    await page.close();
  });
});
