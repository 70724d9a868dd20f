import { notJson, parseBackup, validateBackup } from './backup';
import { decryptBackup, isEncryptedEnvelope } from './crypto';
import { BackupError } from './errors';
import {
  BACKUP_META,
  BACKUP_TABLES,
  type BackupFile,
  type BackupSection,
  backupKeyOf,
  metaKeysOf,
} from './format';

/**
 * Reads a backup file's text, decrypting it when it is an encrypted envelope, and validates it.
 * Throws BackupError (typed code) on any problem; never returns partial data.
 */
export async function readBackup(text: string, passphrase?: string): Promise<BackupFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw notJson(e);
  }
  if (!isEncryptedEnvelope(parsed)) return validateBackup(parsed);
  if (passphrase === undefined || passphrase === '') {
    throw new BackupError('passphrase-required', 'this backup is encrypted: enter its passphrase');
  }
  return parseBackup(await decryptBackup(parsed, passphrase));
}

export type RestoreMode = 'merge' | 'replace';

/** Keys of what the database holds now, per table and meta value (see `backupKeyOf`, `metaKeysOf`). */
export type CurrentKeys = Readonly<Record<BackupSection, ReadonlySet<string>>>;

export interface TablePlan {
  inBackup: number;
  /** Records whose key is not in the database: inserted. */
  add: number;
  /** Records whose key exists: overwritten with the backup's copy. */
  replace: number;
  /** Current records not in the backup: kept (merge) or deleted (replace). */
  keep: number;
  remove: number;
}

export interface RestorePlan {
  mode: RestoreMode;
  /** Per table, and per meta value (import presets by name; templates and lexicon as one each). */
  tables: Record<BackupSection, TablePlan>;
  /** Settings are always taken from the backup. */
  settings: 'replace';
}

/**
 * What a restore will do, for the confirmation screen. Merge: add new records, overwrite
 * records with the same key, keep the rest. Replace: the database becomes exactly the backup.
 */
export function planRestore(current: CurrentKeys, backup: BackupFile, mode: RestoreMode): RestorePlan {
  const tables = {} as Record<BackupSection, TablePlan>;
  const sections: ReadonlyArray<[BackupSection, string[]]> = [
    ...BACKUP_TABLES.map((table): [BackupSection, string[]] => [
      table,
      (backup[table] as unknown as Array<Record<string, unknown>>).map((r) => backupKeyOf(table, r)),
    ]),
    ...BACKUP_META.map((m): [BackupSection, string[]] => [m, metaKeysOf(m, backup)]),
  ];
  for (const [table, list] of sections) {
    const have = current[table];
    const keys = new Set(list);
    let replace = 0;
    for (const k of keys) if (have.has(k)) replace++;
    const notInBackup = have.size - replace;
    tables[table] = {
      inBackup: keys.size,
      add: keys.size - replace,
      replace,
      keep: mode === 'merge' ? notInBackup : 0,
      remove: mode === 'replace' ? notInBackup : 0,
    };
  }
  return { mode, tables, settings: 'replace' };
}
