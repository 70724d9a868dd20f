import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage, openFixturePage, type PageChrome } from './support/overlay';

/*
 * Site-rule files between two browsers: a rule made in one profile is exported from its
 * dashboard, imported into a fresh profile's dashboard and badges the page there. Site access is
 * granted the way teach-mode.e2e.ts explains (the seller's "On specific sites" in
 * chrome://extensions): the import's permissions.request then resolves at once, as it does for
 * any granted origin, so the product path runs unchanged without the prompt headless cannot click.
 */
const ORIGIN = 'http://shop.example.test';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Shop chat</title></head>
<body style="padding-top:120px;font:14px sans-serif">
<ul id="threads">
  <li><span class="nick">Alice Shopper</span></li>
  <li><span class="nick">Bob Buyer</span></li>
</ul>
<section><h2 class="peer">Alice Shopper</h2><textarea name="msg"></textarea></section>
</body></html>`;

const sessions: ExtensionSession[] = [];
let demo: DemoServer;

async function launch(): Promise<{ ext: ExtensionSession; admin: Page }> {
  const ext = await launchWithExtension();
  sessions.push(ext);
  await ext.context.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
  return { ext, admin: await extensionPage(ext) };
}

async function grantSiteAccess(ext: ExtensionSession, admin: Page, origin: string): Promise<void> {
  const settings = await ext.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    async ([id, pattern]) => {
      const dp = (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(i: string, h: string): Promise<void> } };
        }
      ).chrome.developerPrivate;
      await dp.addHostPermission(id, pattern);
    },
    [ext.extensionId, `${origin}/*`] as const,
  );
  await settings.close();
  const granted = await admin.evaluate(
    (o) => (globalThis as unknown as { chrome: PageChrome }).chrome.permissions.request({ origins: [o] }),
    `${origin}/*`,
  );
  if (!granted) throw new Error('site access was not granted');
}

async function importInDashboard(ext: ExtensionSession, name: string, content: string): Promise<Page> {
  const dash = await ext.openExtensionPage('dashboard.html#sites');
  await dash.getByTestId('rule-import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  await dash.getByTestId('rule-import-preview').waitFor({ timeout: 10_000 });
  await dash.getByTestId('rule-import-confirm').click();
  await expect.poll(() => dash.getByTestId('rule-import-preview').count(), { timeout: 10_000 }).toBe(0);
  return dash;
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await demo?.close();
});

describe('site-rule files', () => {
  it('a rule exported from one browser and imported into a fresh one badges the page there', async () => {
    // Browser A: the rule as teach mode saves it, then Export in the dashboard.
    const a = await launch();
    await grantSiteAccess(a.ext, a.admin, ORIGIN);
    await ask(a.admin, 'saveSiteRule', {
      rule: {
        origin: ORIGIN,
        label: 'Shop chat',
        chatBuyerSelector: 'h2.peer',
        chatInputSelector: 'textarea[name="msg"]',
        listBuyerSelector: '#threads .nick',
      },
    });
    const dashA = await a.ext.openExtensionPage('dashboard.html#sites');
    const [download] = await Promise.all([
      dashA.waitForEvent('download'),
      dashA.getByTestId('rule-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('buyer-tiers-rule-shop.example.test.json');
    const content = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(content)).toMatchObject({ kind: 'buyer-tiers/site-rule', rule: { origin: ORIGIN } });

    // Browser B, a fresh profile: a broken file is refused with the field named…
    const b = await launch();
    await grantSiteAccess(b.ext, b.admin, ORIGIN);
    const dashB = await b.ext.openExtensionPage('dashboard.html#sites');
    const broken = JSON.parse(content);
    broken.rule.origin = `${ORIGIN}/chat`;
    await dashB.getByTestId('rule-import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect
      .poll(() => dashB.getByTestId('rule-import-problem').textContent(), { timeout: 10_000 })
      .toContain('“rule.origin”');
    expect(await ask<unknown[]>(b.admin, 'listSiteRules', {})).toEqual([]);
    await dashB.close();

    // …the real one is imported, and the page gets its badges.
    await importInDashboard(b.ext, download.suggestedFilename(), content);
    const rules = await ask<Array<{ id: string; origin: string }>>(b.admin, 'listSiteRules', {});
    expect(rules.map((r) => r.origin)).toEqual([ORIGIN]);
    const page = await b.ext.context.newPage();
    await page.goto(`${ORIGIN}/chat`);
    const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe(`custom-${rules[0].id}:Alice Shopper`);
    await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('an imported rule for a built-in site replaces the built-in adapter’s reading there', async () => {
    const b = sessions[1] ? { ext: sessions[1], admin: await extensionPage(sessions[1]) } : await launch();
    const chat = await b.ext.context.newPage();
    await chat.goto(`${demo.url}/chat`);
    const firstId = demo.data.conversations[0].buyerId;
    const badge = chat.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    // The built-in demo adapter badges the chat header and every conversation in the list.
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 60_000 })
      .toBe(`demo:${firstId}`);
    await expect.poll(() => chat.locator('buyer-tiers-mini').count(), { timeout: 15_000 }).toBeGreaterThan(3);

    // A rule for this origin that reads only the header's buyer (a seller's fix for a changed site).
    const file = {
      kind: 'buyer-tiers/site-rule',
      version: 1,
      exportedAt: Date.now(),
      rule: {
        origin: demo.url,
        label: 'Demo chat, fixed by a colleague',
        chatBuyerSelector: '#chat-header .chat-buyer-name',
        createdAt: Date.UTC(2026, 11, 1),
      },
    };
    const dash = await importInDashboard(b.ext, 'demo-rule.json', JSON.stringify(file));
    await expect.poll(() => dash.getByTestId('rule-overrides').count(), { timeout: 10_000 }).toBe(1);
    await dash.close();

    await chat.reload();
    // The rule reads the header (same buyer, the built-in platform kept) and nothing else: the
    // built-in adapter's list reading has stepped aside.
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe(`demo:${firstId}`);
    await chat.waitForTimeout(1_000);
    expect(await chat.locator('buyer-tiers-mini').count()).toBe(0);
    await chat.close();
  });
  it('a built-in site’s own script loads the rule reader only when the site has a rule', async () => {
    const { ext } = await launch();
    const chat = await openFixturePage(ext, 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/');
    const badge = chat.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:Tan Wei Ming');
    await expect.poll(() => chat.locator('buyer-tiers-mini').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const file = {
      kind: 'buyer-tiers/site-rule',
      version: 1,
      exportedAt: Date.now(),
      rule: {
        origin: 'https://web.whatsapp.com',
        label: 'WhatsApp header only',
        chatBuyerSelector: '[data-testid="conversation-info-header-chat-title"]',
        createdAt: Date.UTC(2026, 11, 1),
      },
    };
    const dash = await importInDashboard(ext, 'whatsapp-rule.json', JSON.stringify(file));
    await expect.poll(() => dash.getByTestId('rule-overrides').count(), { timeout: 10_000 }).toBe(1);
    await dash.close();

    await chat.reload();
    // Read by the rule (injected reader): the header's buyer on the WhatsApp platform, and no
    // list badges, which the rule does not read.
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 15_000 })
      .toBe('whatsapp:Tan Wei Ming');
    await chat.waitForTimeout(1_000);
    expect(await chat.locator('buyer-tiers-mini').count()).toBe(0);
    await chat.close();
  });
});
