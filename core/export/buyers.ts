import { formatMinor } from '../import/money';
import { EXPORT_CLASS_COLUMNS, type ExportClassColumn } from '../model/dimensions';
import { isoDayInZone } from '../model/time';
import { neutralizeCell, quoteCell } from './cells';

/**
 * One buyer as the background hands it to the exporter (plain data, built from the database),
 * with one field per exported class dimension of the registry (`tier`, `segment`).
 */
export interface ExportRow extends Record<ExportClassColumn, string> {
  platform: string;
  buyerId: string;
  name?: string;
  tags: string[];
  r?: number;
  f?: number;
  m?: number;
  orders: number;
  /** Paid spend in minor units of `currency`. */
  spendMinor: number;
  currency: string;
  lastOrderAt?: number;
  country?: string;
  note?: string;
}

/** The class columns come from the dimension registry, in its dashboard order. */
export const EXPORT_COLUMNS = [
  'platform',
  'buyerId',
  'name',
  'tags',
  ...EXPORT_CLASS_COLUMNS,
  'r',
  'f',
  'm',
  'orders',
  'spend',
  'currency',
  'lastOrder',
  'country',
  'note',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Typed by column, so a class column the registry adds cannot ship without its headers. */
const HEADERS: Record<'en' | 'zh_CN', Record<ExportColumn, string>> = {
  en: {
    platform: 'platform',
    buyerId: 'buyer_id',
    name: 'name',
    tags: 'tags',
    tier: 'tier',
    segment: 'segment',
    r: 'R',
    f: 'F',
    m: 'M',
    orders: 'orders',
    spend: 'spend',
    currency: 'currency',
    lastOrder: 'last_order',
    country: 'country',
    note: 'note',
  },
  zh_CN: {
    platform: '平台',
    buyerId: '买家ID',
    name: '名称',
    tags: '标签',
    tier: '价值层级',
    segment: '客户分群',
    r: 'R',
    f: 'F',
    m: 'M',
    orders: '订单数',
    spend: '消费金额',
    currency: '币种',
    lastOrder: '最近下单',
    country: '国家/地区',
    note: '备注',
  },
};

export interface ExportOptions {
  columns?: readonly ExportColumn[];
  language?: 'en' | 'zh_CN';
  /** Shop time zone for the last-order date. */
  timeZone?: string;
  /** Tags are joined with this inside one cell (default `; `). */
  tagSeparator?: string;
}

type Cell = string | number | string[] | undefined;

const isClassColumn = (col: ExportColumn): col is ExportClassColumn =>
  (EXPORT_CLASS_COLUMNS as readonly string[]).includes(col);

function cellValue(row: ExportRow, col: ExportColumn, timeZone: string): Cell {
  if (isClassColumn(col)) return row[col];
  switch (col) {
    case 'platform':
      return row.platform;
    case 'buyerId':
      return row.buyerId;
    case 'name':
      return row.name;
    case 'tags':
      return row.tags;
    case 'r':
      return row.r;
    case 'f':
      return row.f;
    case 'm':
      return row.m;
    case 'orders':
      return row.orders;
    case 'spend':
      return formatMinor(row.spendMinor, row.currency);
    case 'currency':
      return row.currency;
    case 'lastOrder':
      return row.lastOrderAt === undefined ? undefined : isoDayInZone(row.lastOrderAt, timeZone);
    case 'country':
      return row.country;
    case 'note':
      return row.note;
  }
}

/**
 * Buyers as CSV text for Excel: starts with a UTF-8 BOM (so Excel shows Chinese correctly when
 * the caller encodes the string as UTF-8), CRLF line ends, every text cell neutralised against
 * formula injection and quoted per RFC 4180.
 */
export function buyersToCsv(rows: readonly ExportRow[], options: ExportOptions = {}): string {
  const columns = options.columns ?? EXPORT_COLUMNS;
  const tz = options.timeZone ?? 'UTC';
  const sep = options.tagSeparator ?? '; ';
  const headers = HEADERS[options.language ?? 'en'];
  const lines = [columns.map((c) => quoteCell(neutralizeCell(headers[c]))).join(',')];
  for (const row of rows) {
    const cells = columns.map((c) => {
      const v = cellValue(row, c, tz);
      const text = v === undefined ? '' : Array.isArray(v) ? v.join(sep) : String(v);
      return quoteCell(neutralizeCell(text));
    });
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Buyers as JSON (array of objects keyed by the English column names). Not neutralised: JSON is
 * not evaluated by spreadsheets, and the values must round-trip exactly.
 */
export function buyersToJson(rows: readonly ExportRow[], options: ExportOptions = {}): string {
  const columns = options.columns ?? EXPORT_COLUMNS;
  const tz = options.timeZone ?? 'UTC';
  const out = rows.map((row) => {
    const obj: Record<string, Cell> = {};
    for (const c of columns) {
      const v = cellValue(row, c, tz);
      if (v !== undefined) obj[HEADERS.en[c]] = v;
    }
    return obj;
  });
  return JSON.stringify(out, null, 2);
}

/**
 * Buyer ids for the clipboard: one per line, each once, in the given order. The clipboard is
 * pasted into spreadsheets as often as files are opened in one, so ids get the same formula guard.
 */
export function buyerIdsText(rows: readonly Pick<ExportRow, 'buyerId'>[]): string {
  return [...new Set(rows.map((r) => r.buyerId))].map(neutralizeCell).join('\n');
}
