import {
  columnsToOrders,
  isCertainlyValidOrder,
  type Order,
  type OrderColumns,
  OrderColumnsBuilder,
  type OrderStatus,
  orderKeyOf,
  type RejectedRow,
  statusCode,
} from '../../model';
import { cleanCell, MAX_CELL } from '../cells';
import { DETECT_CHARS, detectDelimiter, detectNewline } from '../csv';
import { decodeBytes, stripBom, type TextEncodingName } from '../encoding';
import { createImporter, type Importer, isFooterLine } from '../importer';
import { orderIdProblem } from '../line';
import type { ColumnField, ResolvedMapping } from '../mapping';
import { type ImportTextOptions, type ImportTextResult, importText } from '../text';
import { CellReaders, GENERAL } from './cellReaders';
import { scanCsv } from './csvScan';

export type ImportMeta = Omit<ImportTextResult, 'orders'>;

/** What `importFast` read: columns when the fast path took the file, else the general orders. */
export type FastImport = ImportMeta &
  ({ path: 'columns'; columns: OrderColumns } | { path: 'general'; orders: Order[] });

/** The orders of either kind of result, as `importText` gives them. */
export function fastImportOrders(r: FastImport): Order[] {
  return r.path === 'columns' ? columnsToOrders(r.columns) : r.orders;
}

/** The columns the fast path reads; a mapping with any other column goes the general way. */
const FAST_FIELDS: ReadonlySet<ColumnField> = new Set([
  'orderId',
  'buyerId',
  'buyerName',
  'date',
  'total',
  'currencyColumn',
  'status',
  'cancelled',
  'country',
]);

/**
 * Imports a whole file like `importText`, with the same orders, rejects and counts, many times
 * faster on the files that matter most for speed: one line per order (order exports, generated
 * reports), a total column, no item columns. Those become columns (`OrderColumns`) rather than
 * objects. Anything else takes the general importer for the whole file:
 * - a file the fast CSV scanner does not vouch for (see `scanCsv`);
 * - a mapping with item, quantity, price or breakdown columns, fallback buyer columns or
 *   handles in parentheses (line items and aliases need the order-assembling importer);
 * - an order id seen twice (its lines must be merged, or checked as duplicates).
 * Within a fast file, a row whose cells are not all plainly valid (a reject, an unpaid order,
 * an amount without currency) is read by the general importer on its own, which gives its exact
 * reject or order: rows of a file with unique order ids do not depend on each other.
 */
export function importFast(input: string | Uint8Array, options: ImportTextOptions): FastImport {
  let text: string;
  let encoding: TextEncodingName | undefined;
  if (typeof input === 'string') text = input;
  else ({ text, encoding } = decodeBytes(input, options.encoding ?? 'auto'));
  const general = (): FastImport => {
    const r = importText(text, options);
    return { ...r, encoding, path: 'general' };
  };
  const body = stripBom(text);
  if (body === '') return general();
  const sample = body.slice(0, DETECT_CHARS);
  const delimiter = options.delimiter ?? detectDelimiter(sample);
  const newline = detectNewline(sample);

  const importer = createImporter(options);
  let rows: FastRows | undefined;
  let giveUp = false;
  const clean = scanCsv(body, delimiter, newline, (cells, line) => {
    if (rows) {
      if (rows.add(cells, line)) return true;
      giveUp = true;
      return false;
    }
    // The general importer finds the header (and throws its errors) exactly as it always does.
    importer.push({ line, cells });
    if (!importer.mapping) return true;
    rows = FastRows.create(importer, options);
    if (rows) return true;
    giveUp = true;
    return false;
  });
  if (!clean || giveUp) return general();
  if (!rows) {
    importer.finish(); // throws: no header
    return general();
  }
  const m = importer.mapping!;
  const rejects = rows.rejects.sort((a, b) => a.line - b.line);
  return {
    path: 'columns',
    columns: rows.columns.build(),
    rejects,
    rowsRead: rows.rowsRead,
    footerLines: rows.footerLines,
    preset: m.presetId,
    layout: m.layout,
    platform: m.platform,
    headerLine: m.headerLine,
    encoding,
    delimiter,
  };
}

/** The data rows of a file the fast path took, read into columns. */
class FastRows {
  rowsRead = 0;
  footerLines = 0;
  readonly rejects: RejectedRow[] = [];
  readonly columns: OrderColumnsBuilder;
  private readonly readers: CellReaders;
  private readonly buyerIndex = new Map<string, number>();
  private readonly ids: OrderIds;
  private readonly col: Readonly<Partial<Record<ColumnField, number>>>;
  private readonly creditNotePrefix: string | undefined;

  static create(importer: Importer, options: ImportTextOptions): FastRows | undefined {
    const m = importer.mapping!;
    if (m.fallbackColumns?.length || m.buyerHandleInParens) return undefined;
    for (const f of Object.keys(m.columns) as ColumnField[])
      if (m.columns[f] !== undefined && !FAST_FIELDS.has(f)) return undefined;
    const c = m.columns;
    if (c.orderId === undefined || c.buyerId === undefined || c.date === undefined || c.total === undefined)
      return undefined;
    const template: Order = {
      key: `${m.platform}:1`,
      orderId: '1',
      platform: m.platform,
      buyerKey: `${m.platform}:1`,
      placedAt: 0,
      total: 0,
      currency: 'USD',
      items: [],
      status: 'paid',
      source: 'import',
      updatedAt: options.now,
    };
    if (options.importId !== undefined) template.importId = options.importId;
    // The columns hold what the template fixes (platform, stamp, import id): it must be valid.
    if (!isCertainlyValidOrder(template)) return undefined;
    return new FastRows(importer, m, options, template);
  }

  private constructor(
    private readonly importer: Importer,
    private readonly m: ResolvedMapping,
    options: ImportTextOptions,
    template: Order,
  ) {
    this.col = m.columns;
    this.creditNotePrefix = m.creditNotePrefix;
    this.columns = new OrderColumnsBuilder(m.platform, options.now, options.importId);
    this.readers = new CellReaders(m, importer.lineContext(), options.defaultCurrency, template);
    this.ids = new OrderIds(m.platform);
  }

  /** Reads one data row; `false` when the whole file must go the general way. */
  add(cells: string[], line: number): boolean {
    // As the general importer: rows of empty cells are spacing, record-count footers no orders.
    if (!plainlyFilled(cells)) {
      if (cells.every((c) => c.trim() === '')) return true;
      if (isFooterLine(cells)) {
        this.footerLines++;
        return true;
      }
    }
    this.rowsRead++;
    const col = this.col;
    const rawId = cells[col.orderId!];
    const id = rawId === undefined || rawId.length > MAX_CELL ? '' : cleanCell(rawId);
    if (id === '' || orderIdProblem(id) !== undefined) return this.general(cells, line);
    const seen = this.ids.add(id);
    if (seen === 'twice') return false;
    if (seen === 'check' && !this.readers.vouchesFor(id, orderKeyOf(this.m.platform, id)))
      return this.general(cells, line);

    const buyer = this.buyer(cells[col.buyerId!] ?? '');
    if (buyer < 0) return this.general(cells, line);
    const placedAt = this.readers.date(cells[col.date!] ?? '');
    if (placedAt === GENERAL) return this.general(cells, line);
    const amount = this.readers.amount(
      col.currencyColumn === undefined ? '' : (cells[col.currencyColumn] ?? ''),
      cells[col.total!] ?? '',
    );
    if (amount === GENERAL) return this.general(cells, line);
    let name: string | undefined;
    if (col.buyerName !== undefined) {
      const n = this.readers.name(cells[col.buyerName] ?? '');
      if (n === GENERAL) return this.general(cells, line);
      name = n;
    }
    let country: string | undefined;
    if (col.country !== undefined) {
      const c = this.readers.country(cells[col.country] ?? '');
      if (c === GENERAL) return this.general(cells, line);
      country = c;
    }
    let status: OrderStatus | undefined;
    if (col.status !== undefined || col.cancelled !== undefined) {
      const s = this.readers.status(
        col.status === undefined ? '' : (cells[col.status] ?? ''),
        col.cancelled === undefined ? '' : (cells[col.cancelled] ?? ''),
      );
      if (s === GENERAL) return this.general(cells, line);
      if (s !== 'unset') status = s;
    }
    // As readLine: a credit note or a negative amount makes a paid (or unstated) line a refund.
    const refund =
      amount.negative || (this.creditNotePrefix !== undefined && id.startsWith(this.creditNotePrefix));
    if (refund && (status === undefined || status === 'paid')) status = 'refunded';
    // As finishDraft: an order none of whose lines states a status is a sale.
    status ??= 'paid';
    const b = this.columns;
    b.push(
      id,
      line,
      buyer,
      name,
      placedAt,
      amount.total,
      b.currencyIndex(amount.currency),
      statusCode(status),
      b.countryIndex(country),
    );
    return true;
  }

  private buyer(raw: string): number {
    let i = this.buyerIndex.get(raw);
    if (i === undefined) {
      const key = this.readers.buyer(raw);
      i = key === GENERAL ? -1 : this.columns.buyerIndex(key);
      this.buyerIndex.set(raw, i);
    }
    return i;
  }

  /** Reads one row with the general importer: its exact order or reject. */
  private general(cells: string[], line: number): boolean {
    const importer = this.importer;
    const first = importer.push({ line, cells: cells.slice() });
    const rest = importer.finish();
    for (const batch of first ? [first, rest] : [rest]) {
      for (const r of batch.rejects) this.rejects.push(r);
      for (const o of batch.orders) {
        if (!this.columns.pushOrder(o)) return false;
        this.columns.setLastLine(line);
      }
    }
    return true;
  }
}

/**
 * Notices an order id seen twice. Order numbers usually rise through a file (they are issued in
 * sequence): while every id is a plain number greater than the last, none can repeat, and the
 * ids are only kept (no keys, no hashing) to fill the set of order keys that the first id breaking
 * the pattern turns on (the key is what makes two lines one order, so `１２３` and `123` are the same).
 */
class OrderIds {
  private last = '';
  private rising: string[] | undefined = [];
  private keys: Set<string> | undefined;

  constructor(private readonly platform: string) {}

  /** `once`: new and a plain number; `check`: new, but its key deserves the schema check; `twice`. */
  add(id: string): 'once' | 'check' | 'twice' {
    if (this.rising) {
      if (isPlainNumber(id) && isGreater(id, this.last)) {
        this.last = id;
        this.rising.push(id);
        return 'once';
      }
      this.keys = new Set(this.rising.map((x) => orderKeyOf(this.platform, x)));
      this.rising = undefined;
    }
    const keys = this.keys!;
    const key = orderKeyOf(this.platform, id);
    if (keys.has(key)) return 'twice';
    keys.add(key);
    return 'check';
  }
}

/**
 * Whether three cells start with a visible ASCII character: such a row is neither spacing nor a
 * footer (a footer fills at most two), so the trimming checks for those can be skipped.
 */
function plainlyFilled(cells: readonly string[]): boolean {
  let filled = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i].charCodeAt(0);
    if (c > 32 && c < 127 && ++filled === 3) return true;
  }
  return false;
}

function isPlainNumber(s: string): boolean {
  if (s.length > 300 || (s.charCodeAt(0) === 48 && s.length > 1)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** For plain numbers without leading zeros: longer is greater, else compare as text. */
function isGreater(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}
