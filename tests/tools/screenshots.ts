/**
 * Screenshots of the popup and dashboard in English and Chinese with the demo shop loaded, for
 * the README: docs/screenshots/{popup,dashboard}-{en,zh_CN}.png (plus the popup's tag list).
 *
 *   npx wxt build --mode demo && node --import tsx tests/tools/screenshots.ts
 *
 * Chinese text needs a CJK font on the machine (e.g. Debian's fonts-noto-cjk), or it renders as boxes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer } from '../demo/server';
import { loadDemo } from '../e2e/dashboard-helpers';
import { launchWithExtension } from '../e2e/support/extension';

const OUT = join(process.cwd(), 'docs/screenshots');
const TAGS: Record<string, string[]> = {
  en: ['wholesale', 'birthday-May', 'complained', 'VIP follow-up'],
  zh_CN: ['批发', '五月生日', '投诉过', '重点回访'],
};

const COLORS = ['#2563eb', '#db2777', '#d97706', '#16a34a'];

async function shoot(lang: 'en' | 'zh_CN') {
  const demo = await startDemoServer({ port: 0 });
  const ext = await launchWithExtension({ locale: lang === 'zh_CN' ? 'zh-CN' : 'en-US' });
  try {
    await loadDemo(ext, demo);
    // A few tags on real buyers, so the tag list and table look like a shop in use.
    const dash = await ext.openExtensionPage('dashboard.html#tags');
    for (const [i, name] of TAGS[lang].entries()) {
      await dash.locator('#new-tag-color').evaluate((el: HTMLInputElement, c: string) => {
        el.value = c;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, COLORS[i]);
      await dash.locator('#new-tag-name').fill(name);
      await dash.keyboard.press('Enter');
      await dash.locator(`.tag-item[data-tag="${name}"]`).waitFor();
    }
    await dash.goto(dash.url().replace(/#.*/, '#buyers'));
    await dash.locator('[data-testid="buyer-rows"] [data-buyer-key]').first().waitFor();
    for (const [i, tier] of [
      ['0', 'high'],
      ['3', 'medium'],
    ] as const) {
      await dash.getByTestId('filter-tier').selectOption(tier);
      await dash.locator('#bulk-tag').selectOption({ label: TAGS[lang][Number(i)] });
      await dash.locator('.table-bar__bulk .btn').last().click();
      await dash.waitForTimeout(500);
    }
    await dash.getByTestId('filter-tier').selectOption('');

    // Dismiss the last toast so it is not in the picture.
    await dash.locator('.toast .btn--icon').click();
    await dash.goto(dash.url().replace(/#.*/, '#overview'));
    await dash.locator('.heat__count').first().waitFor();
    await dash.waitForTimeout(600);
    await dash.screenshot({ path: join(OUT, `dashboard-${lang}.png`) });
    await dash.goto(dash.url().replace(/#.*/, '#buyers'));
    await dash.locator('[data-testid="buyer-rows"] [data-buyer-key]').first().waitFor();
    await dash.waitForTimeout(400);
    await dash.screenshot({ path: join(OUT, `dashboard-buyers-${lang}.png`) });

    const popup = await ext.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('.tag-item').first().waitFor();
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(OUT, `popup-tags-${lang}.png`) });
    await popup.locator('[data-tab="thresholds"]').click();
    await popup.getByTestId('preview-segments').locator('li').first().waitFor();
    await popup.waitForTimeout(600);
    await popup.screenshot({ path: join(OUT, `popup-${lang}.png`) });
  } finally {
    await ext.close();
    await demo.close();
  }
}

mkdirSync(OUT, { recursive: true });
await shoot('en');
await shoot('zh_CN');
console.log(`screenshots written to ${OUT}`);
