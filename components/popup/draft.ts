import type { z } from 'zod';
import { defaultSettings, type Settings, Settings as SettingsSchema } from '@/core/model';
import type { MessageKey, Translate } from '../i18n';

/** The settings being edited: same shape, but number fields may be NaN while the seller types. */
export type Draft = Settings;

type Path = ReadonlyArray<string | number>;

/** Returns a copy of `obj` with the value at `path` replaced (copying only along the path). */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const src = obj as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(obj) ? [...obj] : { ...src }) as Record<string | number, unknown>;
  copy[head] = setIn(src?.[head], rest, value);
  return copy as T;
}

export function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], obj);
}

/** zod's messages we know, in the seller's language; anything else is shown as zod wrote it. */
const KNOWN: ReadonlyArray<[RegExp, MessageKey]> = [
  [/strictly increasing/, 'set.err.increasing'],
  [/weights cannot all be zero/, 'set.err.weightsZero'],
  [/high cut point must be above/, 'set.err.highAboveMedium'],
  [/currency must be a 3-letter/, 'set.err.currency'],
  [/country must be a 2-letter/, 'set.err.country'],
  [/expected number, received NaN|received NaN/i, 'set.err.number'],
  [/expected int/i, 'set.err.integer'],
  [/too small|>=|must be greater/i, 'set.err.tooSmall'],
  [/too big|<=|must be less/i, 'set.err.tooBig'],
  [/too small: expected string|>=1 character/i, 'set.err.required'],
];

export function translateIssue(message: string, t: Translate): string {
  const hit = KNOWN.find(([re]) => re.test(message));
  return hit ? t(hit[1]) : message;
}

/** Validation problems by dotted path (`rfm.recencyCuts`, `valueTier.weights`), first one wins. */
export function validate(
  draft: Draft,
): { ok: true; settings: Settings } | { ok: false; issues: Map<string, string> } {
  const res = SettingsSchema.safeParse(draft);
  if (res.success) return { ok: true, settings: res.data };
  const issues = new Map<string, string>();
  for (const i of (res.error as z.ZodError).issues) {
    const key = i.path.join('.');
    if (!issues.has(key)) issues.set(key, i.message);
  }
  return { ok: false, issues };
}

/**
 * Defaults for every threshold, keeping what is a fact about the shop or a preference rather
 * than a threshold: language, currency, country, time zone, rates, capture switches, demo flag.
 */
export function resetThresholds(current: Settings, browserLanguage: string): Settings {
  const d = defaultSettings(browserLanguage);
  return {
    ...d,
    language: current.language,
    shopCurrency: current.shopCurrency,
    shopCountry: current.shopCountry,
    timeZone: current.timeZone,
    currencyRates: current.currencyRates,
    capture: current.capture,
    demoLoaded: current.demoLoaded,
  };
}
