import type { CsvRow, EncodingChoice } from '@/core/import';
import type { Workbook } from '@/core/import/workbook';
import { textRows } from './textRows';

/**
 * Where an import's rows come from: a text file (CSV/TSV/TXT, streamed and decoded) or one
 * sheet of an Excel workbook (read whole: the format is zipped or binary and cannot be
 * streamed row by row). Both give the importer the same `CsvRow`s, so the dry run, the import
 * and a resume read a file the same way.
 */
export type FileRead = { kind: 'text'; encoding: EncodingChoice } | { kind: 'workbook'; sheet: string };

/** A slice of rows with the bytes of the file consumed so far (for progress). */
export interface RowChunk {
  rows: CsvRow[];
  bytes: number;
}

/** True for files the workbook reader handles, by name or by their first bytes. */
export async function isWorkbookFile(file: Blob & { name?: string }): Promise<boolean> {
  const { isWorkbookName, looksLikeWorkbook } = await import('@/core/import/workbook');
  if (file.name && isWorkbookName(file.name)) return true;
  return looksLikeWorkbook(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
}

/** Parsed workbooks by file, so the preview, the dry run and the import parse a workbook once. */
const workbooks = new WeakMap<Blob, Promise<Workbook>>();

/**
 * Reads a workbook, loading the spreadsheet library on first use (a dynamic import: the
 * library is large and only this screen needs it).
 */
export function loadWorkbook(file: Blob): Promise<Workbook> {
  let p = workbooks.get(file);
  if (!p) {
    p = (async () => {
      const { readWorkbook } = await import('@/core/import/workbook');
      return readWorkbook(new Uint8Array(await file.arrayBuffer()));
    })();
    // A failed read is not cached: the seller may fix nothing and retry, but never sees a stale error.
    p.catch(() => workbooks.delete(file));
    workbooks.set(file, p);
  }
  return p;
}

/** Rows per chunk taken from a workbook sheet, so progress and cancel stay responsive. */
const SHEET_CHUNK = 2000;

/** The file's rows in chunks; stops early when `signal` aborts. */
export async function* fileRows(file: Blob, read: FileRead, signal?: AbortSignal): AsyncGenerator<RowChunk> {
  if (read.kind === 'workbook') {
    const rows = (await loadWorkbook(file)).rows(read.sheet);
    for (let i = 0; i < rows.length; i += SHEET_CHUNK) {
      if (signal?.aborted) return;
      const end = Math.min(rows.length, i + SHEET_CHUNK);
      yield { rows: rows.slice(i, end), bytes: Math.round((file.size * end) / rows.length) };
    }
    if (rows.length === 0) yield { rows: [], bytes: file.size };
    return;
  }
  yield* textRows(file, read.encoding, signal);
}
