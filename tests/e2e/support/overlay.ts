import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { BadgeDto } from '../../../core/messaging';
import type { ExtensionSession } from './extension';

/** The parts of the extension API the tests call inside page.evaluate on extension pages. */
export interface PageChrome {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown } | undefined> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
}

/**
 * Sends one protocol message from an extension page, in @webext-core/messaging's wire format,
 * and returns the handler's Result — how the dashboard or popup would ask.
 */
export async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: PageChrome };
      const reply = await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
      return reply?.res as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [type, data] as const,
  );
  if (!res?.ok) throw new Error(`${type} failed: ${res?.error?.message ?? 'no answer'}`);
  return res.value as T;
}

/** An extension page to send messages from (teach.html without a draft renders a notice only). */
export async function extensionPage(ext: ExtensionSession): Promise<Page> {
  return ext.openExtensionPage('teach.html');
}

export async function badgesOf(page: Page, keys: string[]): Promise<Record<string, BadgeDto>> {
  return ask<Record<string, BadgeDto>>(page, 'getBadges', { buyerKeys: keys });
}

/**
 * Opens a site fixture (tests/fixtures/sites/<site>/<file>) at its real URL: the document is
 * served from the file, `json` answers the page's own data requests, everything else is a 404.
 */
export async function openFixturePage(
  ext: ExtensionSession,
  site: string,
  file: string,
  url: string,
  json?: { path: RegExp; body: string },
): Promise<Page> {
  const page = await ext.context.newPage();
  const html = readFileSync(resolve(process.cwd(), 'tests/fixtures/sites', site, file), 'utf8');
  await page.route(`${new URL(url).origin}/**`, (route) => {
    const req = route.request();
    if (req.resourceType() === 'document')
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (json?.path.test(req.url()))
      return route.fulfill({ status: 200, contentType: 'application/json', body: json.body });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(url);
  return page;
}
