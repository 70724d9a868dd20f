import { Settings } from '../model';
import { BackupError, type RecordIssue } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupData,
  type BackupFile,
  BackupHeader,
  type BackupInput,
  META_SCHEMAS,
  READABLE_VERSIONS,
  TABLE_SCHEMAS,
  V1_TABLES,
} from './format';

/**
 * Stamps the data as a current-version backup (the caller serialises it with `JSON.stringify`).
 * Sections added in version 2 default to empty.
 */
export function createBackup(data: BackupInput, createdAt: number): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    ...data,
    siteRules: data.siteRules ?? [],
    selectorHealth: data.selectorHealth ?? [],
    needs: data.needs ?? [],
    importRejects: data.importRejects ?? [],
    importPresets: data.importPresets ?? [],
    actionTemplates: data.actionTemplates ?? null,
    needsLexicon: data.needsLexicon ?? null,
  };
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
  const version = header.data.version;
  if (!READABLE_VERSIONS.includes(version)) {
    throw new BackupError(
      'unsupported-version',
      `backup version ${version} is not supported (this version reads versions ${READABLE_VERSIONS.join(' and ')})`,
    );
  }
  const issues: RecordIssue[] = [];
  const settings = Settings.safeParse(obj.settings);
  if (!settings.success) {
    const i = settings.error.issues[0];
    issues.push({ table: 'settings', path: i.path.join('.'), message: i.message });
  }
  const tables: Record<string, unknown> = {};
  // A version-1 file has none of the later tables: they restore as empty.
  const present: readonly string[] = version === 1 ? V1_TABLES : BACKUP_TABLES;
  for (const table of BACKUP_TABLES) {
    if (!present.includes(table)) {
      tables[table] = [];
      continue;
    }
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
  // Meta values (v2): import presets record by record; templates and lexicon whole (null = defaults).
  if (version === 1) {
    tables.importPresets = [];
    tables.actionTemplates = null;
    tables.needsLexicon = null;
  } else {
    const presets = obj.importPresets;
    if (!Array.isArray(presets))
      issues.push({ table: 'importPresets', path: '', message: 'missing or not a list' });
    else {
      const out: unknown[] = new Array(presets.length);
      for (let index = 0; index < presets.length && issues.length < MAX_ISSUES; index++) {
        const r = META_SCHEMAS.importPresets.safeParse(presets[index]);
        if (r.success) out[index] = r.data;
        else {
          const i = r.error.issues[0];
          issues.push({ table: 'importPresets', index, path: i.path.join('.'), message: i.message });
        }
      }
      tables.importPresets = out;
    }
    for (const section of ['actionTemplates', 'needsLexicon'] as const) {
      const value = obj[section];
      if (value === null) {
        tables[section] = null;
        continue;
      }
      const r = META_SCHEMAS[section].safeParse(value);
      if (r.success) tables[section] = r.data;
      else {
        const i = r.error.issues[0];
        // Templates are a list: name the template's index like a table record's.
        const [head, ...rest] = i.path;
        if (section === 'actionTemplates' && typeof head === 'number')
          issues.push({ table: section, index: head, path: rest.join('.'), message: i.message });
        else issues.push({ table: section, path: i.path.join('.'), message: i.message });
      }
    }
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
