/**
 * Receiver-side validation of the import, export and backup messages (spread into REQUESTS in
 * `messageSchemas.ts`). All are extension-page only: a marketplace page can never import,
 * export or restore. Only the background loads this module at run time.
 */
import { z } from 'zod';
import { EXPORT_COLUMNS } from './export/buyers';
import { MappingSpec } from './import/mapping';
import { RunOptions } from './import/runOptions';
import type { RequestSpec } from './messageSchemas';
import { BulkOrder, BuyerKey, ImportRecord, RejectedRow } from './model';

const ImportId = z.string().min(1).max(100);
const Short = z.string().max(64).optional();

/** Buyers to export: one tag, tier or segment, explicit keys, or the buyer table's filters. */
export const ExportSelection = z.object({
  tagId: Short,
  tier: Short,
  segment: Short,
  buyerKeys: z.array(BuyerKey).max(100_000).optional(),
  filter: z
    .object({
      platform: Short,
      tagId: Short,
      tier: Short,
      segment: Short,
      lifecycle: Short,
      text: z.string().max(200).optional(),
    })
    .optional(),
});
export type ExportSelection = z.infer<typeof ExportSelection>;

/** A backup file's text as the page read it (plain JSON or an encrypted envelope). */
const BackupContent = z
  .string()
  .min(1)
  .max(512 * 1024 * 1024);
const Passphrase = z.string().max(1000).optional();
const RestoreMode = z.enum(['merge', 'replace']);

export const IMPORT_EXPORT_REQUESTS = {
  startImport: {
    from: 'page',
    data: z.object({
      fileName: z.string().max(300),
      totalBytes: z.number().int().nonnegative(),
      preset: z.string().min(1).max(100),
      // The read options are checked field by field here; the stored record keeps them as written.
      source: ImportRecord.shape.source.unwrap().extend({ options: RunOptions }),
    }),
  },
  importBatch: {
    from: 'page',
    data: z.object({
      importId: ImportId,
      batchNo: z.number().int().positive(),
      orders: z.array(BulkOrder).max(10_000),
      rejects: z.array(RejectedRow).max(20_000),
      rowsDone: z.number().int().nonnegative(),
      bytesDone: z.number().int().nonnegative(),
    }),
  },
  importHeartbeat: { from: 'page', data: z.object({ importId: ImportId }) },
  finishImport: {
    from: 'page',
    data: z.object({
      importId: ImportId,
      status: z.enum(['done', 'cancelled', 'failed']),
      error: z.string().max(1000).optional(),
    }),
  },
  resumeImport: { from: 'page', data: z.object({ importId: ImportId }) },
  discardImport: { from: 'page', invalidates: ['buyers'], data: z.object({ importId: ImportId }) },
  getImportRejects: {
    from: 'page',
    data: z.object({
      importId: ImportId,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(50_000),
    }),
  },
  listPresets: { from: 'page', data: z.object({}) },
  savePreset: { from: 'page', data: z.object({ name: z.string().max(200), mapping: MappingSpec }) },
  deletePreset: { from: 'page', data: z.object({ id: z.string().min(1).max(64) }) },
  getLeftOutOfSpend: { from: 'page', data: z.object({}) },
  exportBuyers: {
    from: 'page',
    data: z.object({
      selection: ExportSelection,
      columns: z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length),
      format: z.enum(['csv', 'json', 'ids']),
      /** Names the file; the seller's own text (tag name, tier label). */
      listName: z.string().max(100).optional(),
      language: z.enum(['en', 'zh_CN']).optional(),
    }),
  },
  createBackup: { from: 'page', data: z.object({ passphrase: Passphrase }) },
  planRestore: {
    from: 'page',
    data: z.object({ content: BackupContent, passphrase: Passphrase, mode: RestoreMode }),
  },
  applyRestore: {
    from: 'page',
    invalidates: ['buyers', 'tags', 'settings'],
    data: z.object({ content: BackupContent, passphrase: Passphrase, mode: RestoreMode }),
  },
} as const satisfies Record<string, RequestSpec>;
