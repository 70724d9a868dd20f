import { createImporter, type ImportOptions } from '@/core/import';
import type { Order, RejectedRow } from '@/core/model';
import type { RowChunk } from './rowSource';

/** Rejects kept for the screen (the full list is in the history once the import runs). */
export const SCAN_REJECTS_SHOWN = 50;

/** What the whole file will give, read by the import's own code with nothing written. */
export interface FileScan {
  rows: number;
  orders: number;
  buyers: number;
  /** Orders by currency (all statuses): the input of the currency plan. */
  byCurrency: Record<string, number>;
  /** Paid orders by currency: what "left out of spend" counts. */
  paidByCurrency: Record<string, number>;
  firstAt?: number;
  lastAt?: number;
  rejected: number;
  rejects: RejectedRow[];
}

function emptyScan(): FileScan {
  return { rows: 0, orders: 0, buyers: 0, byCurrency: {}, paidByCurrency: {}, rejected: 0, rejects: [] };
}

/**
 * Runs a whole file's rows through the importer (same options as the import) and tallies what it
 * would store, so the seller sees currencies, dates, orders, buyers and rejects before anything
 * is written. Throws what the import would throw (no header, missing columns…).
 */
export async function scanRows(
  chunks: AsyncIterable<RowChunk>,
  options: Omit<ImportOptions, 'now'>,
  signal: AbortSignal,
  onRows?: (rows: number) => void,
): Promise<FileScan | undefined> {
  const importer = createImporter({ ...options, now: 0, batchSize: 5000 });
  const scan = emptyScan();
  const buyers = new Set<string>();
  const take = (orders: Order[], rejects: RejectedRow[]) => {
    for (const o of orders) {
      scan.orders++;
      buyers.add(o.buyerKey);
      scan.byCurrency[o.currency] = (scan.byCurrency[o.currency] ?? 0) + 1;
      if (o.status === 'paid') scan.paidByCurrency[o.currency] = (scan.paidByCurrency[o.currency] ?? 0) + 1;
      if (scan.firstAt === undefined || o.placedAt < scan.firstAt) scan.firstAt = o.placedAt;
      if (scan.lastAt === undefined || o.placedAt > scan.lastAt) scan.lastAt = o.placedAt;
    }
    scan.rejected += rejects.length;
    if (scan.rejects.length < SCAN_REJECTS_SHOWN)
      scan.rejects.push(...rejects.slice(0, SCAN_REJECTS_SHOWN - scan.rejects.length));
  };
  for await (const chunk of chunks) {
    for (const row of chunk.rows) {
      const b = importer.push(row);
      if (b) take(b.orders, b.rejects);
    }
    onRows?.(importer.rowsRead);
    // Let the page paint and the seller cancel between chunks of a long file.
    await new Promise((r) => setTimeout(r, 0));
  }
  if (signal.aborted) return undefined;
  const last = importer.finish();
  take(last.orders, last.rejects);
  scan.rows = importer.rowsRead;
  scan.buyers = buyers.size;
  return scan;
}
