import type { ImportBatch, ImportOptions } from '@/core/import';
import { MessageFailure, request } from '@/core/messaging';
import type { ImportRecord } from '@/core/model';
import { parseBatches } from './parseBatches';
import { batchesFromWorker, canParseInWorker } from './parseInWorker';
import { type FileRead, fileRows } from './rowSource';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  /** Rows per second since this run started. */
  rate: number;
  record?: ImportRecord;
  /** True while a resume re-reads rows that were already committed. */
  replaying: boolean;
}

export interface RunImportInput {
  file: Blob;
  importId: string;
  /** How to read the file: text with an encoding, or one workbook sheet. */
  read: FileRead;
  options: Omit<ImportOptions, 'now' | 'importId' | 'batchSize'>;
  batchSize: number;
  /** Batches already committed (resume): replayed from the file but not sent again. */
  skipBatches: number;
  signal: AbortSignal;
  onProgress(p: ImportProgress): void;
}

const HEARTBEAT_MS = 2000;
const PROGRESS_MS = 200;

/**
 * Streams a file through the import pipeline (parseBatches: in the parse worker for text files,
 * on the page for workbooks) and sends numbered batches to the background, one at a time, each
 * answered once committed. The worker parses the next batches meanwhile.
 *
 * Resume replays the file from the start: the importer is deterministic, so the same rows give
 * the same batches, and the first `skipBatches` of them are exactly what is already committed.
 * Re-reading costs only parsing (fast); it rebuilds the importer's duplicate and conflict
 * memory so nothing committed is written twice and checks still see the whole file.
 */
export async function runImport(
  input: RunImportInput,
): Promise<{ status: 'done' | 'cancelled'; record?: ImportRecord }> {
  const { file, importId, signal } = input;
  const started = performance.now();
  const options = { ...input.options, importId, now: Date.now(), batchSize: input.batchSize };
  const items = canParseInWorker(input.read)
    ? batchesFromWorker(file, input.read, options, signal)
    : parseBatches(fileRows(file, input.read, signal), options, signal);
  let batchNo = 0;
  let rows = 0;
  let bytes = 0;
  let record: ImportRecord | undefined;
  let lastProgress = 0;
  /** Where the rows being written (not replayed) began, so a resume's speed is not inflated. */
  let live: { rows: number; at: number } | undefined;

  const progress = (force = false) => {
    const t = performance.now();
    if (!force && t - lastProgress < PROGRESS_MS) return;
    lastProgress = t;
    const replaying = batchNo < input.skipBatches;
    if (!replaying) live ??= { rows, at: t };
    const from = live ?? { rows: 0, at: started };
    const secs = (t - from.at) / 1000;
    input.onProgress({
      rows,
      bytes,
      totalBytes: file.size,
      rate: secs > 0 ? Math.round((rows - from.rows) / secs) : 0,
      record,
      replaying,
    });
  };

  const send = async (batch: ImportBatch) => {
    batchNo++;
    if (batchNo <= input.skipBatches) return;
    const data = {
      importId,
      batchNo,
      orders: batch.orders,
      rejects: batch.rejects,
      rowsDone: batch.rowsRead,
      bytesDone: bytes,
    };
    // One retry: a worker stopped by the browser drops the message; the batch number makes a
    // second delivery of an already committed batch a no-op.
    try {
      record = (await request('importBatch', data)).record;
    } catch (e) {
      if (e instanceof MessageFailure) throw e;
      record = (await request('importBatch', data)).record;
    }
    progress(true);
  };

  const heartbeat = setInterval(() => {
    void request('importHeartbeat', { importId }).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    for await (const item of items) {
      bytes = item.bytes;
      if (item.kind === 'progress') {
        rows = item.rows;
        progress();
        continue;
      }
      rows = item.batch.rowsRead;
      // The last batch is sent even when empty, so the record's row count is final.
      await send(item.batch);
      if (item.last) {
        progress(true);
        return { status: 'done', record };
      }
    }
    return { status: 'cancelled', record };
  } finally {
    clearInterval(heartbeat);
  }
}
