import { countLeftOut } from '../import/currencyPlan';
import { SavedPreset } from '../import/mapping';
import type { ImportRecord } from '../model';
import {
  addImport,
  commitImportBatch,
  ImportStoreError,
  importHistory,
  importRejectsPage,
  markImportsInterrupted,
  ordersOfUnconvertedBuyers,
  readImportPresets,
  requireImport,
  undoImport,
  updateImport,
  updateImportPresets,
} from '../store/imports';
import { aggregateContextOf, type ServiceDeps, type SettingsCache } from './context';
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

/** How an import ended, as the page reported it. */
type ImportEnd = Pick<ImportRecord, 'status' | 'error' | 'finishedAt'>;

/** The store's refusals as the errors the dashboard shows: same code, same text. */
async function asHandlerErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw e instanceof ImportStoreError ? new HandlerError(e.code, e.message) : e;
  }
}

/**
 * Background side of streaming imports. The dashboard page parses the file and sends batches;
 * each `importBatch` writes its orders, its rejects and the import record's progress in ONE
 * transaction (`commitImportBatch`), numbered so a retried or stale message can never be applied
 * twice. Handlers validate, track which imports are alive (in memory) and call the store, which
 * owns every transaction. Scoring is deliberately left out of batches: aggregates are written
 * with the orders (so counts are always right), and one full rescore runs when the import
 * finishes — per-batch incremental rescoring would reclassify the same buyers again and again in
 * a large file.
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
  const unsavedEnds = new Map<string, ImportEnd>();

  const effective = (r: ImportRecord): ImportRecord => {
    const end = r.status === 'running' || r.status === 'interrupted' ? unsavedEnds.get(r.id) : undefined;
    if (end) return { ...r, ...end };
    if (r.status !== 'running') return r;
    const last = Math.max(beats.get(r.id) ?? 0, r.heartbeatAt ?? r.startedAt);
    return now() - last > IMPORT_STALE_MS ? { ...r, status: 'interrupted' } : r;
  };

  /** Pages refresh when it ends: the rescorer announces the end of every full rescore. */
  const rescoreAll = () => {
    void rescorer.full().catch(() => {});
  };

  return {
    async listImports() {
      const all = await importHistory(db);
      const shown = all.map(effective);
      const stale = shown.filter((r, i) => r.status !== all[i].status);
      // Persist "interrupted" so every view (and the next worker) agrees. Best effort: with the
      // disk full this write fails, and the history must still show (it is how the seller learns
      // what happened and resumes).
      if (stale.length > 0) {
        await markImportsInterrupted(
          db,
          stale.map((r) => r.id),
          (cur) => effective(cur).status === 'interrupted',
        ).catch(() => {});
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
      await addImport(db, record);
      beats.set(record.id, t);
      return record;
    },

    async importBatch(batch) {
      const { importId, orders } = batch;
      const wrong = orders.findIndex((o) => (o as { importId?: unknown } | null)?.importId !== importId);
      if (wrong >= 0)
        throw new HandlerError('invalid-message', `order ${wrong + 1} does not belong to this import`);
      beats.set(importId, now());
      const ctx = aggregateContextOf(await settings.get());
      return asHandlerErrors(commitImportBatch(db, batch, ctx, now()));
    },

    async importHeartbeat({ importId }) {
      beats.set(importId, now());
      return { alive: true };
    },

    async finishImport({ importId, status, error }) {
      const end = (): ImportEnd => {
        const e: ImportEnd = { status, finishedAt: now() };
        if (error) e.error = error.slice(0, 1000);
        return e;
      };
      const record = await asHandlerErrors(updateImport(db, importId, (rec) => ({ ...rec, ...end() }))).catch(
        (e: unknown) => {
          if (status !== 'done') unsavedEnds.set(importId, end());
          throw e;
        },
      );
      unsavedEnds.delete(importId);
      beats.delete(importId);
      if ((record.committedBatches ?? 0) > 0) rescoreAll();
      return record;
    },

    async resumeImport({ importId }) {
      const t = now();
      const next = await asHandlerErrors(
        updateImport(db, importId, (stored) => {
          const rec = effective(stored);
          if (rec.status !== 'interrupted' && rec.status !== 'cancelled' && rec.status !== 'failed') {
            throw new HandlerError('conflict', `This import is ${rec.status} and cannot be resumed.`);
          }
          if (!rec.source)
            throw new HandlerError(
              'conflict',
              'This import was made by an older version and cannot be resumed.',
            );
          const { finishedAt: _f, error: _e, ...rest } = rec;
          return { ...rest, status: 'running', heartbeatAt: t };
        }),
      );
      unsavedEnds.delete(importId);
      beats.set(importId, t);
      return next;
    },

    async discardImport({ importId }) {
      const rec = effective(await asHandlerErrors(requireImport(db, importId)));
      if (rec.status === 'running')
        throw new HandlerError('conflict', 'This import is still running; cancel it first.');
      const result = await undoImport(db, importId, aggregateContextOf(await settings.get()), now());
      beats.delete(importId);
      rescoreAll();
      return result;
    },

    async getImportRejects({ importId, offset, limit }) {
      return asHandlerErrors(importRejectsPage(db, importId, offset, limit));
    },

    async listPresets() {
      return readImportPresets(db);
    },

    async savePreset({ name, mapping }) {
      return updateImportPresets(db, (list) => {
        const clean = name.trim().slice(0, 80);
        if (!clean) throw new HandlerError('invalid-message', 'Give the mapping a name.');
        const same = list.find((p) => p.name === clean);
        const preset = SavedPreset.parse({
          id: same?.id ?? `p_${now().toString(36)}${globalThis.crypto.randomUUID().slice(0, 6)}`,
          name: clean,
          mapping,
          createdAt: now(),
        });
        return { list: [...list.filter((p) => p.id !== preset.id), preset], result: preset };
      });
    },

    async getLeftOutOfSpend() {
      const s = await settings.get();
      const orders = await ordersOfUnconvertedBuyers(db);
      return {
        shopCurrency: s.shopCurrency,
        currencies: countLeftOut(orders, s.shopCurrency, s.currencyRates),
      };
    },

    async deletePreset({ id }) {
      return updateImportPresets(db, (list) => ({
        list: list.filter((p) => p.id !== id),
        result: { deleted: id },
      }));
    },
  };
}
