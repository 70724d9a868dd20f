// Installs the npm dependencies on a fresh clone, so `npm start` and `npm test` are the only
// two commands a new machine needs. Uses only Node built-ins: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDependencies() {
  if (existsSync('node_modules/.package-lock.json')) return;
  console.log('Installing dependencies (npm ci) …');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed; see above.');
    process.exit(r.status ?? 1);
  }
}
