/**
 * Import throughput and memory in a real browser: a seeded 1,000,000-line Shopify-like CSV, one
 * line per order, is
 * written to /tmp, then imported through the dashboard UI (file input → streaming parse in the
 * page → batched writes in the background worker). Reports lines/s end to end and the peak JS
 * heap of the dashboard page, sampled every 500 ms over CDP (target ≤ 300 MB).
 * `BENCH_IMPORT_LINES=100000 npm run bench -- importBrowser` runs a smaller file.
 *
 * Old against new in the same run (the machine is shared, so figures from different runs do not
 * compare): `BENCH_IMPORT_BASELINE=<git ref>` builds that commit's demo extension into
 * `.bench/baseline-<ref>` (once; the tree comes from `git archive`, node_modules is shared) and
 * imports the same file with it first.
 */
import { execSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDashboardImport } from '../e2e/support/consistency';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { syntheticCsv } from './import';

type Report = (name: string, value: number, unit: string) => void;

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
const HEAP_LIMIT_MB = 300;
const BASELINE = process.env.BENCH_IMPORT_BASELINE;

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

/** The demo build of another commit, built once into `.bench/baseline-<ref>`; its output folder. */
function baselineBuild(ref: string): string {
  const sha = execSync(`git rev-parse --short ${ref}`, { encoding: 'utf8' }).trim();
  const root = resolve('.bench', `baseline-${sha}`);
  const out = join(root, '.output/chrome-mv3-demo');
  if (existsSync(join(out, 'manifest.json'))) return out;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execSync(`git archive ${sha} | tar -x -C ${root}`, { stdio: 'inherit', shell: '/bin/bash' });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  execSync('npx wxt build --mode demo', { cwd: root, stdio: 'inherit' });
  return out;
}

/** Imports `file` through the dashboard of the extension in `extensionDir`; seconds and peak heap. */
async function importOnce(file: string, extensionDir: string): Promise<{ secs: number; peakMb: number }> {
  const ext = await launchWithExtension({ extensionDir });
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
      return { secs, peakMb: Math.round(peak / 1024 / 1024) };
    } finally {
      clearInterval(timer);
    }
  } finally {
    await ext.close();
  }
}

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    execSync('npx wxt build --mode demo', { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-import-'));
  const file = join(dir, 'orders.csv');
  await writeCsv(file, LINES);
  try {
    let before: { secs: number; peakMb: number } | undefined;
    if (BASELINE) {
      before = await importOnce(file, baselineBuild(BASELINE));
      report(
        `baseline ${BASELINE}: browser import ${LINES} lines`,
        Math.round(LINES / before.secs),
        'lines/s',
      );
      report(`baseline ${BASELINE}: dashboard peak JS heap`, before.peakMb, 'MB');
    }
    const now = await importOnce(file, EXTENSION_DIR);
    report(`browser import ${LINES} lines`, Math.round(LINES / now.secs), 'lines/s');
    report(`browser import ${LINES} lines time`, Math.round(now.secs), 's');
    report('dashboard peak JS heap during import', now.peakMb, 'MB');
    if (before) report('browser import speed-up over baseline', before.secs / now.secs, '×');
    if (now.peakMb > HEAP_LIMIT_MB)
      throw new Error(`dashboard heap peaked at ${now.peakMb} MB (limit ${HEAP_LIMIT_MB} MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
