import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackErrors } from './dashboard-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

let ext: ExtensionSession;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('popup tag manager', () => {
  it('creates, renames, merges, deletes and undoes a delete', async () => {
    const page = await ext.openExtensionPage('popup.html');
    const errors = trackErrors(page);
    const item = (name: string) => page.locator(`.tag-item[data-tag="${name}"]`);

    await page.getByPlaceholder('New tag, e.g. wholesale').fill('wholesale');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await item('wholesale').waitFor();
    expect(await item('wholesale').textContent()).toContain('0 buyers');

    await page.getByRole('button', { name: 'Rename tag wholesale' }).click();
    await page.getByLabel('New name for wholesale').fill('b2b');
    await page.keyboard.press('Enter');
    await item('b2b').waitFor();
    expect(await item('wholesale').count()).toBe(0);

    await page.getByPlaceholder('New tag, e.g. wholesale').fill('vip');
    await page.keyboard.press('Enter');
    await item('vip').waitFor();

    // Duplicate names are refused with the background's message, next to the form.
    await page.getByPlaceholder('New tag, e.g. wholesale').fill('  vip ');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.tag-manager > .field-error').textContent())
      .toMatch(/already exists/);

    await page.getByRole('button', { name: 'Merge tag b2b into another tag' }).click();
    await page.getByLabel('Merge b2b into').selectOption({ label: 'vip' });
    await item('b2b').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => item('b2b').count()).toBe(0);
    expect(await item('vip').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete tag vip (0 buyers)' }).click();
    await expect.poll(() => item('vip').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('toast-text').textContent())
      .toBe('Deleted “vip” from 0 buyers.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await item('vip').waitFor();
    expect(errors).toEqual([]);
  });

  it('recolours a tag', async () => {
    const page = await ext.openExtensionPage('popup.html');
    const picker = page.getByLabel('Colour of tag vip');
    await picker.waitFor();
    await picker.evaluate((el: HTMLInputElement) => {
      el.value = '#ff0000';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect
      .poll(async () =>
        page.locator('.tag-item[data-tag="vip"] .tag-chip').evaluate((el) => getComputedStyle(el).color),
      )
      .toBe('rgb(255, 0, 0)');
  });
});
