/**
 * Which row of a sheet is the header, and what its columns hold, before any preset is chosen.
 * Workbooks from seller centres put a title (shop name, report period) in merged cells above
 * the header; the header is the first row that is as wide as the table and all text.
 */

/** Rows looked at for the header (the importer itself also skips up to 50 preamble rows). */
const HEADER_SEARCH_ROWS = 30;

/**
 * Index of the header among `rows` (each row's cells: text as is, `#` for a number or date,
 * '' for empty); undefined when no row qualifies. A header has at least two cells, at least
 * 60 % of the widest row's filled cells, and only text.
 */
export function headerRowIndex(rows: readonly (readonly string[])[]): number | undefined {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = head.map((r) => r.filter((c) => c.trim() !== '').length);
  const widest = Math.max(0, ...filled);
  if (widest < 2) return undefined;
  for (let i = 0; i < head.length; i++) {
    if (filled[i] < Math.max(2, Math.ceil(widest * 0.6))) continue;
    if (head[i].some((c) => c === '#')) continue;
    return i;
  }
  return undefined;
}

/**
 * Columns whose numbers are identifiers, kept as text: order/record numbers, ids, phones, postal
 * codes, SKUs, tracking numbers — in English and Chinese seller-centre wording.
 */
const ID_HEADER =
  /(^|[^a-z])(id|no|nr|number|num|phone|mobile|tel|zip|postcode|postal|sku|tracking|record|invoice|ean|upc|isbn)([^a-z]|$)|编号|单号|订单号|号码|电话|手机|邮编|账号|会员名|旺旺|运单|货号|编码|id$/i;

/** Columns that hold dates or times (a serial number there is a date even without a date format). */
const DATE_HEADER = /(^|[^a-z])(date|time|created|paid|placed|posted|shipped|at)([^a-z]|$)|日期|时间/i;

export function isIdHeader(header: string): boolean {
  return ID_HEADER.test(header.trim());
}

export function isDateHeader(header: string): boolean {
  return !isIdHeader(header) && DATE_HEADER.test(header.trim());
}
