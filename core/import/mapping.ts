import { z } from 'zod';
import { CurrencyCode, EpochMs, Platform } from '../model';
import { dateFormatProblem } from './date';

/** Order fields a file's columns can be mapped to. */
export const MAPPING_FIELDS = [
  'buyerId',
  'date',
  'orderId',
  /** Order total, repeated on each line of the order (taken once) or on its first line only. */
  'total',
  /** Amount of one line (e.g. Amazon item-price); summed over the order's lines. */
  'lineTotal',
  'quantity',
  'unitPrice',
  'status',
  /** A column whose non-empty value marks a cancelled order (Shopify "Cancelled at"). */
  'cancelled',
  'item',
  'sku',
  'category',
  'discount',
  'country',
  'buyerName',
  /** Column holding an ISO currency code per row. */
  'currencyColumn',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/**
 * Spend breakdown and buyer fallback columns: read by presets and saved mappings, but not (yet)
 * offered one by one on the mapping screen, which lists `MAPPING_FIELDS`.
 */
export const EXTRA_FIELDS = [
  /** Order-level items value as the platform states it (first line of the order). */
  'subtotal',
  /** Order-level shipping charged to the buyer. */
  'shipping',
  /** Order-level tax charged to the buyer. */
  'tax',
  /** Order-level amount refunded to the buyer; subtracted from spend of an order still paid. */
  'refunded',
  /** Per-line shipping (Amazon shipping-price); summed over the order's lines. */
  'lineShipping',
  /** Per-line tax (Amazon item-tax); summed. */
  'lineTax',
  /** Per-line tax on shipping (Amazon shipping-tax); summed. */
  'lineShippingTax',
  /** Per-line promotion (Amazon item-promotion-discount); summed and subtracted from spend. */
  'lineDiscount',
  /** Per-line shipping promotion (Amazon ship-promotion-discount); summed and subtracted. */
  'lineShippingDiscount',
  /** Buyer handle used when the buyer id cell is empty (Shopify phone, Etsy buyer name). */
  'buyerFallback',
] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];

/** Every field a column can be bound to. */
export type ColumnField = MappingField | ExtraField;
export const COLUMN_FIELDS: readonly ColumnField[] = [...MAPPING_FIELDS, ...EXTRA_FIELDS];

const ColumnName = z.string().trim().min(1, 'column name is empty').max(200);
const StatusValue = z.enum(['paid', 'refunded', 'cancelled', 'unpaid']);

const mappingShape = {
  buyerId: ColumnName,
  date: ColumnName,
  orderId: ColumnName.optional(),
  total: ColumnName.optional(),
  lineTotal: ColumnName.optional(),
  quantity: ColumnName.optional(),
  unitPrice: ColumnName.optional(),
  status: ColumnName.optional(),
  cancelled: ColumnName.optional(),
  item: ColumnName.optional(),
  sku: ColumnName.optional(),
  category: ColumnName.optional(),
  discount: ColumnName.optional(),
  country: ColumnName.optional(),
  buyerName: ColumnName.optional(),
  currencyColumn: ColumnName.optional(),
  subtotal: ColumnName.optional(),
  shipping: ColumnName.optional(),
  tax: ColumnName.optional(),
  refunded: ColumnName.optional(),
  lineShipping: ColumnName.optional(),
  lineTax: ColumnName.optional(),
  lineShippingTax: ColumnName.optional(),
  lineDiscount: ColumnName.optional(),
  lineShippingDiscount: ColumnName.optional(),
  buyerFallback: ColumnName.optional(),
  /** date-fns format for the date column, e.g. `yyyyMMdd`. */
  dateFormat: z
    .string()
    .min(1)
    .max(60)
    .superRefine((f, ctx) => {
      const problem = dateFormatProblem(f);
      if (problem) ctx.addIssue({ code: 'custom', message: `not a usable date format: ${problem}` });
    })
    .optional(),
  /** ISO currency of the whole file (used when a row names none). */
  currency: CurrencyCode.optional(),
  dayFirst: z.boolean().optional(),
  decimal: z.enum(['.', ',']).optional(),
  platform: Platform.optional(),
  /** Extra status texts, e.g. { "已退款": "refunded" }. */
  statusMap: z.record(z.string().max(100), StatusValue).optional(),
  /** Invoice numbers starting with this (Online Retail: "C") are credit notes: refunds. */
  creditNotePrefix: z.string().min(1).max(5).optional(),
};

/**
 * A mapping from a file's column names to order fields, as the dashboard saves it and the CLI
 * reads it from MAPPING.json. Values are column names except the options `dateFormat`,
 * `currency`, `dayFirst`, `decimal`, `platform`, `statusMap` and `creditNotePrefix`.
 */
export const MappingSpec = z
  .object(mappingShape)
  .strict()
  .refine((m) => m.total !== undefined || m.lineTotal !== undefined || m.unitPrice !== undefined, {
    message: 'map an amount: total, lineTotal, or quantity and unitPrice',
    path: ['total'],
  });
export type MappingSpec = z.infer<typeof MappingSpec>;

/** A seller's saved mapping, offered like a built-in preset next time. */
export const SavedPreset = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  mapping: MappingSpec,
  createdAt: EpochMs,
});
export type SavedPreset = z.infer<typeof SavedPreset>;

/** File-wide options shared by presets and saved mappings. */
export interface MappingOptions {
  dateFormat?: string;
  currency?: string;
  dayFirst?: boolean;
  decimal?: '.' | ',';
  statusMap?: Readonly<Record<string, 'paid' | 'refunded' | 'cancelled' | 'unpaid'>>;
  creditNotePrefix?: string;
  /** Buyer cells read "Full Name (username)" (Etsy Order Items): the username is the id. */
  buyerHandleInParens?: boolean;
  /** Year the platform started selling: earlier dates are impossible (default 1995). */
  since?: number;
}

/** One export layout of a marketplace: candidate header names per field, best first. */
export interface PresetLayout {
  name: string;
  columns: Readonly<Partial<Record<ColumnField, readonly string[]>>>;
  /** Columns only this export has; they make auto-detection pick it over look-alikes. */
  signature?: readonly string[];
}

export interface Preset extends MappingOptions {
  id: string;
  label: string;
  platform: string;
  layouts: readonly PresetLayout[];
}

/** A mapping bound to one header row: field → column index. */
export interface ResolvedMapping extends MappingOptions {
  presetId: string;
  layout?: string;
  platform: string;
  columns: Readonly<Partial<Record<ColumnField, number>>>;
  /** Every `buyerFallback` column found, best first (Shopify: Billing Phone, then Shipping Phone). */
  fallbackColumns?: readonly number[];
  /** Header text of each mapped column, for messages. */
  columnNames: Readonly<Partial<Record<ColumnField, string>>>;
  header: readonly string[];
  headerLine: number;
}

export const REQUIRED_FIELDS: readonly MappingField[] = ['buyerId', 'date'];
export const AMOUNT_FIELDS: readonly MappingField[] = ['total', 'lineTotal', 'unitPrice'];
