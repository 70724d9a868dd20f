import {
  BACKUP_META,
  BACKUP_TABLES,
  type BackupData,
  type BackupFile,
  type BackupMeta,
  type BackupSection,
  META_KEYS,
  META_SCHEMAS,
} from '../backup/format';
import type { CurrentKeys, RestoreMode } from '../backup/restore';
import type { SavedPreset } from '../import/mapping';
import type { Tag } from '../model';
import { NeedsRecord } from '../needs/record';
import type { AggregateContext } from '../scoring/aggregate';
import { CustomRule } from '../sites/customRule';
import type { BuyerTiersDB, ImportRejectRow } from './db';
import { rebuildAggregates } from './orders';
import { getSettings, saveSettings } from './settings';

/*
 * The database side of whole-database backup and restore (core/background/backupHandlers.ts
 * validates, decrypts and reports; the format itself is core/backup). Meta keys come from
 * core/backup's META_KEYS, the one registry their owners must match.
 */

/** Buyers whose aggregates are rebuilt per step after a merge (orders may now be mixed). */
const REBUILD_CHUNK = 2000;

/** The meta values held whole (one key each); import presets are a list merged by name. */
const WHOLE_META = ['actionTemplates', 'needsLexicon'] as const satisfies readonly BackupMeta[];
type WholeMeta = (typeof WHOLE_META)[number];

/**
 * Everything a backup carries, read in ONE read transaction over its tables and `meta`, so the
 * file is a consistent snapshot even while pages keep writing.
 */
export async function readBackupData(db: BuyerTiersDB, browserLanguage: string): Promise<BackupData> {
  return db.transaction('r', [...BACKUP_TABLES.map((t) => db.table(t)), db.meta], async () => ({
    settings: await getSettings(db, browserLanguage),
    buyers: await db.buyers.toArray(),
    orders: await db.orders.toArray(),
    tags: await db.tags.toArray(),
    buyerTags: await db.buyerTags.toArray(),
    notes: await db.notes.toArray(),
    classChanges: await db.classChanges.toArray(),
    imports: await db.imports.toArray(),
    // Rows the extension itself ignores (no longer valid) are left out, so the file restores.
    siteRules: valid(await db.siteRules.toArray(), CustomRule),
    selectorHealth: await db.selectorHealth.toArray(),
    needs: valid(await db.needs.toArray(), NeedsRecord),
    importRejects: await db.importRejects.toArray(),
    importPresets: await readPresets(db),
    actionTemplates: await readWholeMeta(db, 'actionTemplates'),
    needsLexicon: await readWholeMeta(db, 'needsLexicon'),
  }));
}

/** This machine's tags, which a merge restore fits the backup's tags onto by name (mergeTagsByName). */
export function tagsForMerge(db: BuyerTiersDB): Promise<Tag[]> {
  return db.tags.toArray();
}

/**
 * Keys of what the database holds now, per backup section, matched the way `backupKeyOf` and
 * `metaKeysOf` key a backup's records — so `planRestore` compares like with like.
 */
export async function currentBackupKeys(db: BuyerTiersDB): Promise<CurrentKeys> {
  const out = {} as Record<BackupSection, Set<string>>;
  for (const table of BACKUP_TABLES) {
    if (table === 'siteRules') {
      out[table] = new Set((await db.siteRules.orderBy('origin').keys()).map(String));
      continue;
    }
    if (table === 'importRejects') {
      const keys = new Set<string>();
      await db.importRejects.each((r) => {
        keys.add(`${r.importId}|${r.line}`);
      });
      out[table] = keys;
      continue;
    }
    const keys = await db.table(table).toCollection().primaryKeys();
    out[table] = new Set(
      keys.map((k) => {
        // Compound keys come back as arrays; backupKeyOf joins them the same way.
        if (table === 'buyerTags' && Array.isArray(k)) return `${String(k[0])}|${String(k[1])}`;
        return String(k);
      }),
    );
  }
  out.importPresets = new Set((await readPresets(db)).map((p) => p.name));
  for (const m of WHOLE_META) {
    out[m] = new Set((await db.meta.get(META_KEYS[m])) ? [META_KEYS[m]] : []);
  }
  return out;
}

/**
 * Writes a validated backup (for a merge, already fitted with mergeTagsByName) in ONE read-write
 * transaction over its tables, `meta` and `importUndo`: replace clears and refills inside it, so
 * a failure anywhere leaves the database exactly as it was. A merge then rebuilds the aggregates
 * of every buyer it touched with `ctx` (the backup's own settings) at time `now`.
 */
export async function restoreBackupData(
  db: BuyerTiersDB,
  backup: BackupFile,
  mode: RestoreMode,
  ctx: AggregateContext,
  now: number,
): Promise<void> {
  const tables = [...BACKUP_TABLES.map((n) => db.table(n)), db.meta, db.importUndo];
  await db.transaction('rw', tables, async () => {
    if (mode === 'replace') {
      for (const table of BACKUP_TABLES) await db.table(table).clear();
      // Undo copies belong to import records the backup replaces.
      await db.importUndo.clear();
      await db.meta.bulkDelete(BACKUP_META.map((m) => META_KEYS[m]));
    }
    for (const table of BACKUP_TABLES) {
      const rows: readonly unknown[] = backup[table];
      if (rows.length === 0) continue;
      if (mode === 'merge' && table === 'siteRules') {
        // One rule per origin: the backup's rule replaces this machine's rule for that origin.
        const origins = backup.siteRules.map((r) => r.origin);
        await db.siteRules.where('origin').anyOf(origins).delete();
      }
      if (mode === 'merge' && table === 'importRejects') {
        await db.importRejects.bulkPut(await mergeRejects(db, backup.importRejects));
        continue;
      }
      await db.table(table).bulkPut(rows);
    }
    await restoreMeta(db, backup, mode);
    await saveSettings(db, backup.settings);
    if (mode === 'merge') {
      // A merged buyer may now have orders from both sides; its stored aggregate must cover all.
      const keys = new Set<string>(backup.buyers.map((b) => b.key));
      for (const o of backup.orders) keys.add(o.buyerKey);
      const list = [...keys];
      for (let i = 0; i < list.length; i += REBUILD_CHUNK) {
        await rebuildAggregates(db, list.slice(i, i + REBUILD_CHUNK), ctx, now);
      }
    }
  });
}

/** The records that pass `schema` (as the schema parses them). */
function valid<T>(
  rows: readonly unknown[],
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T[] {
  return rows.flatMap((r) => {
    const p = schema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Saved import presets, dropping any that no longer validate (as the import screen does). */
async function readPresets(db: BuyerTiersDB): Promise<SavedPreset[]> {
  const row = await db.meta.get(META_KEYS.importPresets);
  return valid(Array.isArray(row?.value) ? row.value : [], META_SCHEMAS.importPresets);
}

/** A seller-edited meta value, or null when absent or invalid (the defaults apply then). */
async function readWholeMeta<K extends WholeMeta>(db: BuyerTiersDB, section: K): Promise<BackupData[K]> {
  const row = await db.meta.get(META_KEYS[section]);
  if (row === undefined) return null;
  const parsed = META_SCHEMAS[section].safeParse(row.value);
  return (parsed.success ? parsed.data : null) as BackupData[K];
}

/**
 * Rejects merge by (import, line): ids are each machine's own counter, so a backup's reject
 * takes the id of this machine's reject for the same line, or a new one — never another's.
 */
async function mergeRejects(db: BuyerTiersDB, rows: BackupFile['importRejects']): Promise<ImportRejectRow[]> {
  const imports = [...new Set(rows.map((r) => r.importId))];
  const local = new Map<string, number>();
  for (const importId of imports) {
    await db.importRejects
      .where('importId')
      .equals(importId)
      .each((r) => {
        if (r.id !== undefined) local.set(`${r.importId}|${r.line}`, r.id);
      });
  }
  return rows.map(({ id: _id, ...r }) => {
    const id = local.get(`${r.importId}|${r.line}`);
    return id === undefined ? r : { ...r, id };
  });
}

/** Import presets merge by name; templates and lexicon are taken when the backup has them. */
async function restoreMeta(db: BuyerTiersDB, backup: BackupFile, mode: RestoreMode): Promise<void> {
  if (backup.importPresets.length > 0) {
    const names = new Set(backup.importPresets.map((p) => p.name));
    const ids = new Set(backup.importPresets.map((p) => p.id));
    const kept =
      mode === 'merge' ? (await readPresets(db)).filter((p) => !names.has(p.name) && !ids.has(p.id)) : [];
    await db.meta.put({ key: META_KEYS.importPresets, value: [...kept, ...backup.importPresets] });
  }
  for (const m of WHOLE_META) {
    const value = backup[m];
    if (value !== null) await db.meta.put({ key: META_KEYS[m], value });
  }
}
