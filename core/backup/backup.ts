import { Settings } from '../model';
import { BackupError, type RecordIssue } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupData,
  type BackupFile,
  BackupHeader,
  TABLE_SCHEMAS,
} from './format';

/** Stamps the data as a version-1 backup (the caller serialises it with `JSON.stringify`). */
export function createBackup(data: BackupData, createdAt: number): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, ...data };
}

export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup);
}

/** Stop collecting after this many bad records: the message must stay readable. */
const MAX_ISSUES = 20;

/**
 * A real backup nests about six levels (file → table → record → aggregate → day list → pair).
 * Anything far deeper is hostile or broken: it would pass the `unknown`-typed fields of a record
 * and then overflow the stack when the browser clones it into IndexedDB or a later backup
 * stringifies it. Checked without recursion, so the check itself cannot overflow.
 */
export const MAX_BACKUP_DEPTH = 64;

function deeperThan(root: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Validates a parsed backup record by record. Any bad record fails the whole restore, with
 * errors naming the table, index and field, so a half-valid file is never partly restored.
 */
export function validateBackup(input: unknown): BackupFile {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BackupError('not-a-backup', 'this file is not a Buyer Tiers backup');
  }
  if (deeperThan(input, MAX_BACKUP_DEPTH)) {
    throw new BackupError(
      'not-a-backup',
      `this file nests data more than ${MAX_BACKUP_DEPTH} levels deep, which no Buyer Tiers backup does`,
    );
  }
  const obj = input as Record<string, unknown>;
  const header = BackupHeader.safeParse(obj);
  if (!header.success) {
    if (obj.format !== BACKUP_FORMAT)
      throw new BackupError('not-a-backup', 'this file is not a Buyer Tiers backup');
    throw new BackupError('not-a-backup', `backup header: ${header.error.issues[0].message}`);
  }
  if (header.data.version !== BACKUP_VERSION) {
    throw new BackupError(
      'unsupported-version',
      `backup version ${header.data.version} is not supported (this version reads version ${BACKUP_VERSION})`,
    );
  }
  const issues: RecordIssue[] = [];
  const settings = Settings.safeParse(obj.settings);
  if (!settings.success) {
    const i = settings.error.issues[0];
    issues.push({ table: 'settings', path: i.path.join('.'), message: i.message });
  }
  const tables: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) {
    const records = obj[table];
    if (!Array.isArray(records)) {
      issues.push({ table, path: '', message: 'missing or not a list' });
      continue;
    }
    const schema = TABLE_SCHEMAS[table];
    const out: unknown[] = new Array(records.length);
    for (let index = 0; index < records.length && issues.length < MAX_ISSUES; index++) {
      const r = schema.safeParse(records[index]);
      if (r.success) out[index] = r.data;
      else {
        const i = r.error.issues[0];
        issues.push({ table, index, path: i.path.join('.'), message: i.message });
      }
    }
    tables[table] = out;
  }
  if (issues.length > 0) {
    const first = issues[0];
    const where = first.index === undefined ? first.table : `${first.table}[${first.index}]`;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new BackupError(
      'invalid-record',
      `backup is invalid: ${where}${first.path ? `.${first.path}` : ''}: ${first.message}${more}`,
      issues,
    );
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: header.data.createdAt,
    settings: settings.data!,
    ...(tables as unknown as Omit<BackupData, 'settings'>),
  };
}

/** Parses backup JSON text (plain, not encrypted) and validates it. */
export function parseBackup(text: string): BackupFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw notJson(e);
  }
  return validateBackup(parsed);
}

/** The error for text JSON.parse refused; a RangeError means nesting too deep for the parser. */
export function notJson(e: unknown): BackupError {
  return e instanceof RangeError
    ? new BackupError('not-json', 'the file is nested too deeply to read; it is not a Buyer Tiers backup')
    : new BackupError('not-json', 'the file is not valid JSON (truncated or not a backup?)');
}
