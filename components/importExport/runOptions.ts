import {
  ChunkDecoder,
  type CsvRow,
  CsvRowStream,
  type EncodingChoice,
  type ImportOptions,
  type RunOptions,
} from '@/core/import';
import { type FileRead, loadWorkbook } from './rowSource';

export function importOptionsOf(run: RunOptions, timeZone: string): Omit<ImportOptions, 'now'> {
  const o: Omit<ImportOptions, 'now'> = { timeZone };
  if (run.mapping) o.mapping = run.mapping;
  else if (run.preset) o.preset = run.preset;
  if (run.currency) o.currency = run.currency;
  if (run.defaultCurrency) o.defaultCurrency = run.defaultCurrency;
  if (run.dayFirst !== undefined) o.dayFirst = run.dayFirst;
  return o;
}

/** Bytes read for the mapping screen: enough for a preamble, the header and 20 long rows. */
export const SAMPLE_BYTES = 256 * 1024;

/** Rows of a workbook sheet shown on the mapping screen (the sheet is in memory anyway). */
const SAMPLE_SHEET_ROWS = 200;

export interface FileSample {
  rows: CsvRow[];
  /** The decoding used, `auto` resolved; `workbook` for Excel files. */
  encoding: string;
}

/** The first rows of a file as `read` says to read it. */
export async function readSample(file: Blob, read: FileRead): Promise<FileSample> {
  if (read.kind === 'workbook') {
    const rows = (await loadWorkbook(file)).rows(read.sheet).slice(0, SAMPLE_SHEET_ROWS);
    return { rows, encoding: 'workbook' };
  }
  return readTextSample(file, read.encoding);
}

/** Decodes and parses the start of a file (a cut last row is dropped: it may be partial). */
async function readTextSample(file: Blob, encoding: EncodingChoice): Promise<FileSample> {
  const bytes = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  const decoder = new ChunkDecoder(encoding);
  const whole = file.size <= SAMPLE_BYTES;
  const text = decoder.push(bytes) + (whole ? decoder.end() : '');
  const stream = new CsvRowStream();
  const rows = stream.push(text);
  // A sample that is one unfinished record (a giant first row) is parsed as it is.
  if (whole || rows.length === 0) rows.push(...stream.end());
  return { rows, encoding: decoder.encoding ?? 'utf-8' };
}

/** SHA-256 of the first 64 KiB: with name and size, how a resume recognises the same file. */
export async function headHash(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.slice(0, 64 * 1024).arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
