/**
 * Excel workbooks (.xlsx and legacy BIFF .xls) as rows for the import pipeline. Seller centres
 * (Taobao, 1688, Shopee, Lazada) download orders as workbooks by default; this turns one sheet
 * into the same `CsvRow` shape the CSV reader produces, so the importer, the preview and the
 * resume logic need no second code path.
 *
 * Pure (bytes in, rows out) and deliberately NOT re-exported from `core/import/index.ts`: the
 * spreadsheet library is large, and only the dashboard's import screen loads it, lazily.
 */
import * as XLSX from '@e965/xlsx';
import type { CsvRow } from './csv';
import { excelSerialToIso } from './workbookDates';
import { headerRowIndex, isDateHeader, isIdHeader } from './workbookHeader';

export interface WorkbookSheet {
  name: string;
  /** Rows with at least one non-empty cell (title and header rows included). */
  rows: number;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  /** True when the workbook counts days from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
  /** The sheet's rows, numbered as the spreadsheet numbers them (row 1 = line 1). */
  rows(sheet: string): CsvRow[];
}

/** Why a workbook cannot be read; the import screen words each code for the seller in both languages. */
export type WorkbookErrorCode = 'damaged' | 'locked' | 'no-sheets' | 'unknown-sheet';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** File names the import screen treats as workbooks. */
export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm|xls)$/i.test(name);
}

/** Zip (xlsx) or OLE2 compound file (BIFF xls) magic bytes: a renamed file is still recognised. */
export function looksLikeWorkbook(head: Uint8Array): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  return zip || ole;
}

/**
 * Reads a workbook from its bytes. Throws WorkbookError with words a seller
 * understands when the file is not a workbook, is damaged or is password-protected.
 */
export function readWorkbook(bytes: Uint8Array): Workbook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: true, cellDates: false });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const locked = /password|encrypt/i.test(why);
    throw new WorkbookError(
      locked ? 'locked' : 'damaged',
      locked
        ? 'this workbook is password-protected: open it in Excel, remove the password, save it and import it again'
        : 'this file could not be read as an Excel workbook (it may be damaged or cut short): open it in Excel and save it again as .xlsx, or export it as CSV',
    );
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const cache = new Map<string, CsvRow[]>();
  const rows = (name: string): CsvRow[] => {
    let r = cache.get(name);
    if (!r) {
      const ws = wb.Sheets[name];
      if (!ws) throw new WorkbookError('unknown-sheet', `the workbook has no sheet named '${name}'`);
      r = sheetRows(ws, date1904);
      cache.set(name, r);
    }
    return r;
  };
  const sheets = wb.SheetNames.map((name) => ({ name, rows: rows(name).length }));
  if (sheets.length === 0) throw new WorkbookError('no-sheets', 'this workbook has no sheets');
  return { sheets, date1904, rows };
}

/** The sheet to offer first: the one with the most rows (a summary sheet is usually short). */
export function defaultSheet(wb: Workbook): string {
  let best = wb.sheets[0];
  for (const s of wb.sheets) if (s.rows > best.rows) best = s;
  return best.name;
}

/** Formats that only pad a number with zeros (`000000`): the padding is part of the id. */
const ZERO_PAD = /^0+$/;
/** Integers this large are ids (order numbers, phones), never amounts, whatever the header says. */
const ID_SIZED = 1e11;
/** Serial numbers between these are 1927…2173: a plausible order date in a General-format cell. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 100_000;

function sheetRows(ws: XLSX.WorkSheet, date1904: boolean): CsvRow[] {
  const data = (ws as XLSX.DenseWorkSheet)['!data'] ?? [];
  const raw: Array<{ line: number; cells: Array<XLSX.CellObject | undefined> }> = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row?.some((c) => c && cellText(c, 'plain', date1904).trim() !== '')) continue;
    raw.push({ line: r + 1, cells: row });
  }
  const headerAt = headerRowIndex(
    raw.map((r) => r.cells.map((c) => (c?.t === 's' ? String(c.v) : c ? '#' : ''))),
  );
  const header = headerAt === undefined ? [] : raw[headerAt].cells.map((c) => (c ? String(c.v ?? '') : ''));
  const kinds = header.map((h): CellKind => (isIdHeader(h) ? 'id' : isDateHeader(h) ? 'date' : 'plain'));
  return raw.map(({ line, cells }, i) => {
    const width = cells.length;
    const out: string[] = new Array(width);
    // Rows above the header (titles) and the header itself are read as they are shown.
    const below = headerAt !== undefined && i > headerAt;
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      out[c] = cell ? cellText(cell, below ? (kinds[c] ?? 'plain') : 'plain', date1904) : '';
    }
    return { line, cells: out };
  });
}

type CellKind = 'id' | 'date' | 'plain';

/** One cell as the text the CSV reader would have seen had the seller exported CSV. */
function cellText(cell: XLSX.CellObject, kind: CellKind, date1904: boolean): string {
  switch (cell.t) {
    case 's':
    case 'd':
      return cell.v === undefined ? '' : String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'n':
      return numberText(cell, kind, date1904);
    default:
      // 'e' (#N/A, #VALUE!) and 'z' (blank): no value to import.
      return '';
  }
}

function numberText(cell: XLSX.CellObject, kind: CellKind, date1904: boolean): string {
  const v = Number(cell.v);
  if (!Number.isFinite(v)) return '';
  const format = typeof cell.z === 'string' ? cell.z : '';
  if (kind === 'id' || (Number.isInteger(v) && Math.abs(v) >= ID_SIZED)) {
    // Zero-padded ids keep their zeros; everything else as the full integer (no 1.23E+15).
    if (ZERO_PAD.test(format) && typeof cell.w === 'string') return cell.w;
    return Number.isInteger(v) ? BigInt(v).toString() : plain(v);
  }
  const dateFormatted = format !== '' && Boolean(XLSX.SSF.is_date(format));
  if (dateFormatted || (kind === 'date' && v >= SERIAL_MIN && v < SERIAL_MAX)) {
    return excelSerialToIso(v, date1904) ?? plain(v);
  }
  return plain(v);
}

/** A double as Excel shows it at full precision: 15 significant digits, no float noise. */
function plain(v: number): string {
  return String(Number(v.toPrecision(15)));
}
