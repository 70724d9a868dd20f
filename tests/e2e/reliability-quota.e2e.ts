import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../core/import';
import type { StorageUsageDto } from '../../core/messaging';
import { askPage } from './import-helpers';
import { type Cdp, extensionWithoutUnlimitedStorage, launchExtensionFrom, openCdp } from './support/cdp';
import {
  aggregateMismatches,
  backupOf,
  csvFile,
  IMPORT_BATCH,
  latestImport,
  startDashboardImport,
} from './support/consistency';
import { EXTENSION_DIR, type ExtensionSession } from './support/extension';

/*
 * Storage pressure: the extension origin's quota is lowered with Storage.overrideQuotaForOrigin
 * to a little above what it already uses, then a file is imported from the dashboard. The write
 * that no longer fits fails with QuotaExceededError, exactly as on a full disk.
 */

const LINES = 24_000;
let ext: ExtensionSession;
let control: Page;
let cdp: Cdp;
let file: string;
let origin: string;

beforeAll(async () => {
  file = csvFile(LINES, 5);
  // The shipped manifest asks for unlimitedStorage, under which Chrome enforces no quota and only a
  // full disk fails writes; this copy without it lets the quota stand in for the full disk.
  ext = await launchExtensionFrom(extensionWithoutUnlimitedStorage(EXTENSION_DIR));
  origin = `chrome-extension://${ext.extensionId}`;
  control = await ext.context.newPage();
  cdp = await openCdp(control, ext.extensionId);
});
afterAll(async () => {
  await cdp?.overrideQuota(origin, undefined).catch(() => {});
  await cdp?.detach();
  await ext?.close();
});

interface Overview {
  buyers: number;
  orders: number;
}

describe('an import that runs out of storage space', () => {
  it('stops with a message naming the cause, keeps whole batches only, and resumes once there is space', async () => {
    const expected = importText(readFileSync(file, 'utf8'), { timeZone: 'Asia/Shanghai', now: 0 });
    const page = await ext.openExtensionPage('dashboard.html#import');
    const before = await askPage<StorageUsageDto>(page, 'getStorageUsage', {});
    expect(before.usage).toBeGreaterThan(0);
    // Room for a batch or two, not for the whole file.
    await cdp.overrideQuota(origin, (before.usage ?? 0) + 3_000_000);

    await startDashboardImport(page, file);
    const error = page.locator('[data-testid="io-error"]');
    await error.waitFor({ timeout: 90_000 });
    expect(await error.textContent()).toMatch(/no more storage space/i);

    // The record says why, even though the disk could not take that last write either.
    const rec = await latestImport(page);
    expect(rec?.status).toBe('failed');
    expect(rec?.error).toMatch(/no more storage space/i);
    await expect
      .poll(() => page.locator('[data-testid="io-history-item"]').first().getAttribute('data-status'))
      .toBe('failed');
    const committed = rec?.committedBatches ?? 0;
    expect(committed * IMPORT_BATCH).toBeLessThan(expected.orders.length);
    const partial = await askPage<Overview>(page, 'getOverview', {});
    expect(partial.orders).toBe(committed * IMPORT_BATCH);
    expect(aggregateMismatches(await backupOf(page))).toEqual([]);

    // The seller is told how much space is used, and by what.
    const usage = await askPage<StorageUsageDto>(page, 'getStorageUsage', {});
    expect(usage.quota).toBeGreaterThan(0);
    expect(usage.usage).toBeGreaterThan(before.usage ?? 0);
    expect(usage.perTable.orders).toBe(partial.orders);
    expect(usage.perTable.buyers).toBe(partial.buyers);
    if (partial.orders > 0) expect(usage.estimateBytes.orders).toBeGreaterThan(partial.orders * 50);
    // Storage use is shown in Settings, beside backup and export.
    const settings = await ext.openExtensionPage('dashboard.html#settings');
    await settings.click('[data-testid="storage-refresh"]');
    await expect
      .poll(() => settings.locator('[data-testid="storage-total"]').textContent(), { timeout: 10_000 })
      .toMatch(/used of/);
    if (partial.orders > 0)
      expect(
        await settings.locator('[data-testid="storage-row"][data-table="orders"]').textContent(),
      ).toContain(new Intl.NumberFormat('en-US').format(partial.orders));
    await settings.close();

    // Space again: Resume finishes the same import with nothing written twice.
    await cdp.overrideQuota(origin, undefined);
    await page.click('[data-testid="io-resume"]');
    await page.locator('[data-testid="io-resume-prompt"]').waitFor();
    await page.setInputFiles('[data-testid="io-file"]', file);
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 120_000 });
    const done = await latestImport(page);
    expect(done?.status).toBe('done');
    expect(done?.counts).toMatchObject({ new: expected.orders.length, duplicate: 0, updated: 0 });
    expect((await askPage<Overview>(page, 'getOverview', {})).orders).toBe(expected.orders.length);
    expect(aggregateMismatches(await backupOf(page))).toEqual([]);
  });
});
