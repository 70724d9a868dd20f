// `npm test`: unit tests (vitest + happy-dom + fake-indexeddb), then real-browser tests
// (playwright-core + Chromium loading the built extension). Ends with `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureDebianProgram } from './debian.mjs';
import { ensureDependencies } from './deps.mjs';

ensureDependencies();
const args = new Set(process.argv.slice(2));
const onlyE2e = args.has('--e2e-only');
const onlyUnit = args.has('--unit-only');
const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** Counts from vitest's JSON reporter; a suite that could not even start counts as one failure. */
function counts(file, exitCode) {
  if (!existsSync(file)) return { passed: 0, failed: exitCode === 0 ? 0 : 1 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const failedSuites = (j.testResults ?? []).filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return { passed: j.numPassedTests, failed: j.numFailedTests + failedSuites };
}

let passed = 0;
let failed = 0;

// The team-sync tests (unit and real-browser) start Debian's redis-server themselves.
ensureDebianProgram(process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server', 'redis-server');

if (!onlyE2e) {
  const code = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${OUT}/unit.json`,
  ]);
  const c = counts(`${OUT}/unit.json`, code);
  passed += c.passed;
  failed += c.failed;
}

if (!onlyUnit) {
  ensureChromium();
  // The real-browser tests run on the demo marketplace, which only the demo build serves.
  const build = run('npx', ['wxt', 'build', '--mode', 'demo']);
  if (build !== 0) {
    console.error('The extension build failed, so the real-browser tests could not run.');
    failed += 1;
  } else {
    const code = run('npx', [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/e2e.json`,
    ]);
    const c = counts(`${OUT}/e2e.json`, code);
    passed += c.passed;
    failed += c.failed;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
