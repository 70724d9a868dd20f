/**
 * Shared budget for the fuzz suites. CI runs a small number of cases per property so the whole
 * folder stays under a minute on two cores; `FUZZ_RUNS=10000 npx vitest run tests/unit/fuzz`
 * runs the long campaign whose figures are in FIGURES.md. `FUZZ_SEED` replays a failing run.
 */
import { appendFileSync } from 'node:fs';

const parsed = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);

/** Cases per property (default 60). */
export const RUNS = Number.isFinite(parsed) && parsed > 0 ? parsed : 60;

/** Scales a base count by the campaign size, never below `min`. */
export function scaled(base: number, min = 1): number {
  return Math.max(min, Math.round((base * RUNS) / 60));
}

const seed = Number.parseInt(process.env.FUZZ_SEED ?? '', 10);

/** fast-check parameters: bounded runs, reproducible when FUZZ_SEED is set. */
export function params(numRuns = RUNS): { numRuns: number; seed?: number; endOnFailure: boolean } {
  return Number.isFinite(seed) ? { numRuns, seed, endOnFailure: true } : { numRuns, endOnFailure: true };
}

const tried = new Map<string, number>();

/** Counts one more input tried against `target`. */
export function count(target: string, n = 1): void {
  tried.set(target, (tried.get(target) ?? 0) + n);
}

/**
 * Appends `target<TAB>inputs` lines to the file named by FUZZ_REPORT (if set), so a long run's
 * figures can be copied into FIGURES.md. Call from `afterAll`.
 */
export function report(): void {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  const lines = [...tried].map(([t, n]) => `${t}\t${n}\n`).join('');
  appendFileSync(file, lines);
}

/** Per-test timeout: 30 s in CI, growing with the campaign (key derivation alone is ~0.2 s a case). */
export const TIMEOUT = Math.max(30_000, RUNS * 1000);
