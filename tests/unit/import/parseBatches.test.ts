import { describe, expect, it } from 'vitest';
import { parseBatches } from '@/components/importExport/parseBatches';
import { textRows } from '@/components/importExport/textRows';
import { importText } from '@/core/import';
import type { Order } from '@/core/model';
import { syntheticCsv } from '../../bench/import';

const OPTS = { timeZone: 'Asia/Shanghai', now: 5, importId: 'imp_t', batchSize: 700 } as const;

async function collect(csv: string, signal = new AbortController().signal) {
  const items = [];
  for await (const item of parseBatches(textRows(new Blob([csv]), 'auto', signal), OPTS, signal))
    items.push(item);
  return items;
}

describe('parseBatches (what the parse worker and the page send, batch by batch)', () => {
  it('gives the whole-file import in numbered-to-be batches, the last one flagged and final', async () => {
    const csv = syntheticCsv(5000, 3, 1) + '#bad,,paid,not a date,CNY,1.00,1,x,1.00,S,CN\n';
    const whole = importText(csv, OPTS);
    expect(whole.rejects).toHaveLength(1);
    const items = await collect(csv);
    const batches = items.flatMap((i) => (i.kind === 'batch' ? [i] : []));
    expect(batches.map((b) => b.last)).toEqual([...batches.slice(1).map(() => false), true]);
    expect(batches.slice(0, -1).every((b) => b.batch.orders.length === OPTS.batchSize)).toBe(true);
    const orders: Order[] = batches.flatMap((b) => b.batch.orders);
    expect(orders).toEqual(whole.orders);
    expect(batches.flatMap((b) => b.batch.rejects)).toEqual(whole.rejects);
    expect(batches.at(-1)?.batch.rowsRead).toBe(whole.rowsRead);
    expect(batches.at(-1)?.bytes).toBe(new Blob([csv]).size);
  });

  it('is deterministic: a second read gives the same batches (what resume relies on)', async () => {
    const csv = syntheticCsv(3000, 9, 3);
    const strip = (xs: Awaited<ReturnType<typeof collect>>) =>
      xs.flatMap((i) => (i.kind === 'batch' ? [i.batch.orders.map((o) => o.key)] : []));
    expect(strip(await collect(csv))).toEqual(strip(await collect(csv)));
  });

  it('stops without a last batch when the run is cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const items = await collect(syntheticCsv(2000, 4, 1), ctrl.signal);
    expect(items.some((i) => i.kind === 'batch' && i.last)).toBe(false);
  });
});
