import type { Reason } from '@/core/model';
import type { Need } from '@/core/needs/kinds';
import { needsMessages } from '../i18n/messages/needs';

/**
 * Needs wording for the buyer card. Reads only the needs catalogue (not every catalogue), so the
 * content script that renders the card stays small.
 */
export type NeedsLocale = 'en' | 'zh_CN';
type Key = keyof typeof needsMessages.en;

export function needsText(
  locale: NeedsLocale,
  key: Key,
  params: Record<string, string | number> = {},
): string {
  const template = needsMessages[locale][key] ?? needsMessages.en[key];
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

export function needLabel(locale: NeedsLocale, need: Need): string {
  return needsText(locale, `needs.${need}`);
}

/** A needs reason as a sentence: "Asked about prices and discounts in 4 of 6 chats". */
export function needsReasonText(locale: NeedsLocale, reason: Reason): string {
  const code = reason.code.replace(/^needs\./, '');
  const key = `needs.reason.${code}` as Key;
  if (!(key in needsMessages.en)) return reason.code;
  const need = reason.values.need;
  const topic =
    typeof need === 'string' && `needs.topic.${need}` in needsMessages.en
      ? needsText(locale, `needs.topic.${need}` as Key)
      : String(need ?? '');
  return needsText(locale, key, { ...stringify(reason.values), need: topic });
}

function stringify(values: Reason['values']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'boolean' ? String(v) : v;
  return out;
}
