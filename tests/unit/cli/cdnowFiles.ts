import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CDNOW sample event log from ../shared/data. */
export const CDNOW = new URL('../../../../shared/data/cdnow_sample_elog.csv', import.meta.url).pathname;

/** A fresh directory holding `map.json`, the column mapping of the CDNOW sample. */
export function cdnowWorkDir(prefix: string): { dir: string; map: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const map = join(dir, 'map.json');
  writeFileSync(
    map,
    JSON.stringify({
      buyerId: 'masterid',
      date: 'date',
      dateFormat: 'yyyyMMdd',
      total: 'sales',
      currency: 'USD',
    }),
  );
  return { dir, map };
}
