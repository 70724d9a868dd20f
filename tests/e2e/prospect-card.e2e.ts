import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerCardDto } from '../../core/messaging';
import type { Lexicon } from '../../core/needs/lexicon';
import { classifyMessage } from '../../core/needs/match';
import type { DemoConversation } from '../demo/data';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage } from './support/overlay';

/*
 * A buyer chatting before a first order, on the demo chat page: the demo shop's prospects have
 * conversations but no orders, so the demo load stores nothing about them and the chat visit
 * records them (without classes, until the next full rescore). Their card must offer the
 * first-order welcome, in the buyer's chat language, and answer what the chat asks about.
 */

/** A quality question (checked against the lexicon below, so the test cannot drift from it). */
const QUALITY_MESSAGE = '质量怎么样？是正品吗？';

let demo: DemoServer;
let ext: ExtensionSession;
let api: Page;
let lexicon: Lexicon;

const keyOf = (c: DemoConversation) => `demo:${c.buyerId}`;
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`${demo.url}/chat`);
  // The demo data is loaded once the first (repeat) buyer's badge shows orders.
  await page.waitForFunction(
    () => /order/.test(document.querySelector('buyer-tiers-badge')?.shadowRoot?.textContent ?? ''),
    undefined,
    { timeout: 90_000 },
  );
  await page.close();
  api = await extensionPage(ext);
  lexicon = await ask<Lexicon>(api, 'getLexicon', {});
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

async function openCard(page: Page, key: string): Promise<void> {
  const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
  await expect.poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 }).toBe(key);
  await badge.click();
  await expect
    .poll(() => page.locator('[data-testid="bt-card"]').getAttribute('data-buyer-key'), { timeout: 15_000 })
    .toBe(key);
}

describe('the buyer card of a prospect', () => {
  it('offers the first-order welcome in the buyer’s language, answers the chat’s quality question, and inserts without sending', async () => {
    const noOrders = (c: DemoConversation) => !demo.data.orders.some((o) => o.buyerKey === keyOf(c));
    const conv = demo.data.conversations.find(
      (c) => noOrders(c) && c.messages.some((m) => m.from === 'buyer' && hasHan(m.text)),
    );
    if (!conv) throw new Error('the demo data has no chatting prospect who writes Chinese');
    expect([...classifyMessage(QUALITY_MESSAGE, lexicon)]).toEqual(['quality']);
    const key = keyOf(conv);
    // Nothing is stored about this buyer before the chat is opened.
    await expect(ask<BuyerCardDto>(api, 'getBuyerCard', { buyerKey: key })).rejects.toThrow();

    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(conv.buyerId)}`);
    await openCard(page, key);
    const card = page.locator('[data-testid="bt-card"]');
    const welcome = card.locator('[data-action-id="first-order-welcome"]');
    await expect.poll(() => welcome.count(), { timeout: 15_000 }).toBe(1);
    // Title in the interface language (English), reply in the buyer's (Chinese).
    expect(await welcome.locator('strong').textContent()).toBe('Welcome with a first-order offer');
    expect(await welcome.locator('p').textContent()).toContain('欢迎光临本店');
    expect(await card.getByTestId('bt-card-summary').textContent()).toContain('no orders yet');

    // Today the buyer asks about quality: the card answers with the guarantee.
    await page.evaluate(
      (text) => (window as unknown as { demoReceive(t: string): void }).demoReceive(text),
      QUALITY_MESSAGE,
    );
    const guarantee = card.locator('[data-action-id="quality-guarantee"]');
    await expect.poll(() => guarantee.count(), { timeout: 20_000 }).toBe(1);
    expect(await guarantee.locator('p').textContent()).toContain('全额退款');
    const order = await card
      .locator('.bt-action')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
    expect(order.slice(0, 2)).toEqual(['first-order-welcome', 'quality-guarantee']);

    // "Insert reply" fills the chat box; nothing is sent.
    const before = await page.locator('#message-thread li.message').count();
    await welcome.getByTestId('bt-insert').click();
    await expect
      .poll(() => page.locator('#reply-input').inputValue(), { timeout: 5_000 })
      .toContain('欢迎光临本店');
    expect(await page.locator('#message-thread li.message').count()).toBe(before);
    await page.close();
  });
});
