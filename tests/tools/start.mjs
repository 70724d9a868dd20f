// `npm start`: builds the extension, serves the demo marketplace on 127.0.0.1 and opens
// Chromium with the extension loaded on the demo chat page. With a display it stays open until
// you close the browser; without one it runs headless and saves screenshots of the chat page,
// the order list and the popup into a folder it prints.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureDependencies } from './deps.mjs';

ensureDependencies();
const chromiumPath = ensureChromium();
console.log('Building the extension (demo build) …');
// The demo build carries the demo marketplace's adapter and loopback access; the store build does not.
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The demo server is TypeScript; run it through tsx in a child process and read its URL.
const port = process.env.DEMO_PORT || '8787';
const server = spawn(process.execPath, ['--import', 'tsx', 'tests/demo/serve.ts'], {
  env: { ...process.env, DEMO_PORT: port },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const demoUrl = await new Promise((ok, fail) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    process.stdout.write(d);
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (m) ok(m[0]);
  });
  server.on('exit', (code) => fail(new Error(`demo server exited (${code})`)));
});

const { chromium } = await import('playwright-core');
const extensionDir = resolve('.output/chrome-mv3-demo');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';
const profile = mkdtempSync(join(tmpdir(), 'buyer-tiers-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: false,
  viewport: headed ? null : { width: 1280, height: 800 },
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [
    ...(headed ? [] : ['--headless=new']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${demoUrl}/chat`);
const badge = page.locator('[data-testid="bt-badge"]');
// First run loads the demo data set into the extension; the badge shows orders once it is in.
await badge.first().waitFor({ timeout: 60_000 });
await page.waitForFunction(
  () => {
    const hosts = document.querySelectorAll('buyer-tiers-badge');
    return [...hosts].some((h) => /order/.test(h.shadowRoot?.textContent ?? ''));
  },
  null,
  { timeout: 60_000 },
);

if (headed) {
  console.log(`\nBuyer Tiers is running on the demo marketplace: ${demoUrl}/chat`);
  console.log(`Dashboard: chrome-extension://${extensionId}/dashboard.html — close the browser to stop.`);
  await new Promise((r) => context.on('close', r));
} else {
  const dir = resolve('.artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'chat.png') });
  await page.goto(`${demoUrl}/orders`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(dir, 'orders.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(1000);
  await popup.screenshot({ path: join(dir, 'popup.png') });
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dash.waitForTimeout(1500);
  await dash.screenshot({ path: join(dir, 'dashboard.png'), fullPage: true });
  console.log(`\nNo display found, so Chromium ran headless. Screenshots of the demo chat page, order list,`);
  console.log(`popup and dashboard are in:\n  ${dir}`);
  await context.close();
}
server.kill();
process.exit(0);
