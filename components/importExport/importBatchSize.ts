/** Orders per `importBatch` message of a file up to LARGE_FILE_BYTES: progress moves often. */
export const IMPORT_BATCH_SIZE = 2000;
/** Orders per message of a larger file: the most one transaction takes (core/store/orders.ts). */
export const LARGE_IMPORT_BATCH_SIZE = 10_000;
/** About 75,000 one-line orders of a Shopify export: such a file still gets 8 or more batches. */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Orders per batch (one message, one transaction) for a file of `bytes`. Every batch rewrites the
 * aggregate of each buyer it touches, so in a big file, where most buyers come back batch after
 * batch, larger batches write each buyer fewer times, and there are fewer transactions and
 * messages. Small files keep small batches, so the progress bar moves. The size is stored with
 * the import (its source), and a resume reads the file with the size it started with.
 */
export function importBatchSize(bytes: number): number {
  return bytes > LARGE_FILE_BYTES ? LARGE_IMPORT_BATCH_SIZE : IMPORT_BATCH_SIZE;
}
