import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Order } from '../../../core/model';

/** Real CDNOW data shipped outside the project (see ../shared/data/README.md). */
export const DATA_DIR = path.resolve(process.cwd(), '../shared/data');

function rows(file: string): string[][] {
  return readFileSync(path.join(DATA_DIR, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}

export interface SummaryRow {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, dollars). */
export function readSummaryWithTransactions(): SummaryRow[] {
  return rows('cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
    zbar: Number(zbar),
  }));
}

/** cdnow_customers_summary.csv: ID,frequency,recency,T (weeks). */
export function readSummary(): Array<{ id: number; x: number; tx: number; T: number }> {
  return rows('cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
  }));
}

/** YYYYMMDD → noon UTC of that day (noon keeps the day unambiguous in any test time zone). */
export function dateMs(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d, 12);
}

function toOrder(buyer: string, i: number, date: string, cds: string, dollars: string): Order {
  const placedAt = dateMs(date);
  return {
    key: `cdnow:${buyer}-${i}`,
    orderId: `${buyer}-${i}`,
    platform: 'cdnow',
    buyerKey: `cdnow:${buyer}`,
    placedAt,
    total: Math.round(Number(dollars) * 100),
    currency: 'USD',
    items: [{ title: 'CD', qty: Number(cds), unitPrice: 0 }],
    status: 'paid',
    source: 'import',
    updatedAt: placedAt,
  };
}

/** Orders per buyer from cdnow_sample_elog.csv (masterid,sampleid,date,cds,sales), keyed by sampleid. */
export function readSampleElogOrders(): Map<string, Order[]> {
  const byBuyer = new Map<string, Order[]>();
  rows('cdnow_sample_elog.csv').forEach(([, sampleId, date, cds, sales], i) => {
    const list = byBuyer.get(sampleId) ?? [];
    list.push(toOrder(sampleId, i, date, cds, sales));
    byBuyer.set(sampleId, list);
  });
  return byBuyer;
}

/** Orders per buyer from cdnow_master_transactions.csv (customer_id,date,number_of_cds,dollar_value). */
export function readMasterOrders(): Map<string, Order[]> {
  const byBuyer = new Map<string, Order[]>();
  rows('cdnow_master_transactions.csv').forEach(([id, date, cds, dollars], i) => {
    const list = byBuyer.get(id) ?? [];
    list.push(toOrder(id, i, date, cds, dollars));
    byBuyer.set(id, list);
  });
  return byBuyer;
}

/** End of the calibration period: 1997-09-30 (39 weeks after 1997-01-01), end of that day. */
export const CALIBRATION_END_MS = Date.UTC(1997, 8, 30, 23, 59, 59);
