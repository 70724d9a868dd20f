import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDNOW, cdnowWorkDir } from './cdnowFiles';

describe('npm run score as a process', () => {
  it('runs the built command line (no transpiler) and writes the same fits as the source', () => {
    const { dir, map } = cdnowWorkDir('score-run-');
    const out = join(dir, 'buyers.csv');
    const args = ['--in', CDNOW, '--map', map, '--as-of', '1997-09-30', '--unit', 'weeks', '--out', out];
    const res = spawnSync('node', ['core/cli/run.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(existsSync('.cli/score.mjs')).toBe(true);
    // The published BG/NBD fit on this sample (r ≈ 0.24, α ≈ 4.41, a ≈ 0.79, b ≈ 2.43).
    expect(res.stdout).toMatch(/bgnbd r=0\.24\d* alpha=4\.4\d* a=0\.79\d* b=2\.4\d*/);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^buyer_id,orders,/);
    // Bad usage is a clear message and exit code 2, not a stack trace.
    const bad = spawnSync('node', ['core/cli/run.mjs', '--in', CDNOW], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage');
  });
});
