/**
 * Import throughput and memory in a real browser: a seeded 1,000,000-line Shopify-like CSV, one
 * line per order, is
 * written to /tmp, then imported through the dashboard UI (file input → streaming parse in the
 * page → batched writes in the background worker). Reports lines/s end to end and the peak JS
 * heap of the dashboard page, sampled every 500 ms over CDP (target ≤ 500 MB).
 * `BENCH_IMPORT_LINES=100000 npm run bench -- importBrowser` runs a smaller file.
 */
import { execSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDashboardImport } from '../e2e/support/consistency';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { syntheticCsv } from './import';

type Report = (name: string, value: number, unit: string) => void;

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
const HEAP_LIMIT_MB = 500;

/** Writes the file in slices so Node never holds the whole million-line text at once. */
async function writeCsv(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  const SLICE = 50_000;
  for (let done = 0, seed = 1; done < lines; done += SLICE, seed++) {
    const text = syntheticCsv(Math.min(SLICE, lines - done), seed, 1);
    // Each slice is its own valid CSV; keep the header of the first only. Order numbers repeat
    // per slice, so prefix them to keep every order id unique.
    const body = done === 0 ? text : text.slice(text.indexOf('\n') + 1);
    const unique = body.replace(/^#(\d+)/gm, `#${seed}-$1`);
    if (!out.write(unique)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    execSync('npx wxt build --mode demo', { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-import-'));
  const file = join(dir, 'orders.csv');
  await writeCsv(file, LINES);
  const ext = await launchWithExtension();
  try {
    const page = await ext.openExtensionPage('dashboard.html#import');
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
    };
    const timer = setInterval(() => void sample().catch(() => {}), 500);
    try {
      // The clock starts at the file choice: scanning it before the seller presses Import is
      // part of what the seller waits for.
      const t0 = performance.now();
      await startDashboardImport(page, file);
      await page.locator('[data-testid="io-summary"]').waitFor({ timeout: 60 * 60_000 });
      const secs = (performance.now() - t0) / 1000;
      await sample();
      const counts = await page.locator('[data-testid="io-summary-counts"]').textContent();
      console.log(`  ${LINES} lines: ${counts}`);
      report(`browser import ${LINES} lines`, Math.round(LINES / secs), 'lines/s');
      report(`browser import ${LINES} lines time`, Math.round(secs), 's');
      report('dashboard peak JS heap during import', Math.round(peak / 1024 / 1024), 'MB');
      if (peak / 1024 / 1024 > HEAP_LIMIT_MB) {
        throw new Error(
          `dashboard heap peaked at ${Math.round(peak / 1048576)} MB (limit ${HEAP_LIMIT_MB} MB)`,
        );
      }
    } finally {
      clearInterval(timer);
    }
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
