import type { Catalogue } from '../i18n/define';
import { badgeMessages } from '../i18n/messages/badge';
import { overlayMessages } from '../i18n/messages/overlay';

/*
 * In-page bundles ship only the catalogues they show, not every UI area's (components/i18n's
 * translator merges all of them, which would grow the content script with each dashboard
 * string). Same template syntax as the shared translator; a missing key reads as the key.
 */
export type OverlayLocale = 'en' | 'zh_CN';
export type TranslateOf<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export type KeysOf<C> = C extends Catalogue<infer K> ? K : never;

export function overlayLocale(language: string | undefined): OverlayLocale {
  return language && /^zh/i.test(language) ? 'zh_CN' : 'en';
}

export function makeTranslator<const A extends readonly Catalogue<string>[]>(
  areas: A,
  locale: OverlayLocale,
): TranslateOf<KeysOf<A[number]>> {
  const table: Record<string, string> = Object.assign({}, ...areas.map((a) => a[locale]));
  const fallback: Record<string, string> = Object.assign({}, ...areas.map((a) => a.en));
  return (key, params) => {
    const template = table[key] ?? fallback[key] ?? key;
    return params
      ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m))
      : template;
  };
}

const OVERLAY_AREAS = [badgeMessages, overlayMessages] as const;
export type OverlayKey = KeysOf<(typeof OVERLAY_AREAS)[number]>;
export type OverlayTranslate = TranslateOf<OverlayKey>;

export function overlayTranslator(locale: OverlayLocale): OverlayTranslate {
  return makeTranslator(OVERLAY_AREAS, locale);
}

/** For keys built from data (segment names, reason codes): the translation, or undefined. */
export function lookup<K extends string>(t: TranslateOf<K>, key: string): string | undefined {
  const s = t(key as K);
  return s === key ? undefined : s;
}
