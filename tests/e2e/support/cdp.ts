import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type ExtensionSession } from './extension';

/**
 * Fault injection through the Chrome DevTools Protocol, from a session on one of the test's
 * pages (Playwright's persistent contexts have no browser-level session to ask for).
 *
 * - `stopWorker()` stops the extension's service worker the way Chrome does when it idles it
 *   out: the process is torn down mid-work, IndexedDB transactions in flight abort, and the next
 *   message or event starts a fresh worker.
 * - `overrideQuota()` lowers the storage quota of an origin (Storage.overrideQuotaForOrigin).
 * - `isolatedWorld()` evaluates code in the extension's content-script world of the page, to send
 *   messages exactly as a content script of that site would.
 */

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

export interface Cdp {
  session: CDPSession;
  /** Stops every service worker of the profile and waits until the extension's is stopped. */
  stopWorker(): Promise<void>;
  /** How many times the extension's worker went from running to stopped since `open`. */
  readonly stops: number;
  /** How many times it was started (after the first observation). */
  readonly starts: number;
  overrideQuota(origin: string, quotaSize: number | undefined): Promise<void>;
  /** Evaluates `expression` in the extension's content-script world of the page; returns the value. */
  isolatedWorld<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function openCdp(page: Page, extensionId: string): Promise<Cdp> {
  const session = await page.context().newCDPSession(page);
  const scriptPrefix = `chrome-extension://${extensionId}/`;
  let status: WorkerVersion['runningStatus'] | undefined;
  let stops = 0;
  let starts = 0;
  const waiters = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', (e: { versions: WorkerVersion[] }) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(scriptPrefix)) continue;
      if (v.runningStatus === 'stopped' && status !== 'stopped' && status !== undefined) stops++;
      if (v.runningStatus === 'running' && status !== 'running' && status !== undefined) starts++;
      status = v.runningStatus;
      for (const w of waiters) w();
    }
  });
  await session.send('ServiceWorker.enable');

  const contexts: ExecutionContext[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => {
    contexts.push(e.context);
  });
  session.on('Runtime.executionContextsCleared', () => {
    contexts.length = 0;
  });
  await session.send('Runtime.enable');

  const waitFor = (want: WorkerVersion['runningStatus'], timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (status === want) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`service worker did not reach "${want}" (is "${status}")`));
      }, timeoutMs);
      const check = () => {
        if (status !== want) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });

  return {
    session,
    get stops() {
      return stops;
    },
    get starts() {
      return starts;
    },
    async stopWorker() {
      await session.send('ServiceWorker.stopAllWorkers');
      await waitFor('stopped', 10_000);
    },
    async overrideQuota(origin, quotaSize) {
      await session.send(
        'Storage.overrideQuotaForOrigin',
        quotaSize === undefined ? { origin } : { origin, quotaSize },
      );
    },
    async isolatedWorld<T>(expression: string): Promise<T> {
      const world = contexts.findLast(
        (c) => c.auxData?.type === 'isolated' && c.origin === scriptPrefix.slice(0, -1),
      );
      if (!world) throw new Error('the extension has no content-script world in this page');
      const res = await session.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (res.exceptionDetails)
        throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
      return res.result.value as T;
    },
    async detach() {
      await session.detach().catch(() => {});
    },
  };
}

/**
 * A copy of the built extension without the `unlimitedStorage` permission, so the browser
 * enforces the origin's quota (with the permission, Chrome ignores quota and only a full disk
 * stops writes — with the same QuotaExceededError this copy lets a test provoke on demand).
 */
export function extensionWithoutUnlimitedStorage(builtDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-quota-ext-'));
  cpSync(builtDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions?: string[] };
  manifest.permissions = (manifest.permissions ?? []).filter((p) => p !== 'unlimitedStorage');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Launches Chromium with the extension in `dir` (a variant of the built one) in a throwaway profile. */
export async function launchExtensionFrom(dir: string): Promise<ExtensionSession> {
  const profile = mkdtempSync(join(tmpdir(), 'bt-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: the old headless mode runs no extensions
    locale: 'en-US',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
