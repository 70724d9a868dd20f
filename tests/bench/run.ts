/**
 * `npm run bench`: runs every benchmark module in this folder (each exports
 * `run(report)`), prints named figures and writes them to `.bench/results.json`.
 * Pass names to run only some: `npm run bench -- scoring import`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
}
export type Report = (name: string, value: number, unit: string) => void;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'synthetic.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .filter((s) => only.length === 0 || only.includes(s))
  .sort();

const figures: Figure[] = [];
const failures: string[] = [];
for (const suite of suites) {
  const mod = (await import(join(here, `${suite}.ts`))) as { run?: (report: Report) => Promise<void> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n▶ ${suite}`);
  try {
    await mod.run((name, value, unit) => {
      figures.push({ suite, name, value, unit });
      console.log(`  ${name.padEnd(48)} ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);
    });
  } catch (e) {
    failures.push(`${suite}: ${e instanceof Error ? e.message : String(e)}`);
    console.error(`  ✗ ${suite} failed:`, e);
  }
}
mkdirSync('.bench', { recursive: true });
const out = { at: new Date().toISOString(), node: process.version, figures, failures };
writeFileSync('.bench/results.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `\n${figures.length} figures written to .bench/results.json${failures.length ? `; ${failures.length} suites failed` : ''}`,
);
process.exit(failures.length > 0 ? 1 : 0);
