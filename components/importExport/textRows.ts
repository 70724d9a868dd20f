import { ChunkDecoder, CsvRowStream, type EncodingChoice } from '@/core/import';
import type { RowChunk } from './rowSource';

/**
 * A text file's rows in chunks: File.stream() → ChunkDecoder → CsvRowStream, so only one chunk
 * of the file is in memory at a time. Stops early when `signal` aborts. A module of its own so the
 * parse worker reads text files without bundling the workbook reader.
 */
export async function* textRows(
  file: Blob,
  encoding: EncodingChoice,
  signal?: AbortSignal,
): AsyncGenerator<RowChunk> {
  const decoder = new ChunkDecoder(encoding);
  const csv = new CsvRowStream();
  const reader = file.stream().getReader();
  let bytes = 0;
  try {
    for (;;) {
      if (signal?.aborted) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      yield { rows: csv.push(decoder.push(value)), bytes };
    }
    yield { rows: [...csv.push(decoder.end()), ...csv.end()], bytes };
  } finally {
    reader.releaseLock();
  }
}
