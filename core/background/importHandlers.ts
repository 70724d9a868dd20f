import { countLeftOut } from '../import/currencyPlan';
import { SavedPreset } from '../import/mapping';
import type { ImportRecord, Order } from '../model';
import { type BuyerTiersDB, rebuildAggregates, writeOrders } from '../store';
import { aggregateContextOf, type ServiceDeps, type SettingsCache } from './context';
import { dropEmptiedBuyers, relinkBatch } from './importRelink';
import { HandlerError, type Handlers } from './router';

export type ImportHandlerName =
  | 'listImports'
  | 'startImport'
  | 'importBatch'
  | 'importHeartbeat'
  | 'finishImport'
  | 'resumeImport'
  | 'discardImport'
  | 'getImportRejects'
  | 'listPresets'
  | 'savePreset'
  | 'deletePreset'
  | 'getLeftOutOfSpend';

/** A running import whose page has not been heard from for this long was interrupted. */
export const IMPORT_STALE_MS = 10_000;
/** Rejects copied into the import record itself, for the history list without a second read. */
export const REJECT_PREVIEW = 50;
/** Orders deleted or restored per transaction when an import is discarded. */
const DISCARD_CHUNK = 2000;
const PRESETS_KEY = 'importPresets';

/**
 * Background side of streaming imports. The dashboard page parses the file and sends batches;
 * each `importBatch` writes its orders, its rejects and the import record's progress in ONE
 * transaction, numbered so a retried or stale message can never be applied twice. Scoring is
 * deliberately left out of batches: aggregates are written with the orders (so counts are
 * always right), and one full rescore runs when the import finishes — per-batch incremental
 * rescoring would reclassify the same buyers again and again in a large file.
 */
export function createImportHandlers(
  deps: ServiceDeps,
  settings: SettingsCache,
): Pick<Handlers, ImportHandlerName> {
  const { db, now, rescorer } = deps;
  /** Last message from each importing page, in memory: heartbeats never wait for a write. */
  const beats = new Map<string, number>();
  /**
   * An end the page reported but the database could not take (disk full): kept in memory so the
   * history still says "failed" with the cause, until a later write succeeds.
   */
  const unsavedEnds = new Map<string, Pick<ImportRecord, 'status' | 'error' | 'finishedAt'>>();

  const effective = (r: ImportRecord): ImportRecord => {
    const end = r.status === 'running' || r.status === 'interrupted' ? unsavedEnds.get(r.id) : undefined;
    if (end) return { ...r, ...end };
    if (r.status !== 'running') return r;
    const last = Math.max(beats.get(r.id) ?? 0, r.heartbeatAt ?? r.startedAt);
    return now() - last > IMPORT_STALE_MS ? { ...r, status: 'interrupted' } : r;
  };

  const getRecord = async (id: string): Promise<ImportRecord> => {
    const r = await db.imports.get(id);
    if (!r) throw new HandlerError('not-found', 'This import is no longer in the history.');
    return r;
  };

  const rescoreAll = () => {
    void rescorer.full().then(() => deps.signal({ buyerKeys: [], kinds: ['buyers'] }));
  };

  const readPresets = async (): Promise<SavedPreset[]> => {
    const row = await db.meta.get(PRESETS_KEY);
    const list = Array.isArray(row?.value) ? row.value : [];
    // A preset that no longer validates (older format) is dropped rather than breaking the list.
    return list.flatMap((p) => {
      const r = SavedPreset.safeParse(p);
      return r.success ? [r.data] : [];
    });
  };

  return {
    async listImports() {
      const all = await db.imports.orderBy('startedAt').reverse().toArray();
      const shown = all.map(effective);
      const stale = shown.filter((r, i) => r.status !== all[i].status);
      // Persist "interrupted" so every view (and the next worker) agrees. Best effort: with the
      // disk full this write fails, and the history must still show (it is how the seller learns
      // what happened and resumes).
      if (stale.length > 0) {
        await db
          .transaction('rw', db.imports, async () => {
            for (const r of stale) {
              const cur = await db.imports.get(r.id);
              if (cur && effective(cur).status === 'interrupted')
                await db.imports.put({ ...cur, status: 'interrupted' });
            }
          })
          .catch(() => {});
      }
      return shown;
    },

    async startImport({ fileName, totalBytes, preset, source }) {
      const t = now();
      const record: ImportRecord = {
        id: `imp_${t.toString(36)}_${globalThis.crypto.randomUUID().slice(0, 8)}`,
        fileName,
        preset,
        startedAt: t,
        status: 'running',
        committedBytes: 0,
        totalBytes,
        counts: { rows: 0, new: 0, duplicate: 0, updated: 0, rejected: 0 },
        rejects: [],
        committedBatches: 0,
        committedRows: 0,
        heartbeatAt: t,
        source,
      };
      await db.imports.add(record);
      beats.set(record.id, t);
      return record;
    },

    async importBatch({ importId, batchNo, orders, rejects, rowsDone, bytesDone }) {
      const wrong = orders.findIndex((o) => (o as { importId?: unknown } | null)?.importId !== importId);
      if (wrong >= 0)
        throw new HandlerError('invalid-message', `order ${wrong + 1} does not belong to this import`);
      beats.set(importId, now());
      const ctx = aggregateContextOf(await settings.get());
      const tables = [
        db.orders,
        db.buyers,
        db.imports,
        db.importRejects,
        db.importUndo,
        db.buyerTags,
        db.notes,
        db.classChanges,
      ];
      return db.transaction('rw', tables, async () => {
        const rec = await getRecord(importId);
        const committed = rec.committedBatches ?? 0;
        if (batchNo <= committed) return { record: rec, alreadyCommitted: true };
        // "interrupted" is accepted from the page that was importing all along (it was only slow).
        if (rec.status !== 'running' && rec.status !== 'interrupted') {
          throw new HandlerError(
            'conflict',
            `This import was ${rec.status}; resume it from the import history.`,
          );
        }
        if (batchNo !== committed + 1) {
          throw new HandlerError(
            'conflict',
            `Batch ${batchNo} arrived after batch ${committed}; resume the import.`,
          );
        }
        const t = now();
        const relinked = await relinkBatch(db, importId, orders, rec.buyerLinks ?? {});
        const res = await saveBatch(db, importId, relinked.orders, ctx, t);
        if (relinked.touched.length > 0) {
          await rebuildAggregates(db, relinked.touched, ctx, t);
          await dropEmptiedBuyers(db, relinked.touched);
        }
        if (rejects.length > 0) await db.importRejects.bulkAdd(rejects.map((r) => ({ importId, ...r })));
        const record: ImportRecord = {
          ...rec,
          status: 'running',
          committedBatches: batchNo,
          committedRows: rowsDone,
          committedBytes: Math.min(bytesDone, rec.totalBytes),
          heartbeatAt: t,
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
    },

    async importHeartbeat({ importId }) {
      beats.set(importId, now());
      return { alive: true };
    },

    async finishImport({ importId, status, error }) {
      const record = await db
        .transaction('rw', db.imports, async () => {
          const rec = await getRecord(importId);
          const next: ImportRecord = { ...rec, status, finishedAt: now() };
          if (error) next.error = error.slice(0, 1000);
          await db.imports.put(next);
          return next;
        })
        .catch((e: unknown) => {
          if (status !== 'done') {
            const end: Pick<ImportRecord, 'status' | 'error' | 'finishedAt'> = { status, finishedAt: now() };
            if (error) end.error = error.slice(0, 1000);
            unsavedEnds.set(importId, end);
          }
          throw e;
        });
      unsavedEnds.delete(importId);
      beats.delete(importId);
      if ((record.committedBatches ?? 0) > 0) rescoreAll();
      return record;
    },

    async resumeImport({ importId }) {
      return db.transaction('rw', db.imports, async () => {
        const rec = effective(await getRecord(importId));
        if (rec.status !== 'interrupted' && rec.status !== 'cancelled' && rec.status !== 'failed') {
          throw new HandlerError('conflict', `This import is ${rec.status} and cannot be resumed.`);
        }
        if (!rec.source)
          throw new HandlerError(
            'conflict',
            'This import was made by an older version and cannot be resumed.',
          );
        const t = now();
        const { finishedAt: _f, error: _e, ...rest } = rec;
        const next: ImportRecord = { ...rest, status: 'running', heartbeatAt: t };
        await db.imports.put(next);
        unsavedEnds.delete(importId);
        beats.set(importId, t);
        return next;
      });
    },

    async discardImport({ importId }) {
      const rec = effective(await getRecord(importId));
      if (rec.status === 'running')
        throw new HandlerError('conflict', 'This import is still running; cancel it first.');
      const result = await discard(db, importId, aggregateContextOf(await settings.get()), now());
      await db.transaction('rw', db.imports, db.importRejects, db.importUndo, async () => {
        await db.importRejects.where('importId').equals(importId).delete();
        await db.importUndo.where('importId').equals(importId).delete();
        await db.imports.delete(importId);
      });
      beats.delete(importId);
      deps.signal({ buyerKeys: [], kinds: ['buyers'] });
      rescoreAll();
      return result;
    },

    async getImportRejects({ importId, offset, limit }) {
      const rec = await getRecord(importId);
      const coll = db.importRejects.where('importId').equals(importId);
      const total = await coll.count();
      // Records written before the rejects table existed keep their rejects inline.
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
    },

    async listPresets() {
      return readPresets();
    },

    async savePreset({ name, mapping }) {
      return db.transaction('rw', db.meta, async () => {
        const list = await readPresets();
        const clean = name.trim().slice(0, 80);
        if (!clean) throw new HandlerError('invalid-message', 'Give the mapping a name.');
        const same = list.find((p) => p.name === clean);
        const preset = SavedPreset.parse({
          id: same?.id ?? `p_${now().toString(36)}${globalThis.crypto.randomUUID().slice(0, 6)}`,
          name: clean,
          mapping,
          createdAt: now(),
        });
        await db.meta.put({ key: PRESETS_KEY, value: [...list.filter((p) => p.id !== preset.id), preset] });
        return preset;
      });
    },

    async getLeftOutOfSpend() {
      const s = await settings.get();
      // The aggregates already count unconverted orders per buyer; only buyers with some are
      // read further, for the currencies (a shop without any pays one pass over its buyers).
      const keys: string[] = [];
      await db.buyers.each((b) => {
        if (b.agg.unconvertedOrders > 0) keys.push(b.key);
      });
      if (keys.length === 0) return { shopCurrency: s.shopCurrency, currencies: [] };
      const orders = await db.orders.where('buyerKey').anyOf(keys).toArray();
      return {
        shopCurrency: s.shopCurrency,
        currencies: countLeftOut(orders, s.shopCurrency, s.currencyRates),
      };
    },

    async deletePreset({ id }) {
      return db.transaction('rw', db.meta, async () => {
        const list = await readPresets();
        await db.meta.put({ key: PRESETS_KEY, value: list.filter((p) => p.id !== id) });
        return { deleted: id };
      });
    },
  };
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
  ctx: ReturnType<typeof aggregateContextOf>,
  t: number,
) {
  const keys = orders.map((o) => String((o as { key?: unknown } | null)?.key ?? ''));
  const before = await db.orders.bulkGet(keys);
  const foreign = new Map<string, Order>();
  before.forEach((o) => {
    if (o && o.importId !== importId) foreign.set(o.key, o);
  });
  const res = await writeOrders(db, orders, ctx, t);
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

/**
 * Deletes the orders an import wrote (restoring versions it replaced) and rebuilds the touched
 * buyers' aggregates, chunk by chunk. Buyers left with no orders, no tags and no note existed
 * only because of this import and are removed (a buyer merely seen in chat before is recreated
 * on the next sighting). Re-running after a failure continues where it stopped.
 */
async function discard(
  db: BuyerTiersDB,
  importId: string,
  ctx: ReturnType<typeof aggregateContextOf>,
  t: number,
) {
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
      if (buyers.size > 0) await rebuildAggregates(db, [...buyers], ctx, t);
      deleted += toDelete.length;
      restored += toRestore.length;
      for (const b of buyers) touched.add(b);
    });
  }
  let removedBuyers = 0;
  const list = [...touched];
  for (let i = 0; i < list.length; i += DISCARD_CHUNK) {
    const chunk = list.slice(i, i + DISCARD_CHUNK);
    await db.transaction('rw', db.buyers, db.buyerTags, db.notes, db.classChanges, async () => {
      const buyers = await db.buyers.bulkGet(chunk);
      const empty = buyers.filter((b) => b && b.agg.orders === 0).map((b) => b!.key);
      if (empty.length === 0) return;
      const [tagged, notes] = await Promise.all([
        db.buyerTags.where('buyerKey').anyOf(empty).toArray(),
        db.notes.bulkGet(empty),
      ]);
      const keep = new Set([
        ...tagged.map((x) => x.buyerKey),
        ...notes.flatMap((n) => (n ? [n.buyerKey] : [])),
      ]);
      const gone = empty.filter((k) => !keep.has(k));
      await db.buyers.bulkDelete(gone);
      await db.classChanges.where('buyerKey').anyOf(gone).delete();
      removedBuyers += gone.length;
    });
  }
  return { deleted, restored, removedBuyers };
}
