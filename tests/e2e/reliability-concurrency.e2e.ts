import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../core/import';
import type { BuyerCardDto } from '../../core/messaging';
import type { Tag } from '../../core/model';
import { type DemoServer, startDemoServer } from '../demo/server';
import { askPage } from './import-helpers';
import { type Cdp, openCdp } from './support/cdp';
import {
  aggregateMismatches,
  backupOf,
  csvFile,
  latestImport,
  startDashboardImport,
} from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';

/*
 * Concurrency: several writers at once on the same data — two dashboard tabs and the demo chat
 * page's content script tagging and noting one buyer, and order capture on the demo /orders page
 * while the dashboard imports a file.
 */

let demo: DemoServer;
let ext: ExtensionSession;
let chat: Page;
let chatCdp: Cdp;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  chat = await ext.context.newPage();
  chatCdp = await openCdp(chat, ext.extensionId);
  await chat.goto(`${demo.url}/chat?buyer=${encodeURIComponent(demo.data.conversations[0].buyerId)}`);
  // The first visit loads the demo data; the badge appears once the buyer is known.
  await chat
    .locator(
      `buyer-tiers-badge [data-testid="bt-badge"][data-buyer-key="demo:${demo.data.conversations[0].buyerId}"]`,
    )
    .waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await chatCdp?.detach();
  await ext?.close();
  await demo?.close();
});

/** One protocol message from the chat page's content-script world (as the buyer card sends it). */
function fromContent<T>(
  type: string,
  data: unknown,
): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  return chatCdp
    .isolatedWorld<{ res: { ok: boolean; value?: T; error?: { code: string } } }>(
      `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: 0 })})`,
    )
    .then((r) => r.res);
}

describe('concurrent writers', () => {
  it('two dashboard tabs and the chat card tag and note one buyer at once: no lost update', async () => {
    const key = `demo:${demo.data.conversations[0].buyerId}`;
    const a = await ext.openExtensionPage('dashboard.html#buyers');
    const b = await ext.openExtensionPage('dashboard.html#buyers');
    const tags = [];
    for (let i = 0; i < 12; i++) tags.push(await askPage<Tag>(a, 'createTag', { name: `conc-${i}` }));

    // 12 tag writes and 12 note writes in flight at once from three contexts.
    const writers = [a, b, 'content'] as const;
    const ops = tags.flatMap((tag, i) => {
      const who = writers[i % 3];
      const note = `note ${i} from ${who === 'content' ? 'card' : who === a ? 'tab A' : 'tab B'}`;
      return who === 'content'
        ? [
            fromContent('tagBuyers', { buyerKeys: [key], tagId: tag.id }).then((r) =>
              expect(r.ok).toBe(true),
            ),
            fromContent('saveNote', { buyerKey: key, text: note }).then((r) => expect(r.ok).toBe(true)),
          ]
        : [
            askPage(who, 'tagBuyers', { buyerKeys: [key], tagId: tag.id }),
            askPage(who, 'saveNote', { buyerKey: key, text: note }),
          ];
    });
    await Promise.all(ops);

    const cardA = await askPage<BuyerCardDto>(a, 'getBuyerCard', { buyerKey: key });
    const cardB = await askPage<BuyerCardDto>(b, 'getBuyerCard', { buyerKey: key });
    expect(cardA.badge.tags.map((t) => t.name).sort()).toEqual(tags.map((t) => t.name).sort());
    // One of the notes, the same for every reader, stamped by the last write.
    expect(cardA.note?.text).toMatch(/^note \d+ from /);
    expect(cardB.note).toEqual(cardA.note);

    // Last write wins, in the order the background received them.
    await askPage(a, 'saveNote', { buyerKey: key, text: 'first' });
    await askPage(b, 'saveNote', { buyerKey: key, text: 'second' });
    expect((await fromContent<BuyerCardDto>('getBuyerCard', { buyerKey: key })).value?.note?.text).toBe(
      'second',
    );
    // The tab that did not write sees the other's note too.
    expect((await askPage<BuyerCardDto>(a, 'getBuyerCard', { buyerKey: key })).note?.text).toBe('second');
    await a.close();
    await b.close();
  });

  it('order capture on the demo /orders page during a dashboard import: both sets kept, aggregates right', async () => {
    const file = csvFile(16_000, 33);
    const expected = importText(readFileSync(file, 'utf8'), { timeZone: 'Asia/Shanghai', now: 0 });
    const dash = await ext.openExtensionPage('dashboard.html#import');
    const capturedBefore = (await backupOf(dash)).orders.filter((o) => o.source === 'capture').length;
    await startDashboardImport(dash, file);
    await expect
      .poll(async () => (await latestImport(dash))?.committedBatches ?? 0, { timeout: 60_000, interval: 50 })
      .toBeGreaterThanOrEqual(1);
    // Capture runs while the import is still sending batches.
    const orders = await ext.context.newPage();
    await orders.goto(`${demo.url}/orders`);
    await orders.locator('buyer-tiers-mini').first().waitFor({ state: 'attached', timeout: 30_000 });
    const midImport = await latestImport(dash);
    await dash.locator('[data-testid="io-summary"]').waitFor({ timeout: 120_000 });

    const rec = await latestImport(dash);
    expect(rec?.status).toBe('done');
    let backup = await backupOf(dash);
    await expect
      .poll(
        async () => {
          backup = await backupOf(dash);
          return backup.orders.filter((o) => o.source === 'capture').length;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeGreaterThan(capturedBefore);
    expect(backup.orders.filter((o) => o.importId === rec?.id).length).toBe(expected.orders.length);
    expect(aggregateMismatches(backup)).toEqual([]);
    // The capture really overlapped the import (else this test proves nothing about concurrency).
    expect(midImport?.status).toBe('running');
    await orders.close();
    await dash.close();
  });
});
