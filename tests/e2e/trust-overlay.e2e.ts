import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { backupOf } from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage, type PageChrome } from './support/overlay';

/*
 * Page scripts reaching into the overlay. The badges, card and picker live in shadow roots a
 * page script can find; what it dispatches there is untrusted (`isTrusted` false) and must
 * press nothing: no card opens, no card button acts, the picker neither picks nor cancels.
 * `page.evaluate` runs in the page's own world, exactly where a hostile page script runs.
 */

let demo: DemoServer;
let ext: ExtensionSession;
let admin: Page;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  admin = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

/** Everything a card button could change. */
async function dataState(): Promise<string> {
  const b = await backupOf(admin);
  return JSON.stringify({
    tags: b.tags.map((t) => t.name).sort(),
    links: b.buyerTags.length,
    notes: b.notes.map((n) => [n.buyerKey, n.text]),
  });
}

async function openChat(page: Page): Promise<string> {
  await page.goto(`${demo.url}/chat?buyer=${demo.data.conversations[0].buyerId}`);
  const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
  await badge.waitFor({ timeout: 60_000 });
  return `demo:${demo.data.conversations[0].buyerId}`;
}

describe('page scripts cannot press the overlay', () => {
  it('a synthetic click or Alt+Shift+B opens no card; the seller’s click does', async () => {
    const page = await ext.context.newPage();
    await openChat(page);
    const pressed = await page.evaluate(() => {
      const button = document.querySelector('buyer-tiers-badge')?.shadowRoot?.querySelector('button');
      if (!button) return false;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.dispatchEvent(
        new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyB', key: 'B', bubbles: true }),
      );
      return true;
    });
    expect(pressed).toBe(true);
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid="bt-card"]').count()).toBe(0);

    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').click();
    await page.locator('[data-testid="bt-card"]').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('synthetic clicks, typing and keys on every card control change nothing', async () => {
    const page = await ext.context.newPage();
    await openChat(page);
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').click();
    const card = page.locator('[data-testid="bt-card"]');
    await card.waitFor({ timeout: 10_000 });
    const before = await dataState();

    const touched = await page.evaluate(() => {
      const root = document.querySelector('buyer-tiers-card')?.shadowRoot;
      if (!root) return 0;
      let n = 0;
      for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
        field.value = 'forged by the page';
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        field.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }),
        );
        n++;
      }
      for (const button of root.querySelectorAll('button')) {
        button.click();
        n++;
      }
      root
        .querySelector('[data-testid="bt-card"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      return n;
    });
    expect(touched).toBeGreaterThan(2);
    await page.waitForTimeout(1500);
    // The close button and Escape did not close it; the note, tag and action buttons wrote nothing.
    expect(await card.count()).toBe(1);
    expect(await dataState()).toBe(before);
    // The seller's own Escape still closes it.
    await page.locator('[data-testid="bt-card"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(0);
    await page.close();
  });

  it('the teach-mode picker neither picks nor cancels on synthetic events', async () => {
    const page = await ext.context.newPage();
    await openChat(page);
    const url = page.url();
    const tabId = await admin.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { chrome: PageChrome }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? -1;
    }, url);
    await ask(admin, 'startTeachMode', { tabId });
    const panel = page.locator('[data-testid="bt-teach-panel"]');
    await panel.waitFor({ timeout: 10_000 });
    const stepBefore = await panel.textContent();

    await page.evaluate(() => {
      const target = document.querySelector('#chat-header [data-buyer-id]') ?? document.body;
      target.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true }));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      for (const b of document.querySelector('buyer-tiers-teach')?.shadowRoot?.querySelectorAll('button') ??
        []) {
        b.click();
      }
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(1000);
    expect(await page.locator('buyer-tiers-teach').count()).toBe(1);
    expect(await panel.textContent()).toBe(stepBefore);

    // The seller's own click picks (the step moves on), and their Escape cancels.
    await page.click('#chat-header [data-buyer-id]');
    await expect.poll(() => panel.textContent()).not.toBe(stepBefore);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('buyer-tiers-teach').count()).toBe(0);
    await page.close();
  });
});
