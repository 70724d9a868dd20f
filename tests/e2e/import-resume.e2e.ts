import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../core/import';
import type { ImportRecord } from '../../core/model';
import { syntheticCsv } from '../bench/import';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

const LINES = 60_000;
const BATCH = 2000; // IMPORT_BATCH_SIZE in components/importExport/importBatchSize.ts
let ext: ExtensionSession;
const file = join(mkdtempSync(join(tmpdir(), 'bt-resume-')), 'big-shopify.csv');

beforeAll(async () => {
  writeFileSync(file, syntheticCsv(LINES, 11));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

interface Overview {
  buyers: number;
  orders: number;
}

describe('an import interrupted by closing the dashboard', () => {
  it('keeps only whole batches, shows as interrupted, and Resume completes it like a clean import', async () => {
    const expected = importText(syntheticCsv(LINES, 11), { timeZone: 'Asia/Shanghai', now: 0 });
    const expectedBuyers = new Set(expected.orders.map((o) => o.buyerKey)).size;

    let page = await ext.openExtensionPage('dashboard.html#import');
    await page
      .locator('[data-testid="io-file"]:not([disabled])')
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.setInputFiles('[data-testid="io-file"]', file);
    await page.locator('[data-testid="io-start"]:not([disabled])').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-progress"]').waitFor();
    await expect
      .poll(async () => (await askPage<ImportRecord[]>(page, 'listImports', {}))[0]?.committedBatches ?? 0, {
        timeout: 90_000,
        interval: 200,
      })
      .toBeGreaterThanOrEqual(3);
    await page.close();

    page = await ext.openExtensionPage('dashboard.html#import');
    // No heartbeat for more than 10 s: the history shows it as interrupted.
    await expect
      .poll(() => page.locator('[data-testid="io-history-item"]').first().getAttribute('data-status'), {
        timeout: 40_000,
        interval: 1000,
      })
      .toBe('interrupted');
    const [record] = await askPage<ImportRecord[]>(page, 'listImports', {});
    const committed = record.committedBatches ?? 0;
    expect(committed).toBeGreaterThanOrEqual(3);
    expect(committed * BATCH).toBeLessThan(expected.orders.length);
    const partial = await askPage<Overview>(page, 'getOverview', {});
    // Whole batches only: every committed batch holds exactly BATCH orders, nothing half-written.
    expect(partial.orders).toBe(committed * BATCH);
    expect(record.counts.new).toBe(committed * BATCH);

    await page.click('[data-testid="io-resume"]');
    await page.locator('[data-testid="io-resume-prompt"]').waitFor();
    await page.setInputFiles('[data-testid="io-file"]', file);
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 180_000 });
    const [done] = await askPage<ImportRecord[]>(page, 'listImports', {});
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({
      new: expected.orders.length,
      duplicate: 0,
      updated: 0,
      rejected: expected.rejects.length,
    });
    const final = await askPage<Overview>(page, 'getOverview', {});
    expect(final).toMatchObject({ orders: expected.orders.length, buyers: expectedBuyers });
  });
});
