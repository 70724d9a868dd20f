/**
 * Excel workbooks through the dashboard in a real browser: the spreadsheet library loads on
 * demand, the order sheet is offered first among several, serial dates and long numeric order
 * ids come out right, and a legacy .xls imports the same way. Fixtures: tests/fixtures/import/excel.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../core/model';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

const XLSX_FIXTURE = resolve('tests/fixtures/import/excel/taobao-orders.xlsx');
const XLS_FIXTURE = resolve('tests/fixtures/import/excel/1688-orders.xls');
let ext: ExtensionSession;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await ext.openExtensionPage('dashboard.html#import');
});
afterAll(async () => {
  await ext?.close();
});

async function pick(path: string): Promise<void> {
  await page
    .locator('[data-testid="io-file"]:not([disabled])')
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.setInputFiles('[data-testid="io-file"]', path);
}

async function backupOrders(): Promise<Order[]> {
  const b = await askPage<{ content: string }>(page, 'createBackup', {});
  return (JSON.parse(b.content) as { orders: Order[] }).orders;
}

describe('Excel workbooks in the dashboard', () => {
  it('offers the sheets, imports the Taobao .xlsx with its serial dates and 16-digit order ids, in CNY', async () => {
    expect(await page.locator('[data-testid="io-file"]').getAttribute('accept')).toContain('.xlsx');
    await pick(XLSX_FIXTURE);
    await page.locator('[data-testid="io-scan"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="io-detected"]').textContent()).toContain('Taobao');
    const sheets = await page.locator('[data-testid="io-sheet"] option').allTextContents();
    expect(sheets).toEqual(['订单报表 (6 rows)', '汇总 (2 rows)']);
    expect(await page.locator('[data-testid="io-scan-orders"]').textContent()).toContain('4');
    expect(await page.locator('[data-testid="io-scan-buyers"]').textContent()).toContain('3');
    expect(await page.locator('[data-testid="io-scan-dates"]').textContent()).toMatch(
      /Mar 2, 2026.*Mar 21, 2026/,
    );
    // A fresh shop counts in USD: the file's CNY is proposed.
    expect(await page.locator('[data-testid="io-shop-currency"]').inputValue()).toBe('CNY');

    // The summary sheet holds no orders: choosing it opens the mapping with Import disabled;
    // choosing the order sheet again recovers the detection.
    await page.selectOption('[data-testid="io-sheet"]', '汇总');
    await page.locator('[data-testid="io-mapping"]').waitFor();
    expect(await page.locator('[data-testid="io-start"]').isDisabled()).toBe(true);
    await page.selectOption('[data-testid="io-sheet"]', '订单报表');
    await expect.poll(() => page.locator('[data-testid="io-detected"]').textContent()).toContain('Taobao');
    await page.locator('[data-testid="io-scan"]').waitFor({ timeout: 30_000 });

    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="io-summary-counts"]').textContent()).toBe(
      '4 new, 0 duplicates, 0 updated, 0 rejected',
    );
    const orders = (await backupOrders()).filter((o) => o.platform === 'taobao');
    expect(orders.map((o) => o.orderId).sort()).toEqual([
      '3012345678901234',
      '3012345678901235',
      '3012345678901236',
      '3012345678901237',
    ]);
    const first = orders.find((o) => o.orderId === '3012345678901234')!;
    expect(first).toMatchObject({ total: 11850, currency: 'CNY', buyerKey: 'taobao:小雨滴滴' });
    // 2026-03-02 13:04 in the shop's zone, whatever it is: check the wall-clock reading back.
    const settings = await askPage<{ timeZone: string }>(page, 'getSettings', {});
    const wall = new Intl.DateTimeFormat('en-CA', {
      timeZone: settings.timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(first.placedAt);
    expect(wall).toBe('2026-03-02, 13:04');
  });

  it('imports a legacy BIFF .xls (1904 dates) into the same shop', async () => {
    await pick(XLS_FIXTURE);
    await page.locator('[data-testid="io-scan"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="io-detected"]').textContent()).toContain('1688');
    expect(await page.locator('[data-testid="io-scan-orders"]').textContent()).toContain('2');
    expect(await page.locator('[data-testid="io-money-same"]').textContent()).toContain('CNY');
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
    const orders = (await backupOrders()).filter((o) => o.platform === '1688');
    expect(orders.map((o) => [o.orderId, o.total, o.items.length])).toEqual([
      ['1234567890123456', 11000, 2],
      ['1234567890123457', 30000, 1],
    ]);
  });
});
