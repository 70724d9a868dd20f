import {
  BACKUP_TABLES,
  BackupError,
  type BackupFile,
  type BackupTable,
  type CurrentKeys,
  createBackup,
  encryptBackup,
  planRestore,
  type RestoreMode,
  readBackup,
  serializeBackup,
} from '../backup';
import { exportFileName } from '../export';
import { type BuyerTiersDB, getSettings, rebuildAggregates, saveSettings } from '../store';
import { aggregateContextOf, type ServiceDeps, type SettingsCache } from './context';
import { HandlerError, type Handlers } from './router';

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

  return {
    async createBackup({ passphrase }) {
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
      const backup = await read(content, passphrase);
      return planRestore(await currentKeys(db), backup, mode);
    },

    async applyRestore({ content, passphrase, mode }) {
      const backup = await read(content, passphrase);
      const plan = planRestore(await currentKeys(db), backup, mode);
      await restore(db, backup, mode, aggregateContextOf(backup.settings), now());
      // After the commit: the cache then never holds settings the database does not.
      await settings.save(backup.settings);
      deps.signal({ buyerKeys: [], kinds: ['buyers', 'tags', 'settings'] });
      void deps.rescorer.full().then(() => deps.signal({ buyerKeys: [], kinds: ['buyers'] }));
      return { plan };
    },
  };
}

async function currentKeys(db: BuyerTiersDB): Promise<CurrentKeys> {
  const out = {} as Record<BackupTable, Set<string>>;
  for (const table of BACKUP_TABLES) {
    const keys = await db.table(table).toCollection().primaryKeys();
    out[table] = new Set(
      keys.map((k) => {
        // Compound keys come back as arrays; backupKeyOf joins them the same way.
        if (table === 'buyerTags' && Array.isArray(k)) return `${String(k[0])}|${String(k[1])}`;
        return String(k);
      }),
    );
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
  const tables = [...BACKUP_TABLES.map((n) => db.table(n)), db.meta, db.importRejects, db.importUndo];
  await db.transaction('rw', tables, async () => {
    if (mode === 'replace') {
      for (const table of BACKUP_TABLES) await db.table(table).clear();
      // Rejects and undo copies belong to import records the backup replaces.
      await db.importRejects.clear();
      await db.importUndo.clear();
    }
    for (const table of BACKUP_TABLES) {
      const rows = backup[table] as unknown[];
      if (rows.length > 0) await db.table(table).bulkPut(rows);
    }
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
