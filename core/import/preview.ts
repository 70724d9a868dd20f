import type { Order, RejectedRow } from '../model';
import { type CsvRow, parseCsvText } from './csv';
import { inferDayFirst } from './date';
import { createImporter, type ImportOptions } from './importer';
import { type FieldError, type LineValues, readLine } from './line';
import type { ResolvedMapping } from './mapping';

export const PREVIEW_ROWS = 20;

export interface PreviewRow {
  line: number;
  cells: string[];
  /** The row's fields as they would be stored (buyer key, instant, minor units…). */
  values: LineValues;
  errors: FieldError[];
}

export interface MappingPreview {
  mapping: ResolvedMapping;
  rows: PreviewRow[];
  /** Orders assembled from the preview rows exactly as the import would store them. */
  orders: Order[];
  rejects: RejectedRow[];
  /** When the date column settles dd/mm vs mm/dd (`undefined`: could not tell). */
  suggestedDayFirst?: boolean;
}

/**
 * Runs the first rows of a file through the same code as the import, for the dashboard's
 * mapping screen: per-row parsed fields with per-field errors, plus the resulting orders.
 * Throws ImportError when the header cannot be matched (the screen shows the message).
 */
export function previewMapping(input: string | readonly CsvRow[], options: ImportOptions): MappingPreview {
  const rows = typeof input === 'string' ? parseCsvText(input.slice(0, 512 * 1024)).rows : input;
  const importer = createImporter({ ...options, batchSize: Number.MAX_SAFE_INTEGER });
  const dataRows: CsvRow[] = [];
  for (const row of rows) {
    if (importer.mapping) {
      if (dataRows.length >= PREVIEW_ROWS) break;
      dataRows.push(row);
    }
    importer.push(row);
  }
  const batch = importer.finish();
  const mapping = importer.mapping!;
  const ctx = importer.lineContext();
  const dateColumn = mapping.columns.date;
  return {
    mapping,
    rows: dataRows.map((r) => ({ line: r.line, cells: r.cells, ...readLine(r.cells, mapping, ctx) })),
    orders: batch.orders,
    rejects: batch.rejects,
    suggestedDayFirst:
      dateColumn === undefined ? undefined : inferDayFirst(dataRows.map((r) => r.cells[dateColumn] ?? '')),
  };
}
