/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR, which some
 * spreadsheets skip before evaluating) can run as a formula when the CSV is opened. Such cells
 * get a leading single quote, which spreadsheets display as text. Decision: a plain number
 * such as `-3.50` (our own money and score columns) is left as is so it stays numeric; it
 * cannot carry a formula.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralizeCell(value: string): string {
  if (value === '') return value;
  const c = value[0];
  if (c === '=' || c === '+' || c === '-' || c === '@' || c === '\t' || c === '\r') {
    return PLAIN_NUMBER.test(value) ? value : `'${value}`;
  }
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
