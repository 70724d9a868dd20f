// `npm run score`: the command line as built JavaScript, so no transpiler runs at start-up.
// The bundle (`.cli/score.mjs`) is rebuilt with esbuild only when a source under `core/` or the
// lock file is newer than it; otherwise this file just imports it and runs it.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, '.cli', 'score.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

// A dependency upgrade (package-lock.json) rebuilds too: the bundle carries zod and date-fns.
const newest = Math.max(newestSource(join(root, 'core')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (builtAt() < newest) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [join(root, 'core', 'cli', 'score.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // The Dexie-free pure core only; nothing here may pull in the browser build.
    external: ['dexie', 'wxt', 'preact'],
  });
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
