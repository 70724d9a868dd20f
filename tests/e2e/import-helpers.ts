import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Sends one protocol message from an extension page, in @webext-core/messaging's wire format. */
export async function askPage<T>(page: Page, type: string, data: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([type, data]) => {
      // `chrome` exists in the extension page; Node's type environment does not declare it.
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown }> } };
        }
      ).chrome.runtime;
      const reply = await runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
      return reply?.res as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [type, data] as const,
  );
  if (!res?.ok) throw new Error(`${type} failed: ${res?.error?.message ?? 'no answer'}`);
  return res.value as T;
}

/** Waits for the download a click starts and returns its bytes as text. */
export async function downloadText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}
