import {
  BACKUP_META,
  BACKUP_TABLES,
  BackupError,
  type BackupFile,
  type BackupSection,
  type CurrentKeys,
  createBackup,
  encryptBackup,
  META_KEYS,
  META_SCHEMAS,
  mergeTagsByName,
  PASSPHRASE_PROBLEM_TEXT,
  passphraseProblem,
  planRestore,
  type RestoreMode,
  readBackup,
  serializeBackup,
} from '../backup';
import { exportFileName } from '../export';
import type { SavedPreset } from '../import/mapping';
import { NeedsRecord } from '../needs';
import { CustomRule } from '../sites/customRule';
import {
  type BuyerTiersDB,
  getSettings,
  type ImportRejectRow,
  rebuildAggregates,
  saveSettings,
} from '../store';
import { aggregateContextOf, type ServiceDeps, type SettingsCache } from './context';
import { HandlerError, type Handlers } from './router';
import { browserTeachPlatform, syncStoredRuleScripts } from './ruleScripts';

export type BackupHandlerName = 'createBackup' | 'planRestore' | 'applyRestore';

/** Buyers whose aggregates are rebuilt per step after a merge (orders may now be mixed). */
const REBUILD_CHUNK = 2000;

/**
 * Whole-database backup and restore. The passphrase only ever lives in the message being
 * handled: it derives the key and is dropped. A restore validates every record first (any bad
 * record fails the whole restore with its table, index and field named), then writes everything
 * in ONE read-write transaction — replace clears and refills inside it — so a failure leaves the
 * database exactly as it was.
 */
export function createBackupHandlers(
  deps: ServiceDeps,
  settings: SettingsCache,
  /**
   * Makes the registered teach-mode content scripts match the restored site rules (the same
   * sync the background runs on startup; rules whose origin is not granted here are skipped).
   */
  syncRules: (db: BuyerTiersDB) => Promise<void> = (db) => syncStoredRuleScripts(db, browserTeachPlatform()),
): Pick<Handlers, BackupHandlerName> {
  const { db, now } = deps;

  const read = async (content: string, passphrase: string | undefined): Promise<BackupFile> => {
    try {
      return await readBackup(content, passphrase);
    } catch (e) {
      if (e instanceof BackupError) {
        throw new HandlerError(
          'invalid-message',
          e.message,
          e.issues
            .slice(0, 20)
            .map(
              (i) =>
                `${i.table}${i.index === undefined ? '' : `[${i.index}]`}${i.path ? `.${i.path}` : ''}: ${i.message}`,
            ),
        );
      }
      throw e;
    }
  };

  /** A merge goes by tag name (mergeTagsByName), so the plan shows what the restore then does. */
  const fitted = async (backup: BackupFile, mode: RestoreMode): Promise<BackupFile> =>
    mode === 'merge' ? mergeTagsByName(backup, await db.tags.toArray()) : backup;

  return {
    async createBackup({ passphrase }) {
      // Refused before any work: a weak passphrase would protect nothing once the file is out.
      const weak = passphrase ? passphraseProblem(passphrase) : undefined;
      if (weak) throw new HandlerError('invalid-message', PASSPHRASE_PROBLEM_TEXT[weak]);
      const data = await db.transaction(
        'r',
        [...BACKUP_TABLES.map((t) => db.table(t)), db.meta],
        async () => ({
          settings: await getSettings(db, deps.browserLanguage),
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
          actionTemplates: await readMeta(db, 'actionTemplates'),
          needsLexicon: await readMeta(db, 'needsLexicon'),
        }),
      );
      const t = now();
      const text = serializeBackup(createBackup(data, t));
      const encrypted = passphrase !== undefined && passphrase !== '';
      const content = encrypted ? JSON.stringify(await encryptBackup(text, passphrase)) : text;
      const tz = (await settings.get()).timeZone;
      const fileName = exportFileName(encrypted ? 'backup-encrypted' : 'backup', t, 'json', tz);
      return { fileName, content, encrypted };
    },

    async planRestore({ content, passphrase, mode }) {
      const backup = await fitted(await read(content, passphrase), mode);
      return planRestore(await currentKeys(db), backup, mode);
    },

    async applyRestore({ content, passphrase, mode }) {
      const backup = await fitted(await read(content, passphrase), mode);
      const plan = planRestore(await currentKeys(db), backup, mode);
      await restore(db, backup, mode, aggregateContextOf(backup.settings), now());
      // After the commit: the cache then never holds settings the database does not.
      await settings.save(backup.settings);
      // Restored rules get their content scripts (where their origin is granted on this machine);
      // a failure here leaves the data restored and is retried by the next startup's sync.
      await syncRules(db).catch((e: unknown) =>
        console.warn('[Buyer Tiers] could not register restored teach-mode scripts:', e),
      );
      deps.signal({ buyerKeys: [], kinds: ['buyers', 'tags', 'settings'] });
      void deps.rescorer.full().then(() => deps.signal({ buyerKeys: [], kinds: ['buyers'] }));
      return { plan };
    },
  };
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
async function readMeta<K extends 'actionTemplates' | 'needsLexicon'>(
  db: BuyerTiersDB,
  section: K,
): Promise<BackupFile[K]> {
  const row = await db.meta.get(META_KEYS[section]);
  if (row === undefined) return null;
  const parsed = META_SCHEMAS[section].safeParse(row.value);
  return (parsed.success ? parsed.data : null) as BackupFile[K];
}

async function currentKeys(db: BuyerTiersDB): Promise<CurrentKeys> {
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
  for (const m of ['actionTemplates', 'needsLexicon'] as const) {
    out[m] = new Set((await db.meta.get(META_KEYS[m])) ? [META_KEYS[m]] : []);
  }
  return out;
}

async function restore(
  db: BuyerTiersDB,
  backup: BackupFile,
  mode: RestoreMode,
  ctx: ReturnType<typeof aggregateContextOf>,
  t: number,
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
      const rows = backup[table] as unknown[];
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
        await rebuildAggregates(db, list.slice(i, i + REBUILD_CHUNK), ctx, t);
      }
    }
  });
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
  for (const m of ['actionTemplates', 'needsLexicon'] as const) {
    const value = backup[m];
    if (value !== null) await db.meta.put({ key: META_KEYS[m], value });
  }
}
