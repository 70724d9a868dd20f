import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerPageDto } from '@/core/adminDtos';
import type { Lexicon } from '@/core/needs/lexicon';
import type { ClusteringStatusDto } from '@/core/scoring/cluster/types';
import { type DemoServer, startDemoServer } from '../demo/server';
import { loadDemo, trackErrors } from './dashboard-helpers';
import { askPage, downloadText } from './import-helpers';
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

const TAG = 'gn-group-one';
const WORD = 'gn-haggle';

const cards = (page: Page) => page.getByTestId('group-card');

describe('discovered groups and chat needs in the dashboard', () => {
  it('discovers groups on demand, compares them with the segments and opens a group’s buyers', async () => {
    const page = await ext.openExtensionPage('dashboard.html#groups');
    const errors = trackErrors(page);
    await expect
      .poll(() => page.getByRole('tab', { name: 'Discovered groups' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByText('No groups yet').waitFor();

    // While the background clusters, a progress line shows and the button is busy (recorded by
    // an observer, since a run over a few hundred buyers may take only milliseconds).
    await page.evaluate(() => {
      const w = window as unknown as { sawBusy: boolean };
      w.sawBusy = false;
      new MutationObserver(() => {
        if (
          document.querySelector('[data-testid="groups-progress"]') &&
          document.querySelector('[aria-busy="true"]')
        )
          w.sawBusy = true;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const run = page.getByTestId('groups-run');
    await run.click();
    await expect.poll(() => cards(page).count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { sawBusy: boolean }).sawBusy)).toBe(true);
    await expect.poll(() => run.textContent()).toBe('Run again');

    const n = await cards(page).count();
    for (let i = 0; i < n; i++) {
      const card = cards(page).nth(i);
      expect(await card.locator('h2').textContent()).toBe(`Group ${i + 1}`);
      expect(((await card.locator('.group-card__desc').textContent()) ?? '').trim().length).toBeGreaterThan(
        10,
      );
      expect(await card.locator('.group-card__stats').textContent()).toMatch(
        /\d+ buyers \(.+%\) · .+% of revenue/,
      );
    }
    // Revenue shares add up to the whole.
    const status = await askPage<ClusteringStatusDto>(page, 'getClusteringStatus', {});
    const last = status.last!;
    expect(last.groups).toHaveLength(n);
    expect(last.groups.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1, 5);

    // The cross-table has one row per group, and each row counts exactly that group's buyers.
    const cross = page.getByTestId('groups-cross');
    await cross.waitFor();
    expect(await page.getByRole('heading', { name: 'Groups and your segments' }).count()).toBe(1);
    const rows = cross.locator('tbody tr');
    expect(await rows.count()).toBe(n);
    for (let i = 0; i < n; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells.reduce((s, c) => s + Number(c.replace(/\D/g, '')), 0)).toBe(last.groups[i].size);
    }

    // A group's buyers, largest spend first; a name opens the dashboard's buyer card.
    const first = cards(page).first();
    await first.getByRole('button', { name: 'Show buyers' }).click();
    const names = first.locator('.group-card__buyers li');
    await expect.poll(() => names.count()).toBe(Math.min(50, last.groups[0].size));
    const name = ((await names.first().locator('button').textContent()) ?? '').trim();
    await names.first().locator('button').click();
    const detail = page.getByTestId('buyer-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('h2').textContent()).toBe(name);
    expect(page.url()).toContain('buyer=');
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('saves a group as a tag whose buyers are the group, and exports exactly those buyers', async () => {
    const page = await ext.openExtensionPage('dashboard.html#groups');
    const errors = trackErrors(page);
    // The last run survives a reload of the page.
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const status = await askPage<ClusteringStatusDto>(page, 'getClusteringStatus', {});
    const size = status.last!.groups[0].size;

    const first = cards(page).first();
    await first.getByRole('button', { name: 'Save as tag' }).click();
    await first.getByLabel('Tag name').fill(TAG);
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('toast-text').textContent())
      .toBe(`Tagged ${size.toLocaleString('en-US')} buyers with "${TAG}"`);

    const tags = await askPage<Array<{ id: string; name: string; buyers: number }>>(page, 'listTags', {});
    const tag = tags.find((x) => x.name === TAG);
    expect(tag?.buyers).toBe(size);

    const members = await askPage<BuyerPageDto>(page, 'groupBuyers', {
      groupIndex: 0,
      offset: 0,
      limit: size,
    });
    const expected = members.rows.map((r) => `${r.platform}:${r.buyerId}`).sort();
    expect(expected).toHaveLength(size);

    // Export through the dashboard's export screen.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('io-export-kind').selectOption('tag');
    await expect
      .poll(() => page.locator('[data-testid="io-export-value"] option').allTextContents())
      .toContain(TAG);
    await page.getByTestId('io-export-value').selectOption(tag!.id);
    await page.getByTestId('io-export-format').selectOption('json');
    const file = await downloadText(page, () => page.getByTestId('io-export-go').click());
    const exported = JSON.parse(file.text) as Array<{ platform: string; buyer_id: string; tags: string }>;
    expect(exported.map((r) => `${r.platform}:${r.buyer_id}`).sort()).toEqual(expected);
    expect(exported.every((r) => String(r.tags).includes(TAG))).toBe(true);

    // The tag shows on the badge of a group member the seller chats with.
    const chat = demo.data.conversations.find((c) => expected.includes(`demo:${c.buyerId}`));
    expect(chat).toBeDefined();
    const chatPage = await ext.context.newPage();
    await chatPage.goto(`${demo.url}/chat?buyer=${encodeURIComponent(chat!.buyerId)}`);
    const badge = chatPage.locator('[data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 30_000 })
      .toBe(`demo:${chat!.buyerId}`);
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toContain(TAG);
    expect(errors).toEqual([]);
  });

  it('edits the words of a need with validation, keeps them after a reload, and saves the needs switches', async () => {
    const page = await ext.openExtensionPage('dashboard.html#needs');
    const errors = trackErrors(page);
    const price = page.getByTestId('lexicon-price');
    await price.locator('.lexicon__term').first().waitFor();

    // A too-long word is flagged in words, and saving waits until it is gone.
    const long = 'x'.repeat(61);
    await page.getByTestId('lexicon-add-quality').fill(long);
    await page.getByTestId('lexicon-add-quality').press('Enter');
    await expect
      .poll(() => page.getByTestId('lexicon-issues').textContent())
      .toContain(`Quality: “${long}” is longer than 60 characters.`);
    expect(await page.getByTestId('lexicon-save').isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Remove “${long}”` }).click();
    await expect.poll(() => page.getByTestId('lexicon-issues').count()).toBe(0);

    // A duplicate is refused with a note; a new word is added to the English list.
    await page.getByTestId('lexicon-add-price').fill(`${WORD}, 包邮`);
    await page.getByTestId('lexicon-add-price').press('Enter');
    await expect.poll(() => price.getByRole('status').textContent()).toBe('Already in the list: 包邮');
    await price.locator(`.lexicon__term[data-term="${WORD}"]`).waitFor();
    await page.getByTestId('lexicon-save').click();
    await expect
      .poll(() => page.getByTestId('toast-text').textContent())
      .toBe('Words saved. Open chats use them within a minute.');

    await page.reload();
    await page.getByTestId('lexicon-price').locator(`.lexicon__term[data-term="${WORD}"]`).waitFor();
    const lexicon = await askPage<Lexicon>(page, 'getLexicon', {});
    expect(lexicon.terms.price).toContain(WORD);

    // Needs switches: a value below 2 chats is refused, 3 is saved and kept.
    const minChats = page.getByTestId('needs-min-chats');
    await minChats.fill('1');
    await expect.poll(() => page.getByText('This number is too small.').count()).toBe(1);
    expect(await page.getByTestId('needs-save').isDisabled()).toBe(true);
    await minChats.fill('3');
    await page.getByTestId('needs-min-share').fill('40');
    await page.getByTestId('needs-enabled').click();
    await page.getByTestId('needs-save').click();
    await expect.poll(() => page.getByTestId('toast-text').textContent()).toBe('Needs settings saved.');
    const settings = await askPage<{ needs: { enabled: boolean; minChats: number; minShare: number } }>(
      page,
      'getSettings',
      {},
    );
    expect(settings.needs).toEqual({ enabled: false, minChats: 3, minShare: 0.4 });
    await page.reload();
    await expect.poll(() => page.getByTestId('needs-min-chats').inputValue()).toBe('3');
    expect(await page.getByTestId('needs-enabled').getAttribute('aria-checked')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('shows the groups and needs sections in Chinese', async () => {
    const page = await ext.openExtensionPage('dashboard.html#settings');
    const errors = trackErrors(page);
    await page.getByTestId('language').selectOption('zh_CN');
    await page.getByRole('tab', { name: '发现的客群' }).click();
    await page.getByRole('heading', { name: '发现的客群', level: 1 }).waitFor();
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await cards(page).first().locator('h2').textContent()).toBe('客群 1');
    expect(await cards(page).first().locator('.group-card__desc').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await cards(page).first().locator('.group-card__stats').textContent()).toMatch(/位买家/);
    expect(await page.getByRole('heading', { name: '客群与客户分层对照' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '重新分组' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '查看买家' }).count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('tab', { name: '聊天需求' }).click();
    await page.getByRole('heading', { name: '各需求的关键词' }).waitFor();
    expect(await page.getByTestId('lexicon-price').locator('legend').textContent()).toContain('价格');

    await page.getByRole('tab', { name: '设置' }).click();
    await page.getByTestId('language').selectOption('auto');
    await expect.poll(() => page.getByRole('tab', { name: 'Discovered groups' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
