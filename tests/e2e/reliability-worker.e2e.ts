import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../core/import';
import type { RescoreStatusDto } from '../../core/messaging';
import { RFM_SEGMENTS, type Settings, type Tag, VALUE8_SEGMENTS } from '../../core/model';
import { askPage } from './import-helpers';
import { type Cdp, openCdp } from './support/cdp';
import {
  aggregateMismatches,
  backupOf,
  csvFile,
  IMPORT_BATCH,
  latestImport,
  startDashboardImport,
  waitForBatches,
} from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';

/*
 * Worker death: the extension's service worker is stopped through the DevTools protocol (what
 * Chrome itself does to an idle or misbehaving MV3 worker) in the middle of an import, a full
 * rescore and bulk tag writes. After each death the next message starts a fresh worker; the
 * database must hold whole transactions only and the interrupted work must finish or be resumable.
 */

const LINES = 30_000;
const SEED = 71;
let ext: ExtensionSession;
let control: Page;
let cdp: Cdp;
let file: string;

beforeAll(async () => {
  file = csvFile(LINES, SEED);
  ext = await launchWithExtension();
  // The CDP session lives on a page of its own, so closing a dashboard does not end it.
  control = await ext.context.newPage();
  cdp = await openCdp(control, ext.extensionId);
});
afterAll(async () => {
  await cdp?.detach();
  await ext?.close();
});

interface Overview {
  buyers: number;
  orders: number;
}

/** Sends a message from the page without waiting for the answer (the worker may die first). */
function fire(page: Page, type: string, data: unknown): Promise<void> {
  return page.evaluate(
    ([type, data]) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      void runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }).catch(() => {});
    },
    [type, data] as const,
  );
}

/** Polls the rescore status from inside the page (no Node round trip) until it is mid-way. */
function waitRescoreMidway(page: Page): Promise<RescoreStatusDto> {
  return page.evaluate(async () => {
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: { value?: unknown } }> } };
      }
    ).chrome.runtime;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const r = await runtime.sendMessage({ id: 1, type: 'getRescoreStatus', data: {}, timestamp: 0 });
      const s = r?.res?.value as { running: boolean; done: number; total: number } | undefined;
      if (s?.running && s.done > 0 && s.done < s.total) return s;
    }
    throw new Error('the rescore was never seen mid-way');
  });
}

async function waitRescored(page: Page, after: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await askPage<RescoreStatusDto>(page, 'getRescoreStatus', {});
        return !s.running && (s.finishedAt ?? 0) > after;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
}

describe('the service worker stopped mid-work', () => {
  it('an import keeps whole batches through three worker deaths and finishes after Resume', async () => {
    const expected = importText(readFileSync(file, 'utf8'), { timeZone: 'Asia/Shanghai', now: 0 });
    const expectedBuyers = new Set(expected.orders.map((o) => o.buyerKey)).size;
    const totalBatches = Math.ceil(expected.orders.length / IMPORT_BATCH);
    expect(totalBatches).toBeGreaterThanOrEqual(6);

    let page = await ext.openExtensionPage('dashboard.html#import');
    await startDashboardImport(page, file);
    // Deaths 1 and 2 while the dashboard keeps sending: its one retry per batch rides them out.
    await waitForBatches(page, 1);
    await cdp.stopWorker();
    await waitForBatches(page, 2);
    await cdp.stopWorker();
    await waitForBatches(page, 3);
    // Death 3 together with the dashboard: nobody is left to finish the import.
    await Promise.all([page.close(), cdp.stopWorker()]);
    expect(cdp.stops).toBeGreaterThanOrEqual(3);

    page = await ext.openExtensionPage('dashboard.html#import');
    await expect
      .poll(() => page.locator('[data-testid="io-history-item"]').first().getAttribute('data-status'), {
        timeout: 40_000,
        interval: 1000,
      })
      .toBe('interrupted');
    const rec = await latestImport(page);
    const committed = rec?.committedBatches ?? 0;
    expect(committed).toBeGreaterThanOrEqual(3);
    expect(committed).toBeLessThan(totalBatches);
    // Whole batches only: every committed batch is all there, nothing of an uncommitted one.
    const partial = await askPage<Overview>(page, 'getOverview', {});
    expect(partial.orders).toBe(committed * IMPORT_BATCH);
    expect(rec?.counts.new).toBe(committed * IMPORT_BATCH);
    expect(aggregateMismatches(await backupOf(page))).toEqual([]);

    const before = Date.now();
    await page.click('[data-testid="io-resume"]');
    await page.locator('[data-testid="io-resume-prompt"]').waitFor();
    await page.setInputFiles('[data-testid="io-file"]', file);
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 120_000 });
    const done = await latestImport(page);
    expect(done?.status).toBe('done');
    expect(done?.counts).toMatchObject({ new: expected.orders.length, duplicate: 0, updated: 0 });
    expect(await askPage<Overview>(page, 'getOverview', {})).toMatchObject({
      orders: expected.orders.length,
      buyers: expectedBuyers,
    });
    await waitRescored(page, before);
    const backup = await backupOf(page);
    expect(aggregateMismatches(backup)).toEqual([]);
    expect(backup.buyers.filter((b) => b.segment === 'unscored')).toEqual([]);
    await page.close();
  });

  it('a full rescore stopped mid-way re-runs by itself when the worker comes back', async () => {
    const page = await ext.openExtensionPage('dashboard.html#overview');
    const t0 = Date.now();
    await askPage(page, 'rescore', {});
    const seen = await waitRescoreMidway(page);
    await cdp.stopWorker();
    expect(seen.done).toBeLessThan(seen.total);

    // Any message wakes the worker; it must notice the unfinished rescore and finish it.
    await waitRescored(page, t0);
    const backup = await backupOf(page);
    expect(backup.buyers.length).toBe(seen.total);
    const stale = backup.buyers.filter((b) => (b.scoredAt ?? 0) < t0);
    expect(stale.map((b) => b.key)).toEqual([]);
    await page.close();
  });

  it('a settings change whose rescore is stopped mid-way still reclassifies every buyer', async () => {
    const page = await ext.openExtensionPage('dashboard.html#overview');
    const settings = await askPage<Settings>(page, 'getSettings', {});
    const next: Settings = { ...settings, scheme: settings.scheme === 'value-8' ? 'rfm-grid' : 'value-8' };
    const allowed = new Set<string>([
      ...(next.scheme === 'value-8' ? VALUE8_SEGMENTS : RFM_SEGMENTS),
      'prospect',
    ]);
    const t0 = Date.now();
    await askPage(page, 'saveSettings', { settings: next });
    await waitRescoreMidway(page);
    await cdp.stopWorker();

    await waitRescored(page, t0);
    const backup = await backupOf(page);
    const wrong = backup.buyers.filter((b) => !allowed.has(b.segment));
    expect(wrong.map((b) => `${b.key}: ${b.segment}`).slice(0, 5)).toEqual([]);
    expect(aggregateMismatches(backup)).toEqual([]);
    await page.close();
  });

  it('bulk tag writes are whole transactions: never a partial chunk, and a retry completes them', async () => {
    const page = await ext.openExtensionPage('dashboard.html#buyers');
    const keys = (await backupOf(page)).buyers.map((b) => b.key);
    expect(keys.length).toBeGreaterThan(10_000);
    const countOf = async (id: string) =>
      (await askPage<Array<Tag & { buyers: number }>>(page, 'listTags', {})).find((t) => t.id === id)
        ?.buyers ?? -1;

    // tagBuyers: one message, one transaction of up to 2,000 links: all or none.
    for (const [i, delay] of [0, 15, 40, 120].entries()) {
      const tag = await askPage<Tag>(page, 'createTag', { name: `kill-tag-${i}` });
      await fire(page, 'tagBuyers', { buyerKeys: keys.slice(0, 2000), tagId: tag.id });
      await new Promise((r) => setTimeout(r, delay));
      await cdp.stopWorker();
      expect([0, 2000]).toContain(await countOf(tag.id));
    }

    // tagMatching: every matching buyer, written in chunks of 5,000 links, one transaction each.
    const all = await askPage<Tag>(page, 'createTag', { name: 'kill-match' });
    for (const delay of [30, 150, 400]) {
      await fire(page, 'tagMatching', { filters: {}, tagId: all.id });
      await new Promise((r) => setTimeout(r, delay));
      await cdp.stopWorker();
      const n = await countOf(all.id);
      expect(n === keys.length || n % 5000 === 0, `${n} links after a death`).toBe(true);
    }
    // Tagging is idempotent: sending it again completes whatever a death cut short.
    expect(await askPage<{ tagged: number }>(page, 'tagMatching', { filters: {}, tagId: all.id })).toEqual({
      tagged: keys.length,
    });
    expect(await countOf(all.id)).toBe(keys.length);
    expect(cdp.stops).toBeGreaterThanOrEqual(12);
    await page.close();
  });
});
