import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeDto } from '../../core/messaging';
import type { NeedsDto } from '../../core/needs/dto';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, badgesOf, extensionPage } from './support/overlay';

/*
 * WhatsApp Web on its 2026 markup (tests/fixtures/sites/whatsapp, built on the dated evidence),
 * served at https://web.whatsapp.com/ with the built extension loaded.
 */
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/sites/whatsapp');
const URL = 'https://web.whatsapp.com/';

/**
 * A test double of the Lexical reply box, for this test only (never in the fixtures): like
 * Lexical it owns its DOM, reverting any change made to it directly (textContent, appended nodes,
 * untrusted input events), and only takes text from a `beforeinput` insertText or from the
 * browser's own insertion (execCommand). It counts Enter presses and submits as "sends".
 */
const LEXICAL_DOUBLE = `<script>(() => {
  const el = document.querySelector('#main footer [data-lexical-editor="true"]');
  const state = { model: '', sends: 0 };
  window.lexicalDouble = state;
  let observer;
  const render = () => {
    const p = document.createElement('p');
    p.className = 'selectable-text copyable-text';
    if (state.model) {
      const span = document.createElement('span');
      span.setAttribute('data-lexical-text', 'true');
      span.textContent = state.model;
      p.append(span);
    } else p.append(document.createElement('br'));
    el.replaceChildren(p);
    observer.takeRecords();
  };
  observer = new MutationObserver(() => { if ((el.textContent || '') !== state.model) render(); });
  observer.observe(el, { childList: true, subtree: true, characterData: true });
  el.addEventListener('beforeinput', (e) => {
    if (e.inputType !== 'insertText' || typeof e.data !== 'string') return;
    e.preventDefault();
    state.model += e.data;
    render();
  });
  el.addEventListener('input', (e) => {
    if (!e.isTrusted || e.inputType !== 'insertText' || typeof e.data !== 'string') return;
    state.model += e.data;
    render();
  });
  el.addEventListener('keydown', (e) => { if (e.key === 'Enter') state.sends++; });
  document.addEventListener('submit', () => { state.sends++; }, true);
})();</script>`;

let ext: ExtensionSession;
let admin: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  admin = await extensionPage(ext);
});
afterAll(async () => {
  await admin?.close();
  await ext?.close();
});

async function open(file: string, edit: (html: string) => string = (h) => h): Promise<Page> {
  const page = await ext.context.newPage();
  const html = edit(readFileSync(resolve(FIXTURES, file), 'utf8'));
  await page.route('https://web.whatsapp.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(URL);
  return page;
}

const headerBadge = (page: Page) => page.locator('buyer-tiers-badge [data-testid="bt-badge"]');

describe('WhatsApp Web, 2026 markup', () => {
  it('badges the open chat in its header and every chat row by its title cell, not the preview', async () => {
    const page = await open('chat-open.html');
    await expect
      .poll(() => headerBadge(page).getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:Tan Wei Ming');
    // Five named rows (the "message yourself" row is not a buyer), all beside their title span.
    await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 10_000 }).toBe(5);
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll('buyer-tiers-mini')].map((h) => ({
        inTitle: h.closest('[data-testid="cell-frame-title"]') !== null,
        inPreview: h.closest('[data-testid="last-msg-status"]') !== null,
      })),
    );
    expect(placed.every((p) => p.inTitle && !p.inPreview)).toBe(true);
    await page.close();
  });

  it('a group chat gets no buyer badge and never becomes a buyer', async () => {
    const page = await open('chat-group.html');
    await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 15_000 }).toBe(2);
    // The list pass has run, so the header pass has too: still no header badge.
    await page.waitForTimeout(500);
    expect(await page.locator('buyer-tiers-badge').count()).toBe(0);
    expect(await badgesOf(admin, ['whatsapp:Pottery Lovers SG'])).toEqual({});
    await page.close();
  });

  it("counts needs from the buyer's messages only", async () => {
    const page = await open('chat-open.html');
    const key = 'whatsapp:Tan Wei Ming';
    await expect
      .poll(async () => (await ask<NeedsDto>(admin, 'getNeeds', { buyerKey: key })).chats, {
        timeout: 20_000,
      })
      .toBe(1);
    const needs = await ask<NeedsDto & { perNeed: Record<string, { chats: number }> }>(admin, 'getNeeds', {
      buyerKey: key,
    });
    // The buyer asked about a discount and shipping; only the seller spoke of quality.
    expect(needs.perNeed.price.chats).toBe(1);
    expect(needs.perNeed.service.chats).toBe(1);
    expect(needs.perNeed.quality.chats).toBe(0);
    await page.close();
  });

  it('inserts a suggested reply into the Lexical editor without sending', async () => {
    // One paid order makes the buyer "new", which the welcome action answers.
    await ask(admin, 'recordCapturedOrders', {
      platform: 'whatsapp',
      orders: [
        {
          orderId: 'wa-1001',
          buyerId: 'Emily Miller',
          buyerName: 'Emily Miller',
          placedAt: Date.now() - 2 * 86_400_000,
          total: 4500,
          currency: 'USD',
          status: 'paid',
          items: [{ title: 'Large vase', qty: 1, unitPrice: 4500 }],
        },
      ],
    });
    const page = await open('chat-titled-name.html', (html) => `${html}${LEXICAL_DOUBLE}`);
    await expect
      .poll(() => headerBadge(page).getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:Emily Miller');
    const bubbles = await page.locator('#main [data-testid^="conv-msg"]').count();
    // Pressed with the keyboard: a dispatched click is untrusted, and the overlay ignores those.
    await headerBadge(page).focus();
    await page.keyboard.press('Enter');
    const insert = page.locator('[data-testid="bt-insert"]').first();
    await expect.poll(() => insert.count(), { timeout: 15_000 }).toBe(1);
    const reply = ((await page.locator('.bt-action p').first().textContent()) ?? '').trim();
    expect(reply.length).toBeGreaterThan(10);
    await insert.focus();
    await page.keyboard.press('Enter');
    const state = () =>
      page.evaluate(
        () => (window as unknown as { lexicalDouble: { model: string; sends: number } }).lexicalDouble,
      );
    await expect.poll(async () => (await state()).model, { timeout: 5_000 }).toBe(reply);
    expect(await page.locator('#main footer [data-lexical-editor="true"]').textContent()).toBe(reply);
    expect((await state()).sends).toBe(0);
    expect(await page.locator('#main [data-testid^="conv-msg"]').count()).toBe(bubbles);
    await page.close();
  });

  it('merges a buyer first met by name into the phone the contact drawer shows (tags carried over)', async () => {
    const fixture = readFileSync(resolve(FIXTURES, 'chat-contact-drawer.html'), 'utf8');
    const drawerStart = fixture.indexOf('  <div data-testid="drawer-right"');
    const drawerEnd = fixture.indexOf('</div></div>', drawerStart);
    const drawer = fixture.slice(drawerStart, drawerEnd);
    // First visit: the drawer is shut, so the buyer is known by name; the seller tags them.
    const page = await open('chat-contact-drawer.html', (html) => html.replace(drawer, ''));
    await expect
      .poll(() => headerBadge(page).getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:Siti Rahman');
    const tag = await ask<{ id: string }>(admin, 'createTag', { name: 'Teapots' });
    await ask(admin, 'tagBuyers', { buyerKeys: ['whatsapp:Siti Rahman'], tagId: tag.id });
    await ask(admin, 'saveNote', { buyerKey: 'whatsapp:Siti Rahman', text: 'Wants the blue set' });
    await expect.poll(() => headerBadge(page).textContent(), { timeout: 10_000 }).toContain('Teapots');

    // The seller opens the contact info: the phone shows, the same buyer is now keyed by it.
    await page.evaluate((markup) => {
      document.querySelector('#app > div')?.insertAdjacentHTML('beforeend', markup);
    }, drawer);
    await expect
      .poll(() => headerBadge(page).getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:60123456789');
    await expect.poll(() => headerBadge(page).textContent(), { timeout: 10_000 }).toContain('Teapots');
    // The chat row, which shows the name only, is badged as the same (phone) buyer too.
    const mini = page.locator('buyer-tiers-mini [data-testid="bt-mini"]');
    await expect
      .poll(() => mini.getAttribute('data-buyer-key'), { timeout: 10_000 })
      .toBe('whatsapp:60123456789');
    await expect.poll(() => mini.getAttribute('data-known')).toBe('true');
    await expect
      .poll(async () => Object.keys(await badgesOf(admin, ['whatsapp:Siti Rahman', 'whatsapp:60123456789'])))
      .toEqual(['whatsapp:60123456789']);
    const card = await ask<{ note?: { text: string }; badge: BadgeDto }>(admin, 'getBuyerCard', {
      buyerKey: 'whatsapp:60123456789',
    });
    expect(card.note?.text).toBe('Wants the blue set');
    expect(card.badge.name).toBe('Siti Rahman');

    // Closing the drawer keeps the phone buyer (the name is remembered for this visit).
    await page.evaluate(() => document.querySelector('[data-testid="drawer-right"]')?.remove());
    await page.waitForTimeout(500);
    expect(await headerBadge(page).getAttribute('data-buyer-key')).toBe('whatsapp:60123456789');
    expect(await badgesOf(admin, ['whatsapp:Siti Rahman'])).toEqual({});
    await page.close();
  });
});
