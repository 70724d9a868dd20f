/**
 * `npm run score` against DuckDB, in the same run on the same file (issue: speed).
 *
 * A seeded file of 1,000,000 one-line orders from 100,000 buyers (`order id,customer id,order
 * date,total`, about 33 MB) is written once to `.bench/`. Then, each as a whole process, best of
 * three: (1) `npm run score`'s built command line (import, aggregate, score with both model fits,
 * write one CSV row per buyer); (2) DuckDB reading the same CSV and computing the per-buyer
 * aggregates and R/F/M ranks, writing one CSV row per buyer. The figure that matters is the ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../core/scoring/cluster/random';

type Report = (name: string, value: number, unit: string) => void;

const LINES = 1_000_000;
const BUYERS = 100_000;
const DIR = '.bench';
const FILE = join(DIR, `orders-${LINES}.csv`);

/** One line per order: ids, a calendar day over two years, an amount with cents. */
export function oneLineOrdersCsv(lines: number, buyers: number, seed = 7): string {
  const r = seededRandom(seed);
  const start = Date.UTC(2023, 0, 1);
  const parts: string[] = ['order id,customer id,order date,total\n'];
  for (let i = 0; i < lines; i++) {
    const buyer = Math.floor(r() * r() * buyers); // some buyers order far more often
    const day = new Date(start + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
    const cents = 500 + Math.floor(r() * 30_000);
    parts.push(
      `${100_000_000 + i},C${String(buyer).padStart(6, '0')},${day},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n`,
    );
  }
  return parts.join('');
}

function ensureFile(): void {
  if (existsSync(FILE)) return;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(FILE, oneLineOrdersCsv(LINES, BUYERS));
}

/** Wall time of a whole process, in ms; throws with its stderr if it fails. */
function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.stderr || res.stdout}`);
  return ms;
}

const DUCKDB_SCRIPT = `
import { DuckDBInstance } from '@duckdb/node-api';
const [file, out] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(\`COPY (
  WITH agg AS (
    SELECT "customer id" AS buyer, count(*) AS orders, sum(total) AS spend,
           min("order date") AS first_day, max("order date") AS last_day,
           count(DISTINCT "order date") AS days
    FROM read_csv('\${file}', header = true) GROUP BY 1),
  ranked AS (
    SELECT *, count(*) OVER () AS n,
           rank() OVER (ORDER BY last_day DESC) AS rr,
           rank() OVER (ORDER BY orders) AS fr,
           rank() OVER (ORDER BY spend) AS mr
    FROM agg)
  SELECT buyer, orders, spend, first_day, last_day, days,
         least(5, 1 + floor(5 * (n - rr) / n)) AS r,
         least(5, 1 + floor(5 * (fr - 1) / n)) AS f,
         least(5, 1 + floor(5 * (mr - 1) / n)) AS m
  FROM ranked) TO '\${out}' (HEADER)\`);
`;

export async function run(report: Report): Promise<void> {
  ensureFile();
  report('input file', Math.round(statSync(FILE).size / 1024 / 1024), 'MB');
  const duckScript = join(DIR, 'duckdb-score.mjs');
  writeFileSync(duckScript, DUCKDB_SCRIPT);

  // Build the command line once outside the clock, as `npm run score` does when sources change.
  spawnSync('node', ['core/cli/run.mjs', '--help'], { encoding: 'utf8' });
  const ours: number[] = [];
  const duck: number[] = [];
  for (let i = 0; i < 3; i++) {
    ours.push(
      timed('node', [
        'core/cli/run.mjs',
        '--in',
        FILE,
        '--preset',
        'generic',
        '--currency',
        'USD',
        '--tz',
        'UTC',
        '--as-of',
        '2025-01-01',
        '--out',
        join(DIR, 'cli-buyers.csv'),
      ]),
    );
    duck.push(timed('node', [duckScript, FILE, join(DIR, 'duckdb-buyers.csv')]));
  }
  const best = (xs: number[]) => Math.min(...xs);
  report('npm run score, 1M one-line orders, whole process', best(ours), 'ms');
  report('DuckDB, same file, aggregates + R/F/M ranks, whole process', best(duck), 'ms');
  report('ratio: npm run score / DuckDB', best(ours) / best(duck), '×');
}
