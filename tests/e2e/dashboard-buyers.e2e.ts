import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { loadDemo, trackErrors } from './dashboard-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

let demo: DemoServer;
let ext: ExtensionSession;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  await loadDemo(ext, demo);
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

const buyerCount = (d: DemoServer) => new Set(d.data.orders.map((o) => o.buyerKey)).size;

describe('dashboard', () => {
  it('shows overview cards and charts that add up', async () => {
    const page = await ext.openExtensionPage('dashboard.html');
    const errors = trackErrors(page);
    await expect.poll(() => page.getByTestId('stat-buyers').textContent(), { timeout: 20_000 }).toMatch(/\d/);
    const buyers = Number((await page.getByTestId('stat-buyers').textContent())?.replace(/\D/g, ''));
    expect(buyers).toBeGreaterThanOrEqual(buyerCount(demo));
    const cells = await page.locator('.heat__count').allTextContents();
    expect(cells).toHaveLength(25);
    expect(cells.reduce((s, c) => s + Number(c.replace(/\D/g, '')), 0)).toBeGreaterThan(0);
    expect(await page.locator('.chart--bars').count()).toBeGreaterThanOrEqual(4);
    // Keyboard: the section tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('#buyers');
    expect(errors).toEqual([]);
  });

  it('bulk-tags selected rows, filters the table by that tag and opens a buyer card', async () => {
    const page = await ext.openExtensionPage('dashboard.html#tags');
    const errors = trackErrors(page);
    await page.getByPlaceholder('New tag, e.g. wholesale').fill('campaign-may');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.locator('.tag-item[data-tag="campaign-may"]').waitFor();

    await page.getByRole('tab', { name: 'Buyers' }).click();
    const rows = page.locator('[data-testid="buyer-rows"] [role="row"][data-buyer-key]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('buyer-total').textContent()).toMatch(/\d+ buyers/);
    const picked: string[] = [];
    for (const i of [1, 3, 4]) {
      const row = rows.nth(i);
      picked.push((await row.getAttribute('data-buyer-key')) ?? '');
      await row.locator('input[type="checkbox"]').click();
    }
    await page.getByLabel('Tag for bulk actions').selectOption({ label: 'campaign-may' });
    await page.getByRole('button', { name: 'Tag 3 selected' }).click();
    await expect.poll(() => page.getByTestId('toast-text').textContent()).toBe('Tagged 3 buyers.');

    await page.getByTestId('filter-tag').selectOption({ label: 'campaign-may' });
    await expect.poll(() => page.getByTestId('buyer-total').textContent()).toBe('3 buyers');
    await expect
      .poll(async () =>
        (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-buyer-key')))).sort(),
      )
      .toEqual([...picked].sort());
    expect(await rows.first().locator('.tag-chip').textContent()).toBe('campaign-may');

    // Sorting by name ascending keeps the same three rows.
    await page.locator('[data-sort="name"]').click();
    await page.locator('[data-sort="name"]').click();
    await expect.poll(() => page.locator('[aria-sort="ascending"]').count()).toBe(1);
    expect(await rows.count()).toBe(3);

    // Search narrows further; clearing it brings the three back.
    const firstName = (await rows.first().locator('.bt-name').textContent()) ?? '';
    await page.getByTestId('filter-text').fill(firstName);
    await expect.poll(() => page.getByTestId('buyer-total').textContent()).toBe('1 buyers');
    await page.getByTestId('filter-text').fill('');
    await expect.poll(() => page.getByTestId('buyer-total').textContent()).toBe('3 buyers');

    // Keyboard: focus a row, Enter opens the card, Escape closes it. The name is read from the
    // row being opened: the list re-renders after the search is cleared, so the first row of the
    // earlier (maybe not yet re-sorted) render need not be the first row now.
    const target = rows.first();
    const openName = (await target.locator('.bt-name').textContent()) ?? '';
    await target.focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('buyer-detail');
    await card.waitFor();
    await expect.poll(() => card.locator('h2').textContent()).toBe(openName);
    expect(await card.textContent()).toContain('campaign-may');
    expect(await card.locator('table.orders tbody tr').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists movers, site switches and action templates', async () => {
    const page = await ext.openExtensionPage('dashboard.html#movers');
    const errors = trackErrors(page);
    await expect
      .poll(
        async () =>
          (await page.getByTestId('movers').count()) + (await page.getByText('Nobody changed class').count()),
      )
      .toBe(1);
    await page.getByRole('tab', { name: 'Sites' }).click();
    const anySwitch = page.getByRole('switch', { name: 'Capture orders on Demo Marketplace' });
    const was = await anySwitch.getAttribute('aria-checked');
    await anySwitch.click();
    await expect.poll(() => anySwitch.getAttribute('aria-checked')).not.toBe(was);
    await page.getByRole('tab', { name: 'Suggested actions' }).click();
    await expect.poll(() => page.locator('.tpl').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await expect
      .poll(() => page.locator('.templates__preview .action').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('switches the language to Chinese and back', async () => {
    const page = await ext.openExtensionPage('dashboard.html#settings');
    await page.getByTestId('language').selectOption('zh_CN');
    await expect.poll(() => page.getByRole('tab', { name: '概览' }).count()).toBe(1);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const popup = await ext.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('tab', { name: '标签' }).count()).toBe(1);
    await page.getByTestId('language').selectOption('auto');
    await expect.poll(() => page.getByRole('tab', { name: 'Overview' }).count()).toBe(1);
  });
});
