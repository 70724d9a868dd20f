import {
  BackupError,
  type BackupFile,
  createBackup,
  encryptBackup,
  mergeTagsByName,
  PASSPHRASE_PROBLEM_TEXT,
  passphraseProblem,
  planRestore,
  type RestoreMode,
  readBackup,
  serializeBackup,
} from '../backup';
import { exportFileName } from '../export';
import type { BuyerTiersDB } from '../store';
import { currentBackupKeys, readBackupData, restoreBackupData, tagsForMerge } from '../store/backupData';
import { aggregateContextOf, type ServiceDeps, type SettingsCache } from './context';
import { HandlerError, type Handlers } from './router';
import { browserTeachPlatform, syncStoredRuleScripts } from './ruleScripts';

export type BackupHandlerName = 'createBackup' | 'planRestore' | 'applyRestore';

/**
 * Whole-database backup and restore. The passphrase only ever lives in the message being
 * handled: it derives the key and is dropped. A restore validates every record first (any bad
 * record fails the whole restore with its table, index and field named), then the store writes
 * everything in ONE read-write transaction (restoreBackupData) — replace clears and refills inside
 * it — so a failure leaves the database exactly as it was.
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
    mode === 'merge' ? mergeTagsByName(backup, await tagsForMerge(db)) : backup;

  return {
    async createBackup({ passphrase }) {
      // Refused before any work: a weak passphrase would protect nothing once the file is out.
      const weak = passphrase ? passphraseProblem(passphrase) : undefined;
      if (weak) throw new HandlerError('invalid-message', PASSPHRASE_PROBLEM_TEXT[weak]);
      const data = await readBackupData(db, deps.browserLanguage);
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
      return planRestore(await currentBackupKeys(db), backup, mode);
    },

    async applyRestore({ content, passphrase, mode }) {
      await deps.team?.assertNotInTeam('restoring a backup here');
      const backup = await fitted(await read(content, passphrase), mode);
      const plan = planRestore(await currentBackupKeys(db), backup, mode);
      await restoreBackupData(db, backup, mode, aggregateContextOf(backup.settings), now());
      // After the commit: the cache then never holds settings the database does not.
      await settings.save(backup.settings);
      // Restored rules get their content scripts (where their origin is granted on this machine);
      // a failure here leaves the data restored and is retried by the next startup's sync.
      await syncRules(db).catch((e: unknown) =>
        console.warn('[Buyer Tiers] could not register restored teach-mode scripts:', e),
      );
      // Its end is announced by the rescorer, as every full rescore's is.
      void deps.rescorer.full().catch(() => {});
      return { plan };
    },
  };
}
