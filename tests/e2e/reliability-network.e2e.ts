import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import { type DemoServer, startDemoServer } from '../demo/server';
import { askPage, downloadText } from './import-helpers';
import { csvFile, startDashboardImport } from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';

/*
 * No network: every request of a whole browsing session — pages, content scripts and the
 * extension's service worker (Playwright reports worker fetches on the context too) — must stay on
 * 127.0.0.1 (the demo marketplace) or inside the extension.
 */

let demo: DemoServer;
let ext: ExtensionSession;
const requests: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  ext.context.on('request', (r) => requests.push(r.url()));
  ext.context.on('page', (p) => p.on('websocket', (ws) => requests.push(ws.url())));
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

function leaving(urls: readonly string[]): string[] {
  return urls.filter((u) => {
    if (/^(chrome-extension|data|blob):/.test(u)) return false;
    try {
      return new URL(u).hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

describe('least privilege: no request leaves the machine', () => {
  it('the recorder sees service-worker fetches (canary)', async () => {
    await ext.worker.evaluate(() => fetch('http://192.0.2.1:9/canary').catch(() => undefined));
    await expect.poll(() => requests.some((u) => u.includes('192.0.2.1')), { timeout: 5000 }).toBe(true);
    requests.length = 0;
  });

  it('import, chat and orders pages, tagging and an export make no request off 127.0.0.1', async () => {
    const chat = await ext.context.newPage();
    await chat.goto(`${demo.url}/chat?buyer=${encodeURIComponent(demo.data.conversations[0].buyerId)}`);
    await chat.locator('buyer-tiers-badge [data-testid="bt-badge"]').waitFor({ timeout: 60_000 });
    await chat.locator('buyer-tiers-badge [data-testid="bt-badge"]').click();
    await chat.locator('[data-testid="bt-card"]').waitFor();

    const orders = await ext.context.newPage();
    await orders.goto(`${demo.url}/orders`);
    await orders.locator('buyer-tiers-mini').first().waitFor({ state: 'attached', timeout: 30_000 });

    const dash = await ext.openExtensionPage('dashboard.html#import');
    await startDashboardImport(dash, csvFile(4000, 9));
    await dash.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });

    const tag = await askPage<Tag>(dash, 'createTag', { name: 'net-check' });
    await askPage(dash, 'tagBuyers', {
      buyerKeys: [`demo:${demo.data.conversations[0].buyerId}`],
      tagId: tag.id,
    });
    // Export lives in Settings.
    await dash.evaluate(() => {
      location.hash = '#settings';
    });
    await dash.reload();
    await dash.locator('[data-testid="io-export-kind"]').waitFor();
    await dash.selectOption('[data-testid="io-export-kind"]', 'tag');
    await dash.selectOption('[data-testid="io-export-value"]', tag.id);
    const csv = await downloadText(dash, () => dash.click('[data-testid="io-export-go"]'));
    expect(csv.text).toContain(demo.data.conversations[0].buyerId);

    for (const p of [chat, orders, dash]) await p.close();
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.some((u) => u.startsWith(demo.url))).toBe(true);
    expect(leaving(requests)).toEqual([]);
  });
});
