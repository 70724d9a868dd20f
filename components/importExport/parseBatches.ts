import { createImporter, type ImportBatch, type ImportOptions } from '@/core/import';
import type { RowChunk } from './rowSource';

/**
 * What reading a file for an import gives, in file order: numbered-to-be batches of orders and
 * rejects, and progress between them. The last item is always the importer's final batch
 * (`last`), sent even when empty so the import record's row count is final.
 */
export type ParseItem =
  | { kind: 'batch'; batch: ImportBatch; bytes: number; last: boolean }
  | { kind: 'progress'; rows: number; bytes: number };

/**
 * Streams a file's rows (rowSource's `fileRows`, or `textRows` in the parse worker) through the
 * importer. For text files only one chunk, the current batch and
 * the importer's compact indexes are in memory, so a million-line file fits. Deterministic: the
 * same file and options give the same batches, which is what makes resume by batch number safe.
 * Stops without a last batch when `signal` aborts (the rows must stop on it too).
 */
export async function* parseBatches(
  chunks: AsyncIterable<RowChunk>,
  options: ImportOptions,
  signal: AbortSignal,
): AsyncGenerator<ParseItem> {
  const importer = createImporter(options);
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes = chunk.bytes;
    for (const row of chunk.rows) {
      const batch = importer.push(row);
      if (batch) yield { kind: 'batch', batch, bytes, last: false };
    }
    yield { kind: 'progress', rows: importer.rowsRead, bytes };
  }
  if (signal.aborted) return;
  yield { kind: 'batch', batch: importer.finish(), bytes, last: true };
}
