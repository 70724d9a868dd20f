import Papa from 'papaparse';
import { stripBom } from './encoding';

export type Delimiter = ',' | '\t' | ';';
export type Newline = '\r\n' | '\n' | '\r';

/** One CSV record with the 1-based physical line where it starts (embedded newlines counted). */
export interface CsvRow {
  line: number;
  cells: string[];
  /** Set when the record is malformed (e.g. a quote never closed); the cells are best effort. */
  error?: string;
}

const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];
/** Text needed before we trust delimiter/newline detection (unless the input ends sooner). */
export const DETECT_CHARS = 64 * 1024;
const DETECT_LINES = 30;

/**
 * Picks the delimiter whose per-line count is most consistent over the first lines, ignoring
 * quoted text. Consistency (not the raw count) matters: `1.234,50` amounts put commas into
 * semicolon files, and preamble title lines have no delimiter at all.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = splitSampleLines(sample).slice(0, DETECT_LINES);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [n, lines] of counts) score = Math.max(score, lines * 1000 + Math.min(n, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** First line break outside quotes decides; files without one are treated as `\n`. */
export function detectNewline(sample: string): Newline {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && c === '\n') return '\n';
  }
  return '\n';
}

function splitSampleLines(sample: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (i > start) out.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  if (start < sample.length) out.push(sample.slice(start));
  return out.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) n++;
  }
  return n;
}

export interface CsvStreamOptions {
  delimiter?: Delimiter;
  newline?: Newline;
}

/**
 * Incremental CSV reader over decoded text chunks, parsing with papaparse. Each push parses the
 * buffered text and emits every record except the last, which may still be incomplete (a chunk
 * can end inside a quoted field); it is re-parsed with the next chunk. A chunk without any line
 * break cannot complete a record, so it is only buffered: a 10 MB single field costs one parse.
 * Line numbers are counted over the exact text papaparse consumed (its `cursor`), so records
 * with embedded newlines report the line they start on.
 */
export class CsvRowStream {
  private buffer = '';
  private line = 1;
  private started = false;
  delimiter: Delimiter | undefined;
  newline: Newline | undefined;

  constructor(options: CsvStreamOptions = {}) {
    this.delimiter = options.delimiter;
    this.newline = options.newline;
  }

  push(text: string): CsvRow[] {
    if (!this.started) {
      text = stripBom(text);
      if (text === '') return [];
      this.started = true;
    }
    const hadBuffer = this.buffer.length > 0;
    this.buffer += text;
    if (!this.delimiter || !this.newline) {
      if (this.buffer.length < DETECT_CHARS && countBreaks(this.buffer) < DETECT_LINES) return [];
      this.detect();
    }
    if (hadBuffer && !/[\r\n]/.test(text)) return [];
    return this.parse(false);
  }

  end(): CsvRow[] {
    if (this.buffer === '') return [];
    if (!this.delimiter || !this.newline) this.detect();
    return this.parse(true);
  }

  private detect(): void {
    const sample = this.buffer.slice(0, DETECT_CHARS);
    this.delimiter ??= detectDelimiter(sample);
    this.newline ??= detectNewline(sample);
  }

  private parse(final: boolean): CsvRow[] {
    const buf = this.buffer;
    const parsed: Array<{ cells: string[]; start: number; error?: string }> = [];
    let start = 0;
    Papa.parse<string[]>(buf, {
      delimiter: this.delimiter,
      newline: this.newline,
      skipEmptyLines: false,
      step: (r) => {
        const error = r.errors.length ? describeCsvError(r.errors[0]) : undefined;
        parsed.push({ cells: r.data, start, error });
        start = r.meta.cursor;
      },
    });
    // Hold back the last record unless the input is complete.
    const keep = final ? parsed.length : parsed.length - 1;
    const out: CsvRow[] = [];
    let at = 0;
    for (let i = 0; i < keep; i++) {
      const p = parsed[i];
      this.line += countBreaks(buf, at, p.start);
      at = p.start;
      if (p.cells.length === 1 && p.cells[0] === '' && !p.error) continue; // blank line
      out.push(
        p.error ? { line: this.line, cells: p.cells, error: p.error } : { line: this.line, cells: p.cells },
      );
    }
    if (final) {
      this.buffer = '';
    } else {
      const cut = keep >= 0 && parsed[keep] ? parsed[keep].start : 0;
      this.line += countBreaks(buf, at, cut);
      this.buffer = buf.slice(cut);
    }
    return out;
  }
}

function describeCsvError(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'a quoted field is never closed (truncated or broken file?)';
  if (e.code === 'InvalidQuotes') return 'stray quote inside a quoted field';
  return e.message;
}

/** Counts physical line breaks (`\r\n`, `\n` or a lone `\r`) in `s[from, to)`. */
export function countBreaks(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Parses a whole text at once (Node, tests, previews). */
export function parseCsvText(
  text: string,
  options: CsvStreamOptions = {},
): {
  rows: CsvRow[];
  delimiter: Delimiter;
  newline: Newline;
} {
  const stream = new CsvRowStream(options);
  const rows = stream.push(text);
  for (const r of stream.end()) rows.push(r);
  return { rows, delimiter: stream.delimiter ?? ',', newline: stream.newline ?? '\n' };
}
