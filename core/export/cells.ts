/**
 * Spreadsheet formula injection: a cell whose text starts with = + - @ can run as a formula
 * when the file is opened. Spreadsheets also skip some leading characters before deciding —
 * tab, CR, line feed, spaces, a double quote, zero-width spaces, a BOM — and some read the
 * full-width ＝＋－＠ as their ASCII twins, so a trigger after any of those counts too. Such
 * cells get a leading single quote, which spreadsheets display as text. A cell starting with a
 * tab, CR or line feed is quoted even without a trigger (the OWASP rule). Decision: a plain
 * number such as `-3.50` (our own money and score columns) is left as is so it stays numeric;
 * it cannot carry a formula.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Characters a spreadsheet may skip before a formula trigger. */
const SKIPPED_LEAD = /^[\t\r\n \u00A0\u3000"\u200B-\u200D\u2060\uFEFF]+/;
/** = + - @ and their full-width forms. */
const TRIGGER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeCell(value: string): string {
  if (value === '') return value;
  if (PLAIN_NUMBER.test(value)) return value;
  if (/^[\t\r\n]/.test(value) || TRIGGER.test(value.replace(SKIPPED_LEAD, ''))) return `'${value}`;
  return value;
}

/** RFC 4180 quoting: quote when the cell holds the delimiter, a quote, a line break or edge spaces. */
export function quoteCell(value: string, delimiter = ','): string {
  if (
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    /^\s|\s$/.test(value)
  ) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}
