import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectorHealthDto } from '../../core/adminDtos';
import { fieldReports } from '../../core/sites/fieldHealth';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { ask, extensionPage, openFixturePage } from './support/overlay';

/*
 * Selector health per field, end to end: a page read on today's markup reports its fields as read
 * by current-layout strategies; the same site on its older layout shows "Older layout in use" in
 * the dashboard's Sites section, so a seller (and we) see a site drifting before it breaks. The
 * query string of a page is never kept.
 */
let ext: ExtensionSession;
let admin: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  admin = await extensionPage(ext);
});
afterAll(async () => {
  await ext?.close();
});

const open = (site: string, file: string, url: string) => openFixturePage(ext, site, file, url);

async function healthOf(site: string): Promise<SelectorHealthDto | undefined> {
  return (await ask<SelectorHealthDto[]>(admin, 'getSelectorHealth', {})).find((h) => h.site === site);
}

describe('selector health per field', () => {
  it('today’s WhatsApp markup is read by current strategies; the older layout shows as drift', async () => {
    const current = await open('whatsapp', 'chat-open.html', 'https://web.whatsapp.com/?chat=private');
    await expect
      .poll(
        async () => fieldReports((await healthOf('whatsapp'))?.fields).find((r) => r.field === 'chatName'),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ state: 'first', fallback: 0 });
    const afterCurrent = fieldReports((await healthOf('whatsapp'))?.fields);
    expect(afterCurrent.filter((r) => r.state === 'fallback')).toEqual([]);
    await current.close();

    const older = await open('whatsapp', 'older-listitem-chat.html', 'https://web.whatsapp.com/');
    await expect
      .poll(
        async () => fieldReports((await healthOf('whatsapp'))?.fields).some((r) => r.state === 'fallback'),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await older.close();

    const dash = await ext.openExtensionPage('dashboard.html#sites');
    const table = dash.locator('[data-testid="field-health"][data-site="whatsapp"]');
    await table.waitFor({ timeout: 15_000 });
    // Drift opens the table by itself.
    expect(await table.getAttribute('open')).not.toBeNull();
    const drifting = table.locator('[data-testid="field-health-row"][data-state="fallback"]').first();
    await drifting.waitFor();
    expect(await drifting.textContent()).toContain('Older layout in use');
    expect(await table.locator('summary').textContent()).toContain('WhatsApp');

    // After a fix the seller starts counting afresh: the site's counts are gone, others stay.
    await table.locator('[data-testid="field-health-reset"]').click();
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(0);
    expect(await healthOf('whatsapp')).toBeUndefined();
    await dash.close();
  });

  it('Amazon order rows report their fields; nothing of the query string is kept', async () => {
    const page = await open(
      'amazon',
      'orders-de.html',
      'https://sellercentral.amazon.de/orders-v3/mfn/unshipped?searchKeyword=Lena%20Hoffmann',
    );
    await expect
      .poll(
        async () => fieldReports((await healthOf('amazon'))?.fields).find((r) => r.field === 'orderRow'),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ state: 'first' });
    const kept = JSON.stringify(await healthOf('amazon'));
    expect(kept).not.toContain('Lena');
    await page.close();
  });
});
