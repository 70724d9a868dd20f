/**
 * Header cells as exported often carry a BOM, stray spaces, non-breaking spaces or full-width
 * characters (Chinese exports); compare them in one normalised form. `_` and `-` count as
 * spaces, so `order_id`, `order-id` and `Order ID` are one name.
 */
export function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/[\uFEFF\u200B]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Cleaned header text for display and for matching the mapping's column names. */
export function cleanHeaderCell(cell: string): string {
  return cell
    .replace(/[\uFEFF\u200B]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many distinct cells of `cells` are among `known` (normalised names). */
export function countKnownCells(cells: readonly string[], known: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const n = normalizeHeader(c);
    if (n !== '' && known.has(n)) seen.add(n);
  }
  return seen.size;
}

/** A header row has at least two non-empty cells that are known column names. */
export function isHeaderRow(cells: readonly string[], known: ReadonlySet<string>): boolean {
  return countKnownCells(cells, known) >= 2;
}

/** Rows searched for the header before giving up (Taobao puts a few title lines first). */
export const MAX_PREAMBLE_ROWS = 50;
