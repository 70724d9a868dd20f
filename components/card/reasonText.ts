import type { Reason } from '@/core/model/classes';
import { decimal, money, percent } from '../overlay/format';
import { lookup, type OverlayLocale } from '../overlay/i18n';
import type { CardTranslate } from './i18n';

/*
 * Reasons carry numbers, not text (core/scoring/reasons.ts). Which number is money, a share or a
 * plain count depends on its name — and, for a few shared names, on the code.
 */
const MONEY = new Set([
  'spend',
  'monetary',
  'monetaryThreshold',
  'minSpend',
  'avgUnitPrice',
  'shopMedian',
  'zbar',
  'expectedOrderValue',
]);
const SHARE = new Set(['share', 'refundShare', 'topShare', 'pAlive']);
const SHARE_LIMIT_CODES = new Set([
  'loyalty.refunds-high',
  'loyalty.refunds-cap',
  'preference.discounted-orders',
]);
const MONEY_BAND_CODES = new Set(['spend-band']);

export interface ReasonFormat {
  t: CardTranslate;
  locale: OverlayLocale;
  currency: string;
}

function formatValue(code: string, name: string, v: string | number | boolean, f: ReasonFormat): string {
  if (typeof v === 'boolean') return f.t(v ? 'ov.yes' : 'ov.no');
  if (typeof v === 'string') return v;
  if (MONEY.has(name) || (MONEY_BAND_CODES.has(code) && /Above$/.test(name)))
    return money(v, f.currency, f.locale);
  if (SHARE.has(name) || (name === 'limit' && SHARE_LIMIT_CODES.has(code))) return percent(v, f.locale);
  return decimal(v, f.locale);
}

/** "Recency 3 days, rank 12 of 480 → R5": the reason as a sentence in the UI language. */
export function reasonText(reason: Reason, f: ReasonFormat): string {
  const key = `reason.${reason.code}`;
  const params: Record<string, string> = {};
  for (const [name, v] of Object.entries(reason.values)) params[name] = formatValue(reason.code, name, v, f);
  const known = lookup(f.t, key);
  if (known !== undefined) return f.t(key as Parameters<CardTranslate>[0], params);
  // A code this build does not know yet: still show its numbers rather than nothing.
  const values = Object.entries(params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return values ? `${reason.code}: ${values}` : reason.code;
}
