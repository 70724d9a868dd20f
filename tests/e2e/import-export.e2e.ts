import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../core/model';
import { askPage, downloadText } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

const FIXTURE = resolve('tests/fixtures/import/shopify-bad-lines.csv');
let ext: ExtensionSession;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'bt-io-'));

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await ext.openExtensionPage('dashboard.html#import');
  // The fixture is in CNY: make it the shop currency so spend and order counts are not "unconverted".
  const settings = await askPage<Record<string, unknown>>(page, 'getSettings', {});
  await askPage(page, 'saveSettings', {
    settings: { ...settings, shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' },
  });
  await page.reload();
  await page
    .locator('[data-testid="io-file"]:not([disabled])')
    .waitFor({ state: 'attached', timeout: 30_000 });
});
afterAll(async () => {
  await ext?.close();
});

async function importFile(path: string): Promise<void> {
  await page.setInputFiles('[data-testid="io-file"]', path);
  await page.locator('[data-testid="io-start"]:not([disabled])').waitFor({ timeout: 30_000 });
  await page.click('[data-testid="io-start"]');
  await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
}

describe('import, export, backup and restore in the dashboard', () => {
  it('imports a Shopify export, rejecting bad lines with their line numbers, and says so when re-imported', async () => {
    await page.setInputFiles('[data-testid="io-file"]', FIXTURE);
    await expect.poll(() => page.locator('[data-testid="io-detected"]').textContent()).toContain('Shopify');
    // The preview shows the bad cells with their reasons before anything is written.
    expect(await page.locator('[data-testid="io-cell-error"]').count()).toBe(3);
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="io-summary-counts"]').textContent()).toBe(
      '6 new, 0 duplicates, 0 updated, 3 rejected',
    );
    const lines = await page
      .locator('[data-testid="io-reject"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(lines).toEqual(['5', '7', '9']);
    const texts = await page.locator('[data-testid="io-reject"]').allTextContents();
    expect(texts[0]).toContain('not a date');
    expect(texts[1]).toContain("'abc' is not an amount");
    expect(texts[2]).toContain('the buyer (Email) is empty');

    // The rejected lines download as CSV from the history.
    const rejects = await downloadText(page, () =>
      page.locator('[data-testid="io-rejects-download"]').first().click(),
    );
    expect(rejects.text.charCodeAt(0)).toBe(0xfeff);
    expect(
      rejects.text
        .split('\r\n')
        .slice(1, 4)
        .map((l) => l.split(',')[0]),
    ).toEqual(['5', '7', '9']);

    await importFile(FIXTURE);
    expect(await page.locator('[data-testid="io-summary-counts"]').textContent()).toBe(
      '0 new, 6 duplicates, 0 updated, 3 rejected',
    );
    await page.locator('[data-testid="io-nothing-new"]').waitFor();
    const history = await askPage<ImportRecord[]>(page, 'listImports', {});
    expect(history.map((r) => r.status)).toEqual(['done', 'done']);
    await expect.poll(() => page.locator('[data-testid="io-history-item"]').count()).toBe(2);
  });

  it('maps the columns of an unknown file dropped on the page, saves the mapping and recognises it next time', async () => {
    const text =
      'customer,when,amount,ref\nanna,2024-04-03,12.50,A1\nben,2024-04-04,oops,A2\ncleo,2024-04-05,3.00,A3\n';
    const drop = () =>
      page.evaluate((csv) => {
        const dt = new DataTransfer();
        dt.items.add(new File([csv], 'custom.csv', { type: 'text/csv' }));
        const zone = document.querySelector('[data-testid="io-drop"]')!;
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, text);
    await drop();
    await page.locator('[data-testid="io-mapping"]').waitFor();
    expect(await page.locator('[data-testid="io-start"]').isDisabled()).toBe(true);
    await page.selectOption('[data-testid="io-map-buyerId"]', 'customer');
    await page.selectOption('[data-testid="io-map-date"]', 'when');
    await page.selectOption('[data-testid="io-map-total"]', 'amount');
    await page.selectOption('[data-testid="io-map-orderId"]', 'ref');
    await page.locator('[data-testid="io-preview"]').waitFor();
    expect(await page.locator('[data-testid="io-cell-error"]').allTextContents()).toEqual([
      "oops'oops' is not an amount",
    ]);
    await page.fill('[data-testid="io-preset-name"]', 'My sheet');
    await page.click('[data-testid="io-preset-save"]');
    await expect
      .poll(async () => (await askPage<Array<{ name: string }>>(page, 'listPresets', {})).map((p) => p.name))
      .toEqual(['My sheet']);
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="io-summary-counts"]').textContent()).toBe(
      '2 new, 0 duplicates, 0 updated, 1 rejected',
    );
    await drop();
    await expect.poll(() => page.locator('[data-testid="io-detected"]').textContent()).toContain('My sheet');
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-nothing-new"]').waitFor({ timeout: 60_000 });
  });

  it('exports the buyers of a tag as CSV with a BOM and the chosen columns, and copies their ids', async () => {
    const tag = await askPage<{ id: string }>(page, 'createTag', { name: 'campaign' });
    await askPage(page, 'tagBuyers', {
      buyerKeys: ['shopify:ann@example.com', 'shopify:bob@example.com'],
      tagId: tag.id,
    });
    // Export and backup live in Settings (import has its own section).
    await page.evaluate(() => {
      location.hash = '#settings';
    });
    await page.reload();
    await page.selectOption('[data-testid="io-export-kind"]', 'tag');
    await page.selectOption('[data-testid="io-export-value"]', tag.id);
    await page.uncheck('[data-testid="io-col-segment"]');
    const csv = await downloadText(page, () => page.click('[data-testid="io-export-go"]'));
    expect(csv.name).toMatch(/^buyer-tiers_campaign_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'platform',
      'buyer_id',
      'name',
      'tags',
      'tier',
      'orders',
      'spend',
      'currency',
      'last_order',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['ann@example.com', 'bob@example.com']);
    const ann = rows.find((r) => r[1] === 'ann@example.com')!;
    expect(ann[0]).toBe('shopify');
    expect(ann[3]).toBe('campaign');
    expect(ann[5]).toBe('2');

    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-testid="io-export-ids"]');
    await expect
      .poll(() => page.locator('[data-testid="io-export-message"]').textContent())
      .toContain('Copied 2');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.split('\n').sort()).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('backs up, restores a deleted buyer by merge, and refuses a wrong passphrase without changing anything', async () => {
    const backup = await downloadText(page, () => page.click('[data-testid="io-backup-go"]'));
    expect(JSON.parse(backup.text).format).toBe('buyer-tiers-backup');
    const plainPath = join(dir, 'plain.json');
    copyFileSync(backup.path, plainPath);

    await askPage(page, 'forgetBuyer', { buyerKey: 'shopify:fay@example.com' });
    await expect(askPage(page, 'getBuyerCard', { buyerKey: 'shopify:fay@example.com' })).rejects.toThrow();

    await page.setInputFiles('[data-testid="io-restore-file"]', plainPath);
    await page.click('[data-testid="io-restore-check"]');
    await page.locator('[data-testid="io-restore-plan"]').waitFor();
    const buyersRow = await page
      .locator('[data-testid="io-restore-plan"] tr[data-table="buyers"] td')
      .allTextContents();
    expect(buyersRow).toEqual(['1', '5', '0']);
    await page.click('[data-testid="io-restore-apply"]');
    await expect
      .poll(() => page.locator('[data-testid="io-restore-message"]').textContent())
      .toContain('Restored');
    const card = await askPage<{ buyer: { agg: { orders: number } } }>(page, 'getBuyerCard', {
      buyerKey: 'shopify:fay@example.com',
    });
    expect(card.buyer.agg.orders).toBe(1);

    // Encrypted backup, then a wrong passphrase: a clear message and no change.
    await page.fill('[data-testid="io-backup-pass"]', 'correct horse');
    await page.fill('[data-testid="io-backup-pass2"]', 'correct horse');
    const enc = await downloadText(page, () => page.click('[data-testid="io-backup-go"]'));
    expect(JSON.parse(enc.text).format).toBe('buyer-tiers-backup-encrypted');
    expect(enc.text).not.toContain('ann@example.com');
    const encPath = join(dir, 'enc.json');
    writeFileSync(encPath, enc.text);
    await askPage(page, 'forgetBuyer', { buyerKey: 'shopify:eve@example.com' });
    const before = await askPage<{ buyers: number; orders: number }>(page, 'getOverview', {});
    await page.setInputFiles('[data-testid="io-restore-file"]', encPath);
    await page.fill('[data-testid="io-restore-pass"]', 'wrong horse');
    await page.click('[data-testid="io-restore-check"]');
    await expect
      .poll(() => page.locator('[data-testid="io-restore-message"]').textContent(), { timeout: 30_000 })
      .toContain('the passphrase is wrong');
    expect(await page.locator('[data-testid="io-restore-apply"]').count()).toBe(0);
    const after = await askPage<{ buyers: number; orders: number }>(page, 'getOverview', {});
    expect(after).toMatchObject({ buyers: before.buyers, orders: before.orders });

    // The right passphrase restores it.
    await page.fill('[data-testid="io-restore-pass"]', 'correct horse');
    await page.click('[data-testid="io-restore-check"]');
    await page.locator('[data-testid="io-restore-apply"]').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="io-restore-apply"]');
    await expect
      .poll(() => page.locator('[data-testid="io-restore-message"]').textContent(), { timeout: 30_000 })
      .toContain('Restored');
    const eve = await askPage<{ buyer: { key: string } }>(page, 'getBuyerCard', {
      buyerKey: 'shopify:eve@example.com',
    });
    expect(eve.buyer.key).toBe('shopify:eve@example.com');
  });
});
