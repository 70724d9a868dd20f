import type { ImportOptions } from '@/core/import';
import { type FileRead, fileRows } from './rowSource';
import { type FileScan, scanRows } from './scanRows';

export { type FileScan, SCAN_REJECTS_SHOWN } from './scanRows';

/**
 * The dry run of a file as `read` says to read it: what the whole file will give, read by the
 * import's own code with nothing written (see scanRows). A module apart from scanRows so the
 * parse worker, which reads text files itself, does not bundle the workbook reader.
 */
export function scanFile(
  file: Blob,
  read: FileRead,
  options: Omit<ImportOptions, 'now'>,
  signal: AbortSignal,
  onRows?: (rows: number) => void,
): Promise<FileScan | undefined> {
  return scanRows(fileRows(file, read, signal), options, signal, onRows);
}
