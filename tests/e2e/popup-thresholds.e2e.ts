import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { loadDemo, trackErrors } from './dashboard-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';

let demo: DemoServer;
let ext: ExtensionSession;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

const VALUE8 = [
  'Important value',
  'Important to develop',
  'Important to keep',
  'Important to win back',
  'General value',
  'General develop',
  'General keep',
  'General win back',
  'Prospect',
];

describe('popup thresholds editor', () => {
  it('previews counts live, validates, saves with progress, and the chat badge follows', async () => {
    const chat = await loadDemo(ext, demo);
    const popup = await ext.openExtensionPage('popup.html');
    const errors = trackErrors(popup);
    await popup.getByRole('tab', { name: 'Thresholds' }).click();
    const segments = popup.getByTestId('preview-segments');
    await expect.poll(() => segments.locator('li').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const before = await segments.textContent();
    expect(before).toContain('Champions');

    // Absolute cut points: a non-increasing list is flagged with zod's rule, in words.
    await popup.getByTestId('method').selectOption('absolute');
    await popup.getByTestId('recencyCuts-0').fill('500');
    await expect
      .poll(() => popup.locator('.field--invalid .field-error').first().textContent())
      .toBe('Each cut point must be larger than the one before.');
    await expect(popup.getByTestId('save-settings').isDisabled()).resolves.toBe(true);
    await popup.getByTestId('recencyCuts-0').fill('7');
    await expect.poll(() => popup.locator('.field--invalid').count()).toBe(0);
    await expect.poll(() => segments.textContent(), { timeout: 10_000 }).not.toBe(before);

    // All weights zero is impossible.
    for (const k of ['r', 'f', 'm']) await popup.getByTestId(`weight-${k}`).fill('0');
    await expect
      .poll(() => popup.getByTestId('weights-error').textContent())
      .toBe('At least one weight must be above zero.');
    await popup.getByTestId('reset-defaults').click();
    await expect.poll(() => popup.getByTestId('weights-error').textContent()).toBe('');
    await expect.poll(() => popup.getByTestId('method').inputValue()).toBe('quantile');

    // Switch to the 8 value groups: the preview shows them before anything is saved.
    await popup.getByTestId('scheme').selectOption('value-8');
    await expect.poll(() => segments.textContent(), { timeout: 10_000 }).toMatch(/Important value|General/);
    const badgeSegment = chat.locator('[data-testid="bt-badge"] .bt-segment');
    const oldSegment = (await badgeSegment.textContent()) ?? '';
    expect(VALUE8).not.toContain(oldSegment);

    await popup.getByTestId('save-settings').click();
    await expect
      .poll(() => popup.getByTestId('rescore').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    expect(await popup.getByTestId('rescore').textContent()).toMatch(/All \d+ buyers rescored/);
    await expect
      .poll(async () => VALUE8.includes((await badgeSegment.textContent()) ?? ''), { timeout: 30_000 })
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
