import { SavedPreset } from '../import/mapping';
import type { ImportRecord, Order, RejectedRow } from '../model';
import type { AggregateContext } from '../scoring/aggregate';
import { removeEmptyBuyers } from './buyerRemoval';
import type { BuyerTiersDB } from './db';
import { relinkBatch } from './importRelink';
import { rebuildAggregates, writeOrders } from './orders';
import { storedByKeys } from './storedByKeys';

/** Rejects copied into the import record itself, for the history list without a second read. */
export const REJECT_PREVIEW = 50;
/** Orders deleted or restored per transaction when an import is discarded. */
const DISCARD_CHUNK = 2000;
const PRESETS_KEY = 'importPresets';

/**
 * Why the store refused an import write, worded for the seller. The store knows no messaging;
 * the background turns this into its own error with the same code and text.
 */
export class ImportStoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'ImportStoreError';
  }
}

/** One import record; a discarded one is an error the seller can read (the history was stale). */
export async function requireImport(db: BuyerTiersDB, id: string): Promise<ImportRecord> {
  const r = await db.imports.get(id);
  if (!r) throw new ImportStoreError('not-found', 'This import is no longer in the history.');
  return r;
}

/** The import history, newest first. */
export function importHistory(db: BuyerTiersDB): Promise<ImportRecord[]> {
  return db.imports.orderBy('startedAt').reverse().toArray();
}

/**
 * Persists "interrupted" for the imports `ids`, each re-read in the transaction and changed only
 * if `stillStale` says so: a batch may have landed since the history was read.
 */
export async function markImportsInterrupted(
  db: BuyerTiersDB,
  ids: readonly string[],
  stillStale: (current: ImportRecord) => boolean,
): Promise<void> {
  await db.transaction('rw', db.imports, async () => {
    for (const id of ids) {
      const cur = await db.imports.get(id);
      if (cur && stillStale(cur)) await db.imports.put({ ...cur, status: 'interrupted' });
    }
  });
}

export async function addImport(db: BuyerTiersDB, record: ImportRecord): Promise<void> {
  await db.imports.add(record);
}

/**
 * Reads one import record, applies `change` and writes its result in one transaction, so two
 * messages about the same import (a finish and a resume) never interleave. `change` may throw
 * to refuse; nothing is written then.
 */
export function updateImport(
  db: BuyerTiersDB,
  id: string,
  change: (current: ImportRecord) => ImportRecord,
): Promise<ImportRecord> {
  return db.transaction('rw', db.imports, async () => {
    const next = change(await requireImport(db, id));
    await db.imports.put(next);
    return next;
  });
}

/** One streamed batch of an import, as the page sent it (orders are validated on write). */
export interface ImportBatch {
  importId: string;
  batchNo: number;
  orders: readonly unknown[];
  rejects: readonly RejectedRow[];
  rowsDone: number;
  bytesDone: number;
}

export interface CommittedBatch {
  record: ImportRecord;
  /** True when this batch number was committed before (a retried message): nothing written. */
  alreadyCommitted: boolean;
}

/**
 * Writes one batch's orders, its rejects and the import record's progress in ONE transaction,
 * numbered so a retried or stale message can never be applied twice: a batch already committed
 * is answered from the record, one out of order or for a closed import is refused. Buyers the
 * batch proves to be one (relinking) are joined in the same transaction, and a handle left empty
 * by that is removed.
 */
export function commitImportBatch(
  db: BuyerTiersDB,
  batch: ImportBatch,
  ctx: AggregateContext,
  now: number,
): Promise<CommittedBatch> {
  const { importId, batchNo, orders, rejects, rowsDone, bytesDone } = batch;
  const tables = [
    db.orders,
    db.buyers,
    db.imports,
    db.importRejects,
    db.importUndo,
    db.buyerTags,
    db.notes,
    db.classChanges,
    db.needs,
  ];
  return db.transaction('rw', tables, async () => {
    const rec = await requireImport(db, importId);
    const committed = rec.committedBatches ?? 0;
    if (batchNo <= committed) return { record: rec, alreadyCommitted: true };
    // "interrupted" is accepted from the page that was importing all along (it was only slow).
    if (rec.status !== 'running' && rec.status !== 'interrupted') {
      throw new ImportStoreError(
        'conflict',
        `This import was ${rec.status}; resume it from the import history.`,
      );
    }
    if (batchNo !== committed + 1) {
      throw new ImportStoreError(
        'conflict',
        `Batch ${batchNo} arrived after batch ${committed}; resume the import.`,
      );
    }
    const relinked = await relinkBatch(db, importId, orders, rec.buyerLinks ?? {});
    const res = await saveBatch(db, importId, relinked.orders, ctx, now);
    if (relinked.touched.length > 0) {
      await rebuildAggregates(db, relinked.touched, ctx, now);
      await removeEmptyBuyers(db, relinked.touched);
    }
    if (rejects.length > 0) await db.importRejects.bulkAdd(rejects.map((r) => ({ importId, ...r })));
    const record: ImportRecord = {
      ...rec,
      status: 'running',
      committedBatches: batchNo,
      committedRows: rowsDone,
      committedBytes: Math.min(bytesDone, rec.totalBytes),
      heartbeatAt: now,
      ...(Object.keys(relinked.links).length > 0 ? { buyerLinks: relinked.links } : {}),
      counts: {
        rows: rowsDone,
        new: rec.counts.new + res.new,
        duplicate: rec.counts.duplicate + res.duplicate,
        updated: rec.counts.updated + res.updated,
        rejected: rec.counts.rejected + rejects.length,
      },
      rejects:
        rec.rejects.length < REJECT_PREVIEW
          ? [...rec.rejects, ...rejects.slice(0, REJECT_PREVIEW - rec.rejects.length)]
          : rec.rejects,
    };
    await db.imports.put(record);
    return { record, alreadyCommitted: false };
  });
}

/**
 * Writes one batch's orders (inside the caller's transaction). Orders that came from elsewhere
 * and that this batch changes get their previous version saved first, so a discard can put
 * them back; identical re-writes are duplicates, keep their original import id and need none.
 */
async function saveBatch(
  db: BuyerTiersDB,
  importId: string,
  orders: readonly unknown[],
  ctx: AggregateContext,
  now: number,
) {
  const keys = orders.map((o) => String((o as { key?: unknown } | null)?.key ?? ''));
  const stored = await storedByKeys(db.orders, keys);
  const foreign = new Map<string, Order>();
  for (const o of stored.values()) if (o.importId !== importId) foreign.set(o.key, o);
  // The same read serves writeOrders: nothing else writes these keys inside this transaction.
  const res = await writeOrders(db, orders, ctx, now, stored);
  if (foreign.size > 0) {
    const after = await db.orders.bulkGet([...foreign.keys()]);
    const replaced = after.filter((o): o is Order => o?.importId === importId);
    if (replaced.length > 0) {
      await db.importUndo.bulkPut(
        replaced.map((o) => ({ importId, key: o.key, order: foreign.get(o.key)! })),
      );
    }
  }
  return res;
}

export interface UndoneImport {
  /** Orders this import added that were deleted. */
  deleted: number;
  /** Orders this import had replaced that got their previous version back. */
  restored: number;
  /** Buyers left with no orders, tags or note, and therefore removed. */
  removedBuyers: number;
}

/**
 * Discards an import: deletes the orders it wrote (restoring versions it replaced), rebuilds the
 * touched buyers' aggregates, removes buyers that existed only because of it, then its record,
 * rejects and undo copies. Chunked so no transaction grows with the file; re-running after a
 * failure continues where it stopped, and the record goes last so the seller can retry.
 */
export async function undoImport(
  db: BuyerTiersDB,
  importId: string,
  ctx: AggregateContext,
  now: number,
): Promise<UndoneImport> {
  const { deleted, restored, touched } = await undoOrders(db, importId, ctx, now);
  let removedBuyers = 0;
  for (let i = 0; i < touched.length; i += DISCARD_CHUNK) {
    const chunk = touched.slice(i, i + DISCARD_CHUNK);
    await db.transaction('rw', [db.buyers, db.buyerTags, db.notes, db.classChanges, db.needs], async () => {
      removedBuyers += (await removeEmptyBuyers(db, chunk)).length;
    });
  }
  await db.transaction('rw', db.imports, db.importRejects, db.importUndo, async () => {
    await db.importRejects.where('importId').equals(importId).delete();
    await db.importUndo.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
  return { deleted, restored, removedBuyers };
}

/** The order half of `undoImport`: one transaction per chunk of the import's orders. */
async function undoOrders(db: BuyerTiersDB, importId: string, ctx: AggregateContext, now: number) {
  const keys = (await db.orders.where('importId').equals(importId).primaryKeys()) as string[];
  let deleted = 0;
  let restored = 0;
  const touched = new Set<string>();
  for (let i = 0; i < keys.length; i += DISCARD_CHUNK) {
    const chunk = keys.slice(i, i + DISCARD_CHUNK);
    await db.transaction('rw', db.orders, db.buyers, db.importUndo, async () => {
      const [current, undo] = await Promise.all([
        db.orders.bulkGet(chunk),
        db.importUndo.bulkGet(chunk.map((k) => [importId, k] as [string, string])),
      ]);
      const toDelete: string[] = [];
      const toRestore: Order[] = [];
      const buyers = new Set<string>();
      current.forEach((o, j) => {
        if (!o || o.importId !== importId) return;
        buyers.add(o.buyerKey);
        const prev = undo[j]?.order;
        if (prev) {
          toRestore.push(prev);
          buyers.add(prev.buyerKey);
        } else toDelete.push(o.key);
      });
      await db.orders.bulkDelete(toDelete);
      await db.orders.bulkPut(toRestore);
      if (buyers.size > 0) await rebuildAggregates(db, [...buyers], ctx, now);
      deleted += toDelete.length;
      restored += toRestore.length;
      for (const b of buyers) touched.add(b);
    });
  }
  return { deleted, restored, touched: [...touched] };
}

/**
 * One page of an import's rejected rows, with their total. Records written before the rejects
 * table existed keep their rejects inline, and are paged from there.
 */
export async function importRejectsPage(
  db: BuyerTiersDB,
  importId: string,
  offset: number,
  limit: number,
): Promise<{ rows: RejectedRow[]; total: number }> {
  const rec = await requireImport(db, importId);
  const total = await db.importRejects.where('importId').equals(importId).count();
  if (total === 0) return { rows: rec.rejects.slice(offset, offset + limit), total: rec.rejects.length };
  const rows = await db.importRejects
    .where('importId')
    .equals(importId)
    .offset(offset)
    .limit(limit)
    .toArray();
  return {
    rows: rows.map(({ line, field, reason }) =>
      field === undefined ? { line, reason } : { line, field, reason },
    ),
    total,
  };
}

/** The saved column mappings. One that no longer validates (older format) is dropped, not fatal. */
export async function readImportPresets(db: BuyerTiersDB): Promise<SavedPreset[]> {
  const row = await db.meta.get(PRESETS_KEY);
  const list = Array.isArray(row?.value) ? row.value : [];
  return list.flatMap((p) => {
    const r = SavedPreset.safeParse(p);
    return r.success ? [r.data] : [];
  });
}

/**
 * Reads the saved mappings, lets `change` compute the new list (and an answer), and writes it in
 * one transaction, so two tabs saving at once cannot drop each other's mapping. `change` may
 * throw to refuse; nothing is written then.
 */
export function updateImportPresets<T>(
  db: BuyerTiersDB,
  change: (list: SavedPreset[]) => { list: SavedPreset[]; result: T },
): Promise<T> {
  return db.transaction('rw', db.meta, async () => {
    const { list, result } = change(await readImportPresets(db));
    await db.meta.put({ key: PRESETS_KEY, value: list });
    return result;
  });
}

/**
 * Every order of the buyers whose aggregates count an unconverted order. The aggregates already
 * know which buyers have some, so a shop without any pays one pass over its buyers and reads no
 * order.
 */
export async function ordersOfUnconvertedBuyers(db: BuyerTiersDB): Promise<Order[]> {
  const keys: string[] = [];
  await db.buyers.each((b) => {
    if (b.agg.unconvertedOrders > 0) keys.push(b.key);
  });
  if (keys.length === 0) return [];
  return db.orders.where('buyerKey').anyOf(keys).toArray();
}
