import { defaultSettings, type Settings, Settings as SettingsSchema } from '../model';
import type { BuyerTiersDB } from './db';

const SETTINGS_KEY = 'settings';

/**
 * Reads settings, filling fields that older versions lacked from the defaults so a settings
 * row written by any earlier version still loads.
 */
export async function getSettings(db: BuyerTiersDB, browserLanguage: string): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  const defaults = defaultSettings(browserLanguage);
  if (!row || typeof row.value !== 'object' || row.value === null) return defaults;
  const merged = mergeDeep(defaults, row.value as Record<string, unknown>);
  const parsed = SettingsSchema.safeParse({ ...merged, version: defaults.version });
  return parsed.success ? parsed.data : defaults;
}

export async function saveSettings(db: BuyerTiersDB, settings: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(settings);
  await db.meta.put({ key: SETTINGS_KEY, value: valid });
  return valid;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Stored values win. Top-level keys the current schema no longer has are dropped (the schema is
 * strict there); nested records such as currency rates keep every key.
 */
function mergeDeep<T extends object>(base: T, over: Record<string, unknown>, top = true): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (top && !(k in out)) continue;
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? mergeDeep(b, v, false) : v;
  }
  return out as T;
}
