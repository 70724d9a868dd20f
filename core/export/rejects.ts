import type { RejectedRow } from '../model';
import { neutralizeCell, quoteCell } from './cells';

/**
 * An import's rejected rows as CSV (UTF-8 BOM for Excel): line, field, reason. Reasons quote
 * the seller's own cells, so they are neutralised against formula injection like any export.
 */
export function rejectsToCsv(
  rows: readonly RejectedRow[],
  headers: readonly [string, string, string],
): string {
  const cell = (v: string) => quoteCell(neutralizeCell(v));
  const lines = [headers.map(cell).join(',')];
  for (const r of rows) lines.push([String(r.line), cell(r.field ?? ''), cell(r.reason)].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
