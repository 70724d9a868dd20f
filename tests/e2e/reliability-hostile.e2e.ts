import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../core/backup/format';
import { type DemoServer, startDemoServer } from '../demo/server';
import { askPage } from './import-helpers';
import { type Cdp, openCdp } from './support/cdp';
import { backupOf } from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';

/*
 * Hostile pages: buyer names made of markup, a page dressed up as another marketplace, page
 * scripts that try to talk to the extension, and a content script asking for another site's data.
 */

let demo: DemoServer;
let ext: ExtensionSession;
const dialogs: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  const watch = (p: Page) =>
    p.on('dialog', (d) => {
      dialogs.push(`${p.url()}: ${d.message()}`);
      void d.dismiss();
    });
  ext.context.pages().forEach(watch);
  ext.context.on('page', watch);
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

/** Elements a name could have created, in the document and every open shadow root. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img src=x');
        if ([...el.attributes].some((a) => /^on/i.test(a.name)))
          found.push(`${tag} with ${[...el.attributes].map((a) => a.name).join(' ')}`);
        // The demo page's own JSON data block carries the names as data; any other script naming
        // them would have come from one.
        if (
          tag === 'script' &&
          el.getAttribute('type') !== 'application/json' &&
          /alert\(|javascript:/.test(el.textContent ?? '')
        )
          found.push('script');
        if (tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(tag);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

async function snapshot(page: Page): Promise<string> {
  const b: BackupFile = await backupOf(page);
  // Everything a message could change, without timestamps that move by themselves.
  return JSON.stringify({
    buyers: b.buyers.map((x) => [x.key, x.name]).sort(),
    orders: b.orders.length,
    tags: b.tags.length,
    links: b.buyerTags.length,
    notes: b.notes.map((n) => [n.buyerKey, n.text]),
  });
}

describe('hostile pages', () => {
  it('markup, RTL and very long buyer names stay text in the badge, the card, the dashboard and exports', async () => {
    const page = await ext.context.newPage();
    for (const id of ['eve_xss', 'mallory_rtl', 'longname_buyer']) {
      await page.goto(`${demo.url}/chat?buyer=${id}`);
      const badge = page.locator(`buyer-tiers-badge [data-testid="bt-badge"][data-buyer-key="demo:${id}"]`);
      await badge.waitFor({ timeout: 60_000 });
      await badge.click();
      await page.locator('[data-testid="bt-card"]').waitFor();
      expect(await injected(page)).toEqual([]);
      await page.keyboard.press('Escape');
    }
    const dash = await ext.openExtensionPage('dashboard.html#buyers');
    for (const text of ['Eve<img', 'Mallory', '超长名字']) {
      await dash.locator('[data-testid="filter-text"]').fill(text);
      const rows = dash.locator('[data-testid="buyer-rows"] [role="row"][data-buyer-key]');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // The table and the buyer's detail panel.
      await rows.first().locator('.bt-name').click();
      await dash.locator('.drawer-backdrop').waitFor();
      expect(await injected(dash)).toEqual([]);
      await dash.keyboard.press('Escape');
      await dash.locator('.drawer-backdrop').waitFor({ state: 'detached' });
    }
    await expect
      .poll(() => dash.locator('[data-testid="buyer-rows"]').textContent(), { timeout: 10_000 })
      .toContain('超长名字');

    const csv = await askPage<{ content: string }>(dash, 'exportBuyers', {
      selection: { buyerKeys: ['demo:eve_xss', 'demo:mallory_rtl', 'demo:longname_buyer'] },
      columns: ['platform', 'buyerId', 'name'],
      format: 'csv',
    });
    expect(csv.content).toContain('<img src=x onerror=alert(1)>');
    // No cell starts a formula; the RTL override is kept as data, not dropped silently or executed.
    for (const cell of csv.content.split(/[,\r\n]+/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    expect(dialogs).toEqual([]);
    await dash.close();
    await page.close();
  });

  it('a page forged with WhatsApp markup on the demo origin is only ever the demo platform', async () => {
    const forged = `<!doctype html><html><body>
      <div id="app"><div id="main"><header><div data-id="false_15550001111@c.us">
        <span dir="auto" title="+1 555 000 1111">Forged WhatsApp Buyer</span></div></header>
        <footer><div contenteditable="true" role="textbox" title="Type a message"></div></footer></div></div>
      <div id="chat-header"><span class="buyer-name" data-buyer-id="whatsapp:15550001111">whatsapp:15550001111</span></div>
      </body></html>`;
    await ext.context.route(`${demo.url}/chat-forged*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: forged }),
    );
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat-forged`);
    await page.waitForTimeout(2500);
    const dash = await ext.openExtensionPage('dashboard.html#overview');
    const b = await backupOf(dash);
    expect(b.buyers.filter((x) => x.platform !== 'demo').map((x) => x.key)).toEqual([]);
    expect(b.orders.filter((o) => o.platform !== 'demo').length).toBe(0);
    await page.close();
    await dash.close();
  });

  it('page scripts cannot talk to the extension: postMessage, DOM events and runtime.sendMessage do nothing', async () => {
    const dash = await ext.openExtensionPage('dashboard.html#overview');
    const before = await snapshot(dash);
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=eve_xss`);
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').waitFor({ timeout: 60_000 });
    const result = await page.evaluate(async (extensionId) => {
      const heard: unknown[] = [];
      // Only real postMessage deliveries (the CustomEvents named "message" below are ours).
      window.addEventListener('message', (e) => {
        if (e instanceof MessageEvent) heard.push(e.data);
      });
      const payloads = [
        { id: 1, type: 'tagBuyers', data: { buyerKeys: ['demo:eve_xss'], tagId: 't_x' }, timestamp: 0 },
        { id: 2, type: 'saveNote', data: { buyerKey: 'demo:eve_xss', text: 'pwned' }, timestamp: 0 },
        { id: 3, type: 'deleteEverything', data: { confirm: 'DELETE' }, timestamp: 0 },
        { type: 'bt:open-card' },
        { id: 4, type: 'dataChanged', data: { at: 0, buyerKeys: [], kinds: ['settings'] }, timestamp: 0 },
        { source: 'webext-messaging', message: { type: 'forgetBuyer', data: { buyerKey: 'demo:eve_xss' } } },
      ];
      for (const p of payloads) {
        window.postMessage(p, '*');
        window.postMessage(JSON.stringify(p), '*');
        for (const name of ['message', 'bt:open-card', 'dataChanged', 'webext-messaging', 'buyer-tiers']) {
          document.dispatchEvent(new CustomEvent(name, { detail: p, bubbles: true }));
          window.dispatchEvent(new CustomEvent(name, { detail: p }));
        }
      }
      let runtime = 'no chrome.runtime';
      const chromeApi = (
        globalThis as unknown as {
          chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } };
        }
      ).chrome;
      if (chromeApi?.runtime?.sendMessage) {
        try {
          runtime = `answered ${JSON.stringify(await chromeApi.runtime.sendMessage(extensionId, payloads[2]))}`;
        } catch (e) {
          runtime = `refused: ${String(e)}`;
        }
      }
      await new Promise((r) => setTimeout(r, 1500));
      return { heard: heard.length, sent: payloads.length * 2, runtime };
    }, ext.extensionId);
    // Nothing but our own posts arrived; externally_connectable is unset, so no runtime either.
    expect(result.heard).toBe(result.sent);
    expect(result.runtime).not.toMatch(/^answered/);
    expect(await page.locator('buyer-tiers-card').count()).toBe(0);
    expect(await snapshot(dash)).toBe(before);
    expect(dialogs).toEqual([]);
    await page.close();
    await dash.close();
  });

  it("a content script on one site gets nothing of another site's buyers", async () => {
    const dash = await ext.openExtensionPage('dashboard.html#overview');
    await askPage(dash, 'seeBuyer', { platform: 'whatsapp', buyerId: '15550002222', name: 'WA buyer' });
    const tag = await askPage<{ id: string }>(dash, 'createTag', { name: 'cross-site' });
    const page = await ext.context.newPage();
    const cdp: Cdp = await openCdp(page, ext.extensionId);
    await page.goto(`${demo.url}/chat?buyer=eve_xss`);
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').waitFor({ timeout: 60_000 });
    const send = (type: string, data: unknown) =>
      cdp
        .isolatedWorld<{ res: { ok: boolean; value?: unknown; error?: { code: string } } }>(
          `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: 0 })})`,
        )
        .then((r) => r.res);

    const badges = await send('getBadges', { buyerKeys: ['whatsapp:15550002222', 'demo:eve_xss'] });
    expect(Object.keys(badges.value as object)).toEqual(['demo:eve_xss']);
    for (const [type, data] of [
      ['getBuyerCard', { buyerKey: 'whatsapp:15550002222' }],
      ['tagBuyers', { buyerKeys: ['whatsapp:15550002222'], tagId: tag.id }],
      ['saveNote', { buyerKey: 'whatsapp:15550002222', text: 'x' }],
      ['seeBuyer', { platform: 'whatsapp', buyerId: '15550003333' }],
      ['getNeeds', { buyerKey: 'whatsapp:15550002222' }],
      ['queryBuyers', { filters: {}, sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 10 }],
      ['createBackup', {}],
    ] as const) {
      const r = await send(type, data);
      expect(r.ok, `${type} from the demo page`).toBe(false);
      expect(r.error?.code).toBe('forbidden');
    }
    const b = await backupOf(dash);
    expect(b.buyers.filter((x) => x.platform === 'whatsapp').map((x) => x.key)).toEqual([
      'whatsapp:15550002222',
    ]);
    expect(b.buyerTags.filter((l) => l.tagId === tag.id)).toEqual([]);
    await cdp.detach();
    await page.close();
    await dash.close();
  });
});
