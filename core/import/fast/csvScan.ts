import { countBreaks, type Delimiter, type Newline } from '../csv';

/**
 * A CSV scanner for the common case, over a whole decoded text: RFC 4180 quoting, one newline
 * style, nothing odd. It gives exactly the records and line numbers `CsvRowStream` (papaparse)
 * gives for such text, at a fraction of the cost: lines without a quote are cut with `indexOf`
 * and never looked at character by character.
 *
 * It does not try to be lenient. Whatever papaparse might read in its own way — a quote inside
 * an unquoted field, text after a closing quote, a quote never closed, a stray `\r` or a newline
 * of the other style — makes `scanCsv` stop and answer `false`, and the caller reads the whole
 * file the general way. So an odd file costs one extra pass, never a different answer.
 */
export type RowSink = (cells: string[], line: number) => boolean;

/**
 * Calls `onRow` for each record that papaparse would not skip as blank, with the physical line
 * it starts on. `onRow` returns `false` to stop early. Returns `false` when the text holds
 * something only the general reader may interpret (see above), `true` otherwise.
 */
export function scanCsv(text: string, delimiter: Delimiter, newline: Newline, onRow: RowSink): boolean {
  if (newline === '\r') return false;
  const crlf = newline === '\r\n';
  const d = delimiter.charCodeAt(0);
  const len = text.length;
  let pos = 0;
  let line = 1;
  let nextQuote = indexOrEnd(text, '"', 0);
  let nextCr = indexOrEnd(text, '\r', 0);
  while (pos < len) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = len;
    if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
    if (nextQuote >= lineEnd) {
      // A line without quotes: the record is the line.
      let contentEnd = lineEnd;
      if (crlf && lineEnd < len) {
        if (text.charCodeAt(lineEnd - 1) !== 13 || lineEnd === pos) return false;
        contentEnd = lineEnd - 1;
      }
      if (nextCr < pos) nextCr = indexOrEnd(text, '\r', pos);
      if (nextCr < contentEnd) return false;
      if (contentEnd > pos && !onRow(splitPlain(text, pos, contentEnd, d), line)) return true;
      line++;
      pos = lineEnd + 1;
      continue;
    }
    const cells: string[] = [];
    const end = quotedRecord(text, pos, d, crlf, cells);
    if (end < 0) return false;
    if (!(cells.length === 1 && cells[0] === '') && !onRow(cells, line)) return true;
    line += countBreaks(text, pos, end);
    pos = end;
  }
  return true;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

function splitPlain(text: string, from: number, to: number, d: number): string[] {
  const cells: string[] = [];
  const delimiter = String.fromCharCode(d);
  let start = from;
  for (;;) {
    const next = text.indexOf(delimiter, start);
    if (next < 0 || next >= to) {
      cells.push(text.substring(start, to));
      return cells;
    }
    cells.push(text.substring(start, next));
    start = next + 1;
  }
}

/**
 * Reads one record that contains a quote, starting at `from`, into `cells`; returns where the
 * next record starts (after its newline), or -1 when the record is not plain RFC 4180.
 */
function quotedRecord(text: string, from: number, d: number, crlf: boolean, cells: string[]): number {
  const len = text.length;
  let i = from;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return -1; // never closed
        value += text.substring(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(value);
    } else {
      let j = i;
      while (j < len) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        if (c === 34) return -1; // a quote inside an unquoted field
        j++;
      }
      cells.push(text.substring(i, j));
      i = j;
    }
    if (i >= len) return len;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    if (!crlf && c === 10) return i + 1;
    if (crlf && c === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
    return -1; // text after a closing quote, or a newline of the other style
  }
}
