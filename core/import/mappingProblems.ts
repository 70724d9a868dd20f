import type { z } from 'zod';
import { COLUMN_FIELDS, type ColumnField } from './mapping';

/** How each field is called in messages to the seller (English; the CLI and error texts use it). */
export const FIELD_WORDS: Readonly<Record<ColumnField, string>> = {
  buyerId: 'the buyer (id, username, e-mail or phone)',
  date: 'the order date',
  orderId: 'the order number',
  total: 'the order total',
  lineTotal: 'the line total',
  quantity: 'the quantity',
  unitPrice: 'the unit price',
  status: 'the order status',
  cancelled: 'the cancelled marker',
  item: 'the item name',
  sku: 'the SKU',
  category: 'the category',
  discount: 'the discount',
  country: 'the country',
  buyerName: 'the buyer name',
  currencyColumn: 'the currency',
  subtotal: 'the items subtotal',
  shipping: 'the shipping charge',
  tax: 'the tax',
  refunded: 'the refunded amount',
  lineShipping: 'the shipping per line',
  lineTax: 'the tax per line',
  lineShippingTax: 'the shipping tax per line',
  lineDiscount: 'the discount per line',
  lineShippingDiscount: 'the shipping discount per line',
  buyerFallback: 'the buyer when the id is empty (phone or name)',
};

function isField(k: unknown): k is ColumnField {
  return typeof k === 'string' && (COLUMN_FIELDS as readonly string[]).includes(k);
}

/**
 * One mapping problem in seller words, instead of a schema message such as
 * `buyerId: Invalid input: expected string, received undefined`.
 */
export function explainMappingIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path[0];
  if (issue.code === 'unrecognized_keys') {
    return `${issue.keys.map((k) => `'${k}'`).join(', ')} is not a field a column can be mapped to`;
  }
  if (key === 'total' && issue.code === 'custom') {
    return 'choose a column with an amount: the order total, a line total, or a unit price (with a quantity)';
  }
  if (isField(key)) {
    const what = FIELD_WORDS[key];
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return `choose the column that holds ${what}: it is required`;
    }
    if (issue.code === 'too_small') return `the column chosen for ${what} has no name`;
    if (issue.code === 'too_big') return `the column name chosen for ${what} is too long`;
    return `the column chosen for ${what} is not usable: ${issue.message}`;
  }
  switch (key) {
    case 'dateFormat':
      return `the date format is not usable: ${issue.message.replace(/^not a usable date format: /, '')}`;
    case 'currency':
      return 'the file currency must be a three-letter code such as USD, GBP or CNY';
    case 'platform':
      return 'the platform name may only use lower-case letters, digits, - and _';
    case 'decimal':
      return 'the decimal separator must be . or ,';
    case 'statusMap':
      return 'each status word must map to paid, refunded, cancelled or unpaid';
    default:
      return issue.message;
  }
}

/** Every problem of a failed mapping parse, in seller words, joined for one message. */
export function explainMappingError(error: z.ZodError): string {
  return error.issues.map(explainMappingIssue).join('; ');
}
