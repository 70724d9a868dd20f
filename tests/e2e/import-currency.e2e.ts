/**
 * The money of an import in a real browser: a GBP file into a fresh profile (default shop
 * currency USD) is classified in GBP after one accepted proposal; a file in another currency
 * than a non-empty shop stops before writing, then imports with a rate (converted spend) or
 * knowingly unconverted (the overview says what is left out of spend). Values are invented.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerPageDto } from '../../core/adminDtos';
import type { OverviewDto } from '../../core/messaging';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

const dir = mkdtempSync(join(tmpdir(), 'bt-money-'));

/** Online Retail–style invoice lines (GBP by preset), dated in the last weeks so buyers are active. */
function onlineRetailCsv(): string {
  const day = (ago: number) => {
    const d = new Date(Date.now() - ago * 86_400_000);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} 10:15`;
  };
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  const customers = ['20001', '20002', '20003', '20004'];
  let invoice = 600100;
  customers.forEach((c, i) => {
    for (let k = 0; k <= i; k++) {
      invoice++;
      lines.push(
        `${invoice},84029G,KNITTED UNION FLAG HOT WATER BOTTLE,${2 + k},${day(40 - 8 * k - i)},3.75,${c},United Kingdom`,
      );
      lines.push(
        `${invoice},22752,SET 7 BABUSHKA NESTING BOXES,1,${day(40 - 8 * k - i)},7.65,${c},United Kingdom`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Shopify-style orders in EUR (one line per order), for a shop that counts in another currency. */
function shopifyEurCsv(): string {
  const lines = [
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem requires shipping',
  ];
  const at = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  lines.push(
    `#3001,lena@example.de,paid,${at} +0100,fulfilled,no,EUR,40.00,0.00,0.00,40.00,${at} +0100,1,Wool scarf,40.00,true`,
  );
  lines.push(
    `#3002,jonas@example.de,paid,${at} +0100,fulfilled,no,EUR,20.00,0.00,0.00,20.00,${at} +0100,2,Mug,10.00,true`,
  );
  return `${lines.join('\n')}\n`;
}

async function chooseFile(page: Page, path: string): Promise<void> {
  await page
    .locator('[data-testid="io-file"]:not([disabled])')
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.setInputFiles('[data-testid="io-file"]', path);
  await page.locator('[data-testid="io-scan"]').waitFor({ timeout: 30_000 });
}

describe('a GBP file into a fresh profile', () => {
  let ext: ExtensionSession;
  beforeAll(async () => {
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('proposes GBP as the shop currency from the empty dashboard and classifies the shop in GBP', async () => {
    const file = join(dir, 'online-retail-uk.csv');
    writeFileSync(file, onlineRetailCsv());
    const page = await ext.openExtensionPage('dashboard.html');
    await page.locator('[data-testid="empty-state"]').waitFor({ timeout: 30_000 });
    expect((await askPage<{ shopCurrency: string }>(page, 'getSettings', {})).shopCurrency).toBe('USD');

    await chooseFile(page, file);
    // What was recognised, from the whole file, before anything is written.
    expect(await page.locator('[data-testid="io-scan-recognised"]').textContent()).toContain('Online Retail');
    expect(await page.locator('[data-testid="io-scan-orders"]').textContent()).toContain('10');
    expect(await page.locator('[data-testid="io-scan-buyers"]').textContent()).toContain('4');
    expect(await page.locator('[data-testid="io-scan-currency"]').textContent()).toContain('GBP');
    const proposal = await page.locator('[data-testid="io-currency-proposal"]').textContent();
    expect(proposal).toContain('GBP');
    expect(proposal).toContain('USD');
    expect(await page.locator('[data-testid="io-shop-currency"]').inputValue()).toBe('GBP');
    expect(await page.locator('[data-testid="io-settings-note"]').textContent()).toContain('GBP');
    // Nothing written yet: still USD, no orders.
    expect((await askPage<{ shopCurrency: string }>(page, 'getSettings', {})).shopCurrency).toBe('USD');
    expect((await askPage<OverviewDto>(page, 'getOverview', {})).orders).toBe(0);

    await page.click('[data-testid="io-start"]');
    // The result lands on the overview: stats in pounds and the import's summary.
    await page.locator('[data-testid="overview-import"]').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('[data-testid="stat-revenue"]').textContent(), { timeout: 30_000 })
      .toContain('£');
    expect(await page.locator('[data-testid="stat-orders"]').textContent()).toContain('10');
    expect(await page.locator('[data-testid="leftout-notice"]').count()).toBe(0);

    const buyers = await askPage<BuyerPageDto>(page, 'queryBuyers', {
      filters: {},
      sort: { by: 'spend', dir: 'desc' },
      offset: 0,
      limit: 50,
    });
    expect(buyers.currency).toBe('GBP');
    expect(buyers.rows).toHaveLength(4);
    for (const b of buyers.rows) {
      expect(b.paidOrders).toBeGreaterThan(0);
      expect(b.spend).toBeGreaterThan(0);
      expect(b.lifecycle).not.toBe('prospect');
    }
    // 20004: 4 invoices of (2+k) × £3.75 + £7.65, k = 0…3: 14 × 3.75 + 4 × 7.65 = £83.10
    expect(buyers.rows[0]).toMatchObject({ buyerId: '20004', paidOrders: 4, spend: 8310 });

    await page.evaluate(() => {
      location.hash = '#buyers';
    });
    await expect
      .poll(() => page.locator('[data-testid="buyer-rows"]').textContent(), { timeout: 30_000 })
      .toContain('£83.10');
    await page.close();
  });
});

describe('a file in another currency than a non-empty shop', () => {
  let ext: ExtensionSession;
  let page: Page;
  const eur = join(dir, 'shopify-eur.csv');
  beforeAll(async () => {
    writeFileSync(eur, shopifyEurCsv());
    ext = await launchWithExtension();
    page = await ext.openExtensionPage('dashboard.html#import');
    const gbp = join(dir, 'uk.csv');
    writeFileSync(gbp, onlineRetailCsv());
    await chooseFile(page, gbp);
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('stops before writing, then imports with the rate entered as converted spend', async () => {
    const before = await askPage<OverviewDto>(page, 'getOverview', {});
    expect(before.currency).toBe('GBP');
    await chooseFile(page, eur);
    await page.locator('[data-testid="io-money-foreign"]').waitFor();
    expect(await page.locator('[data-testid="io-money-row"][data-currency="EUR"]').textContent()).toContain(
      '2',
    );
    // The shop has orders: its currency can no longer be switched.
    expect(await page.locator('[data-testid="io-shop-currency"]').count()).toBe(0);
    expect(await page.locator('[data-testid="io-money-undecided"]').textContent()).toContain('EUR');
    expect(await page.locator('[data-testid="io-start"]').isDisabled()).toBe(true);
    // Cancel: nothing was written, nothing changed.
    await page.getByRole('button', { name: 'Cancel' }).click();
    const afterCancel = await askPage<OverviewDto>(page, 'getOverview', {});
    expect(afterCancel).toMatchObject({
      buyers: before.buyers,
      orders: before.orders,
      revenue: before.revenue,
    });
    expect((await askPage<{ currencyRates: object }>(page, 'getSettings', {})).currencyRates).toEqual({});

    await chooseFile(page, eur);
    await page.fill('[data-testid="io-money-rate"]', '0.85');
    expect(await page.locator('[data-testid="io-settings-note"]').textContent()).toContain(
      '1 EUR = 0.85 GBP',
    );
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="io-summary-leftout"]').count()).toBe(0);
    expect((await askPage<{ currencyRates: object }>(page, 'getSettings', {})).currencyRates).toEqual({
      EUR: 0.85,
    });
    // €40 × 0.85 = £34.00 and €20 × 0.85 = £17.00 in the two new buyers' spend.
    await expect
      .poll(
        async () => {
          const page1 = await askPage<BuyerPageDto>(page, 'queryBuyers', {
            filters: { platform: 'shopify' },
            sort: { by: 'spend', dir: 'desc' },
            offset: 0,
            limit: 10,
          });
          return page1.rows.map((r) => r.spend);
        },
        { timeout: 30_000 },
      )
      .toEqual([3400, 1700]);
  });

  it('imports knowingly unconverted orders and the overview says they are left out of spend', async () => {
    const usd = join(dir, 'shopify-usd.csv');
    writeFileSync(
      usd,
      shopifyEurCsv().replaceAll('EUR', 'USD').replaceAll('#300', '#400').replaceAll('.de', '.com'),
    );
    const before = await askPage<OverviewDto>(page, 'getOverview', {});
    await chooseFile(page, usd);
    await page.locator('[data-testid="io-money-row"][data-currency="USD"]').waitFor();
    await page.check('[data-testid="io-money-unconverted"]');
    await page.click('[data-testid="io-start"]');
    await page.locator('[data-testid="io-summary-leftout"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="io-summary-leftout"]').textContent()).toContain(
      '2 orders in USD are left out of spend',
    );
    await page.click('[data-testid="io-to-overview"]');
    await expect
      .poll(() => page.locator('[data-testid="leftout-notice"]').textContent(), { timeout: 30_000 })
      .toContain('2 orders in USD are left out of spend');
    const after = await askPage<OverviewDto>(page, 'getOverview', {});
    expect(after.orders).toBe(before.orders + 2);
    expect(after.revenue).toBe(before.revenue);
  });
});
