import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server';
import { demoBuyerFacts } from './support/demo';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { badgesOf, extensionPage } from './support/overlay';

let demo: DemoServer;
let ext: ExtensionSession;

const ordersText = (n: number) => (n === 0 ? 'no orders yet' : n === 1 ? '1 order' : `${n} orders`);

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  ext = await launchWithExtension();
  // First visit loads the demo data; wait for it so every test starts from a scored shop.
  const page = await ext.context.newPage();
  await page.goto(`${demo.url}/chat`);
  await page.waitForFunction(
    () => /order/.test(document.querySelector('buyer-tiers-badge')?.shadowRoot?.textContent ?? ''),
    undefined,
    { timeout: 90_000 },
  );
  await page.close();
});
afterAll(async () => {
  await ext?.close();
  await demo?.close();
});

describe('overlay on the demo chat page', () => {
  it('badges every conversation row with one batched request and follows switches', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat`);
    const rows = await page.locator('#conversation-list li.conversation').count();
    await expect.poll(() => page.locator('buyer-tiers-mini').count(), { timeout: 10_000 }).toBe(rows);
    // Every mini badge sits inside its own row, beside that row's buyer name.
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll('buyer-tiers-mini')].every((h) => h.closest('li.conversation') !== null),
    );
    expect(placed).toBe(true);

    for (const conv of demo.data.conversations.slice(3, 6)) {
      await page.click(`#conversation-list li.conversation[data-buyer-id="${conv.buyerId}"] a`);
      const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
      await expect
        .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 5_000 })
        .toBe(`demo:${conv.buyerId}`);
      await expect
        .poll(() => badge.textContent(), { timeout: 5_000 })
        .toContain(ordersText(demoBuyerFacts(demo.data, conv.buyerId).paidOrders));
      expect(await page.locator('buyer-tiers-badge').count()).toBe(1);
    }
    await page.close();
  });

  it('opens the buyer card with reasons, orders and actions; Insert reply fills the box and never sends', async () => {
    const champion = demo.data.conversations.find(
      (c) => demoBuyerFacts(demo.data, c.buyerId).paidOrders >= 3,
    );
    if (!champion) throw new Error('demo data has no repeat buyer in chat');
    const page = await ext.context.newPage();
    await page.goto(`${demo.url}/chat?buyer=${encodeURIComponent(champion.buyerId)}`);
    const threadBefore = await page.locator('#message-thread li').count();
    await page.locator('buyer-tiers-badge [data-testid="bt-badge"]').click();
    const card = page.locator('[data-testid="bt-card"]');
    await expect
      .poll(() => card.getAttribute('data-buyer-key'), { timeout: 10_000 })
      .toBe(`demo:${champion.buyerId}`);
    await expect
      .poll(() => page.locator('[data-testid="bt-orders"] li').count(), { timeout: 10_000 })
      .toBeGreaterThan(2);
    // Reasons are translated sentences with their numbers, e.g. "Recency 3 days, rank … → R5".
    const reasons = await page.locator('[data-testid="bt-classes"] li[data-code]').allTextContents();
    expect(reasons.some((r) => /→ R[1-5]/.test(r))).toBe(true);
    expect(reasons.some((r) => /^[a-z-]+\.[a-z.-]+$/.test(r))).toBe(false); // no raw codes
    await expect
      .poll(() => page.locator('[data-testid="bt-prediction"]').textContent())
      .toMatch(/active|history/);

    const insert = page.locator('[data-testid="bt-insert"]').first();
    await expect.poll(() => insert.count(), { timeout: 5_000 }).toBe(1);
    const reply = (await page.locator('.bt-action p').first().textContent()) ?? '';
    let submitted = 0;
    await page.exposeFunction('btSubmitted', () => {
      submitted++;
    });
    await page.evaluate(() =>
      document
        .getElementById('reply-form')
        ?.addEventListener('submit', () => (window as unknown as { btSubmitted(): void }).btSubmitted()),
    );
    await page.evaluate(() => {
      const ta = document.getElementById('reply-input') as HTMLTextAreaElement;
      (window as unknown as { btInputs: number }).btInputs = 0;
      ta.addEventListener('input', () => {
        (window as unknown as { btInputs: number }).btInputs++;
      });
    });
    await insert.click();
    expect(await page.inputValue('#reply-input')).toBe(reply);
    expect(await page.evaluate(() => (window as unknown as { btInputs: number }).btInputs)).toBeGreaterThan(
      0,
    );
    await page.waitForTimeout(300);
    expect(submitted).toBe(0);
    expect(await page.locator('#message-thread li').count()).toBe(threadBefore);

    // Esc closes the card.
    await card.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('buyer-tiers-card').count()).toBe(0);
    await page.close();
  });

  it('tags in-page with the keyboard; the tag shows at once in another tab and to extension pages', async () => {
    const conv = demo.data.conversations[5];
    const key = `demo:${conv.buyerId}`;
    const url = `${demo.url}/chat?buyer=${encodeURIComponent(conv.buyerId)}`;
    const a = await ext.context.newPage();
    const b = await ext.context.newPage();
    await a.goto(url);
    await b.goto(url);
    const badgeB = b.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect.poll(() => badgeB.getAttribute('data-buyer-key'), { timeout: 10_000 }).toBe(key);
    await expect
      .poll(() => a.locator('buyer-tiers-badge [data-testid="bt-badge"]').getAttribute('data-buyer-key'))
      .toBe(key);

    // Alt+Shift+B opens the card with the tag box focused: type a new tag, Enter creates it.
    await a.locator('body').press('Alt+Shift+B');
    const input = a.locator('[data-testid="bt-tag-input"]');
    await expect.poll(() => input.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() =>
        input.evaluate(
          (el) =>
            el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
        ),
      )
      .toBe(true);
    await a.keyboard.type('birthday-May');
    await a.keyboard.press('Enter');
    await expect
      .poll(() => a.locator('[data-testid="bt-card"] [data-testid="bt-tag"]').allTextContents(), {
        timeout: 5_000,
      })
      .toEqual([expect.stringContaining('birthday-May')]);
    await expect.poll(() => badgeB.textContent(), { timeout: 5_000 }).toContain('birthday-May');
    const ext1 = await extensionPage(ext);
    const badges = await badgesOf(ext1, [key]);
    expect(badges[key].tags.map((t) => t.name)).toEqual(['birthday-May']);

    // Removing it with the mouse clears it everywhere too.
    await a.locator('[data-testid="bt-card"] [data-testid="bt-tag"] button').click();
    await expect.poll(() => badgeB.textContent(), { timeout: 5_000 }).not.toContain('birthday-May');
    await Promise.all([a.close(), b.close(), ext1.close()]);
  });

  it('renders hostile buyer names as inert, cleaned, truncated text', async () => {
    const page = await ext.context.newPage();
    let dialogs = 0;
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') console.log('[page]', m.text());
    });
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    for (const id of ['eve_xss', 'mallory_rtl', 'longname_buyer']) {
      await page.goto(`${demo.url}/chat?buyer=${id}`);
      const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
      await expect.poll(() => badge.getAttribute('data-buyer-key'), { timeout: 10_000 }).toBe(`demo:${id}`);
      const host = page.locator('buyer-tiers-badge');
      const box = await host.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(521);
      await badge.click();
      const title = page.locator('[data-testid="bt-card"] h2');
      // The title shows the key until the card's data arrives; wait for the data.
      await expect
        .poll(() => page.locator('[data-testid="bt-card-summary"]').count(), { timeout: 15_000 })
        .toBe(1);
      const text = (await title.textContent()) ?? '';
      expect(text).not.toMatch(/[\u202A-\u202E\u200B-\u200F]/);
      expect(Array.from(text).length).toBeLessThanOrEqual(81);
      if (id === 'eve_xss') expect(text).toContain('<img');
      // Nothing the name contains became an element, in the page or in our shadow roots.
      const imgs = await page.evaluate(() =>
        [document, ...[...document.querySelectorAll('[data-bt]')].map((h) => h.shadowRoot)].reduce(
          (n, r) => n + (r?.querySelectorAll('img').length ?? 0),
          0,
        ),
      );
      expect(imgs).toBe(0);
      await page.keyboard.press('Escape');
    }
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('cannot be made to store buyers of another platform by a hostile page', async () => {
    const page = await ext.context.newPage();
    await page.route(`${demo.url}/chat?buyer=spoof`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<main><section id="chat-panel" data-buyer-id="whatsapp:6591234567"><header id="chat-header"><h1 class="chat-buyer-name" data-buyer-id="whatsapp:6591234567">Spoof</h1></header><form id="reply-form"><textarea id="reply-input"></textarea></form></section></main>`,
      }),
    );
    await page.goto(`${demo.url}/chat?buyer=spoof`);
    const badge = page.locator('buyer-tiers-badge [data-testid="bt-badge"]');
    await expect
      .poll(() => badge.getAttribute('data-buyer-key'), { timeout: 10_000 })
      .toBe('demo:whatsapp:6591234567');
    const ext1 = await extensionPage(ext);
    const badges = await badgesOf(ext1, ['whatsapp:6591234567', 'demo:whatsapp:6591234567']);
    expect(Object.keys(badges)).toEqual(['demo:whatsapp:6591234567']);
    await Promise.all([page.close(), ext1.close()]);
  });
});
