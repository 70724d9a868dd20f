/**
 * Screenshots of the demo chat page with the badge and an open buyer card, in English and
 * Chinese, for the README: docs/screenshots/chat-{en,zh_CN}.png.
 *
 *   npx wxt build --mode demo && node --import tsx tests/tools/chat-screenshots.ts
 *
 * Chinese text needs a CJK font on the machine (e.g. Debian's fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer } from '../demo/server';
import { launchWithExtension } from '../e2e/support/extension';
import { ask, extensionPage } from '../e2e/support/overlay';

const OUT = join(process.cwd(), 'docs/screenshots');

async function shoot(lang: 'en' | 'zh_CN') {
  const demo = await startDemoServer({ port: 0 });
  const ext = await launchWithExtension({ locale: lang === 'zh_CN' ? 'zh-CN' : 'en-US' });
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1360, height: 860 });
    // A loyal repeat buyer makes the richest card: pick the demo buyer with the most paid orders.
    const paid = new Map<string, number>();
    for (const o of demo.data.orders) {
      if (o.status === 'paid') paid.set(o.buyerKey, (paid.get(o.buyerKey) ?? 0) + 1);
    }
    const talking = new Set(demo.data.conversations.map((c) => c.buyerId));
    const [best] = [...paid.entries()]
      .filter(([k]) => talking.has(k.slice('demo:'.length)))
      .sort((a, b) => b[1] - a[1]);
    const buyerId = best[0].slice('demo:'.length);
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(buyerId)}`);
    const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await badge.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => /\d/.test(document.querySelector('buyer-tiers-badge')?.shadowRoot?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );
    // Headless Chromium reports an English UI language whatever --lang says: choose it in settings.
    const ext1 = await extensionPage(ext);
    const settings = await ask<Record<string, unknown>>(ext1, 'getSettings', {});
    await ask(ext1, 'saveSettings', { settings: { ...settings, language: lang } });
    await ext1.close();
    await page.reload();
    await badge.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(2500);
    await badge.click();
    await page.locator('[data-testid="bt-card-summary"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `chat-${lang}.png`) });
  } finally {
    await ext.close();
    await demo.close();
  }
}

mkdirSync(OUT, { recursive: true });
await shoot('en');
await shoot('zh_CN');
console.log(`screenshots written to ${OUT}`);
