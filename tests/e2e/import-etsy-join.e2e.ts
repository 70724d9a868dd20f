/**
 * Etsy names a buyer by username in its Order Items export and by Buyer User ID in its Orders
 * export. Imported one after the other in a real browser, they give one buyer: the order both
 * files hold proves it, and the summary says so. Values are invented.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerPageDto } from '../../core/adminDtos';
import { askPage } from './import-helpers';
import { startDashboardImport } from './support/consistency';
import { type ExtensionSession, launchWithExtension } from './support/extension';

const dir = mkdtempSync(join(tmpdir(), 'bt-etsy-'));

const ITEMS = [
  'Sale Date,Item Name,Buyer,Quantity,Price,Discount Amount,Item Total,Currency,Transaction ID,Listing ID,Order ID,Ship Name,Ship Country,Variations,SKU',
  '03/15/26,Handmade mug,erin_e,1,20.00,0,20.00,USD,T1,L1,3012001,Erin E,United States,Color:Blue,MUG-B',
  '04/02/26,Tea towel,erin_e,2,9.00,0,18.00,USD,T2,L2,3012002,Erin E,United States,,TT-1',
];
const ORDERS = [
  'Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales tax,Order total,Status,Card Processing Fees,Order Net,Adjusted Order total,Adjusted Card Processing Fees,Adjusted Net Order Amount',
  '02/20/26,3011990,70011,Erin Ellis,Erin,Ellis,1,Other,,,,Portland,OR,97201,United States,USD,12.00,,,0,0,0,0,12.00,,0.60,11.40,,,',
  '04/02/26,3012002,70011,Erin Ellis,Erin,Ellis,2,Other,,,,Portland,OR,97201,United States,USD,18.00,,,0,0,0,0,18.00,,0.90,17.10,,,',
  '05/10/26,3012050,70011,Erin Ellis,Erin,Ellis,1,Other,,,,Portland,OR,97201,United States,USD,25.00,,,0,0,0,0,25.00,,1.00,24.00,,,',
];

async function importFile(page: Page, path: string): Promise<void> {
  await startDashboardImport(page, path);
  await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60_000 });
}

describe('Etsy Order Items, then Orders', () => {
  let ext: ExtensionSession;
  beforeAll(async () => {
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('joins the user-id buyer to the username buyer through the order both files hold', async () => {
    const items = join(dir, 'EtsySoldOrderItems2026.csv');
    const orders = join(dir, 'EtsySoldOrders2026.csv');
    writeFileSync(items, `${ITEMS.join('\n')}\n`);
    writeFileSync(orders, `${ORDERS.join('\n')}\n`);
    const page = await ext.openExtensionPage('dashboard.html#import');
    await importFile(page, items);
    await page.reload();
    await importFile(page, orders);
    expect(await page.locator('[data-testid="io-summary-joined"]').textContent()).toContain('1 buyer');

    const buyers = await askPage<BuyerPageDto>(page, 'queryBuyers', {
      filters: {},
      sort: { by: 'spend', dir: 'desc' },
      offset: 0,
      limit: 50,
    });
    expect(buyers.rows.map((b) => [b.buyerId, b.paidOrders, b.spend])).toEqual([['erin_e', 4, 7500]]);
    await page.close();
  });
});
