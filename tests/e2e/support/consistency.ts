import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BackupFile } from '../../../core/backup/format';
import type { ImportRecord } from '../../../core/model';
import { aggregateOrders } from '../../../core/scoring/aggregate';
import { syntheticCsv } from '../../bench/import';
import { askPage } from '../import-helpers';

/** Batch size the dashboard imports with (IMPORT_BATCH_SIZE in components/importExport/importBatchSize.ts). */
export const IMPORT_BATCH = 2000;

/** The whole database as the seller's own backup sees it (a page-only message). */
export async function backupOf(page: Page): Promise<BackupFile> {
  const dto = await askPage<{ content: string }>(page, 'createBackup', {});
  return JSON.parse(dto.content) as BackupFile;
}

/**
 * Every buyer's stored aggregate recomputed from the orders in the same backup, plus orders whose
 * buyer is missing. Empty when aggregate-on-write held through whatever was done to the database.
 */
export function aggregateMismatches(b: BackupFile): string[] {
  const ctx = {
    shopCurrency: b.settings.shopCurrency,
    currencyRates: b.settings.currencyRates,
    timeZone: b.settings.timeZone,
  };
  const byBuyer = new Map<string, BackupFile['orders']>();
  for (const o of b.orders) {
    const list = byBuyer.get(o.buyerKey);
    if (list) list.push(o);
    else byBuyer.set(o.buyerKey, [o]);
  }
  const out: string[] = [];
  const buyers = new Set<string>();
  for (const buyer of b.buyers) {
    buyers.add(buyer.key);
    const want = aggregateOrders(byBuyer.get(buyer.key) ?? [], ctx);
    if (JSON.stringify(canonical(want)) !== JSON.stringify(canonical(buyer.agg))) out.push(buyer.key);
  }
  for (const k of byBuyer.keys()) if (!buyers.has(k)) out.push(`orphan orders of ${k}`);
  return out;
}

/** Key order and array order do not matter for equality. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}

/** A generated Shopify-style order export on disk (tests/bench/import.ts). */
export function csvFile(lines: number, seed: number, name = `orders-${lines}-${seed}.csv`): string {
  const file = join(tmpdir(), `bt-rel-${process.pid}-${name}`);
  writeFileSync(file, syntheticCsv(lines, seed));
  return file;
}

/** Opens the dashboard's import panel, picks `file` and starts the import. */
export async function startDashboardImport(page: Page, file: string): Promise<void> {
  await page
    .locator('[data-testid="io-file"]:not([disabled])')
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.setInputFiles('[data-testid="io-file"]', file);
  await page.locator('[data-testid="io-start"]:not([disabled])').waitFor({ timeout: 30_000 });
  await page.click('[data-testid="io-start"]');
}

export async function latestImport(page: Page): Promise<ImportRecord | undefined> {
  return (await askPage<ImportRecord[]>(page, 'listImports', {}))[0];
}

/** Waits until the latest import has committed at least `n` batches. */
export async function waitForBatches(page: Page, n: number, timeout = 90_000): Promise<void> {
  await expect
    .poll(async () => (await latestImport(page))?.committedBatches ?? 0, { timeout, interval: 50 })
    .toBeGreaterThanOrEqual(n);
}
