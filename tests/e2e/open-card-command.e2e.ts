import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { type ExtensionSession, launchWithExtension } from './support/extension';

/*
 * The open-buyer-card keyboard command reaches the tab as a protocol message (`openBuyerCard`,
 * core/messaging.ts TabMessages): the background sends it to the active tab, whose content
 * script opens the card of the buyer the chat shows. Sent here from the service worker exactly
 * as the command handler sends it, since a headless browser has no shortcut to press.
 */
let demo: DemoServer;
let ext: ExtensionSession;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('the open-buyer-card command', () => {
  it('opens the card of the open chat’s buyer in the tab it is sent to', async () => {
    const page = await ext.context.newPage();
    const buyerId = demo.data.conversations[0].buyerId;
    await page.goto(`${demo.url}/chat?buyer=${buyerId}`);
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('buyer-tiers-card').count()).toBe(0);

    const sent = await ext.worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<Array<{ id?: number; url?: string }>>;
            sendMessage(tabId: number, m: unknown): Promise<unknown>;
          };
        };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(url));
      if (tab?.id === undefined) return false;
      // @webext-core/messaging's wire format, as `sendMessage('openBuyerCard', {}, tabId)` sends it.
      await chrome.tabs.sendMessage(tab.id, {
        id: 1,
        type: 'openBuyerCard',
        data: {},
        timestamp: Date.now(),
      });
      return true;
    }, `${demo.url}/chat`);
    expect(sent).toBe(true);
    await page.locator('buyer-tiers-card [data-testid="bt-card"]').waitFor({ timeout: 15_000 });
    expect(
      await page.locator('buyer-tiers-card [data-testid="bt-card"]').getAttribute('data-buyer-key'),
    ).toBe(`demo:${buyerId}`);
    await page.close();
  });
});
