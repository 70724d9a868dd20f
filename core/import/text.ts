import type { Order, RejectedRow } from '../model';
import { CsvRowStream, type Delimiter } from './csv';
import { decodeBytes, type EncodingChoice, type TextEncodingName } from './encoding';
import { createImporter, type ImportOptions } from './importer';

export interface ImportTextOptions extends ImportOptions {
  /** For byte input; default auto-detection. */
  encoding?: EncodingChoice;
  delimiter?: Delimiter;
}

export interface ImportTextResult {
  orders: Order[];
  rejects: RejectedRow[];
  rowsRead: number;
  /** Record-count footer lines skipped (eBay), not counted as rejects. */
  footerLines: number;
  /** Preset id used (`custom` for an explicit mapping). */
  preset: string;
  layout?: string;
  platform: string;
  headerLine: number;
  encoding?: TextEncodingName;
  delimiter: Delimiter;
}

/**
 * Imports a whole file held in memory (Node, CLI, tests). Orders are returned once each, in
 * file order; an order whose rows were split across the file is returned in its final form.
 * Throws ImportError for file-level problems (no header, missing columns).
 */
export function importText(input: string | Uint8Array, options: ImportTextOptions): ImportTextResult {
  let text: string;
  let encoding: TextEncodingName | undefined;
  if (typeof input === 'string') text = input;
  else ({ text, encoding } = decodeBytes(input, options.encoding ?? 'auto'));
  const importer = createImporter(options);
  const byKey = new Map<string, Order>();
  const rejects: RejectedRow[] = [];
  const collect = (batch: { orders: Order[]; rejects: RejectedRow[] } | undefined) => {
    if (!batch) return;
    for (const o of batch.orders) byKey.set(o.key, o);
    rejects.push(...batch.rejects);
  };
  const stream = new CsvRowStream({ delimiter: options.delimiter });
  for (const row of stream.push(text)) collect(importer.push(row));
  for (const row of stream.end()) collect(importer.push(row));
  collect(importer.finish());
  const m = importer.mapping!;
  rejects.sort((a, b) => a.line - b.line);
  return {
    orders: [...byKey.values()],
    rejects,
    rowsRead: importer.rowsRead,
    footerLines: importer.footerLines,
    preset: m.presetId,
    layout: m.layout,
    platform: m.platform,
    headerLine: m.headerLine,
    encoding,
    delimiter: stream.delimiter ?? ',',
  };
}
