import { z } from 'zod';
import { SavedPreset } from '../import/mapping';
import {
  Buyer,
  BuyerTag,
  ClassChange,
  EpochMs,
  ImportRecord,
  Note,
  Order,
  RejectedRow,
  type Settings,
  Tag,
} from '../model';
import { Lexicon, NeedsRecord } from '../needs';
import { type ActionTemplate, ActionTemplates } from '../scoring/actions';
import { CustomRule } from '../sites/customRule';
import { FieldCountsSchema } from '../sites/fieldCountsSchema';

export const BACKUP_FORMAT = 'buyer-tiers-backup';
/**
 * v2 adds taught site rules, selector health, needs records, import rejects, saved import
 * presets, action templates and the needs lexicon. v1 files are still read (those sections empty).
 */
export const BACKUP_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Tables of a version-1 backup, in restore order (tags before the buyer-tag links that use them). */
export const V1_TABLES = [
  'buyers',
  'orders',
  'tags',
  'buyerTags',
  'notes',
  'classChanges',
  'imports',
] as const;

/** Database tables in a backup, in restore order. */
export const BACKUP_TABLES = [...V1_TABLES, 'siteRules', 'selectorHealth', 'needs', 'importRejects'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Values kept in `db.meta` that a backup carries (settings aside), each with its own schema. */
export const BACKUP_META = ['importPresets', 'actionTemplates', 'needsLexicon'] as const;
export type BackupMeta = (typeof BACKUP_META)[number];

/** Everything a restore plan counts: tables, then meta values. */
export const BACKUP_SECTIONS = [...BACKUP_TABLES, ...BACKUP_META] as const;
export type BackupSection = (typeof BACKUP_SECTIONS)[number];

/**
 * The `db.meta` keys of those values. They must match their owners: import presets in
 * core/background/importHandlers.ts, templates in core/store/templates.ts, the lexicon in
 * core/store/needs.ts (tests/unit/backup round-trips through all three).
 */
export const META_KEYS: Readonly<Record<BackupMeta, string>> = {
  importPresets: 'importPresets',
  actionTemplates: 'actionTemplates',
  needsLexicon: 'needs.lexicon',
};

/** A selector-health row (core/background/handlers.ts `reportSelectorHealth` writes them). */
export const SelectorHealthRecord = z.object({
  site: z.string().min(1).max(100),
  misses: z.number().int().nonnegative(),
  hits: z.number().int().nonnegative(),
  lastMissAt: EpochMs.optional(),
  lastMissUrl: z.string().max(2000).optional(),
  fields: FieldCountsSchema.optional(),
  fieldsAt: EpochMs.optional(),
});

/** One rejected import row (table `importRejects`); `id` is the table's own counter. */
export const ImportRejectRecord = RejectedRow.extend({
  id: z.number().int().positive().optional(),
  importId: z.string().min(1).max(100),
});

export const TABLE_SCHEMAS = {
  buyers: Buyer,
  orders: Order,
  tags: Tag,
  buyerTags: BuyerTag,
  notes: Note,
  classChanges: ClassChange,
  imports: ImportRecord,
  siteRules: CustomRule,
  selectorHealth: SelectorHealthRecord,
  needs: NeedsRecord,
  importRejects: ImportRejectRecord,
} as const;

export interface BackupData {
  settings: Settings;
  buyers: Buyer[];
  orders: Order[];
  tags: Tag[];
  buyerTags: BuyerTag[];
  notes: Note[];
  classChanges: ClassChange[];
  imports: ImportRecord[];
  siteRules: CustomRule[];
  selectorHealth: Array<z.infer<typeof SelectorHealthRecord>>;
  needs: NeedsRecord[];
  importRejects: Array<z.infer<typeof ImportRejectRecord>>;
  importPresets: SavedPreset[];
  /** `null` when the seller never edited them (the defaults apply). */
  actionTemplates: ActionTemplate[] | null;
  needsLexicon: Lexicon | null;
}

/** Sections added in v2; optional when building a backup (absent means empty). */
type V2Section = Exclude<BackupSection, (typeof V1_TABLES)[number]>;
export type BackupInput = Omit<BackupData, V2Section> & Partial<Pick<BackupData, V2Section>>;

export interface BackupFile extends BackupData {
  format: typeof BACKUP_FORMAT;
  /** Always the current version: an older file is read into the current shape. */
  version: typeof BACKUP_VERSION;
  createdAt: number;
}

/** The envelope's header, checked before any record is looked at. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: EpochMs,
});

/** Schemas of the meta values; import presets are checked one by one like table records. */
export const META_SCHEMAS = {
  importPresets: SavedPreset,
  actionTemplates: ActionTemplates,
  needsLexicon: Lexicon,
} as const;

/**
 * Key of a record per table, as a restore matches records: the store's primary key, except
 * site rules (one per origin) and import rejects (an import's line, as their ids are local
 * counters). The background computes the keys of its current data with this too, so
 * `planRestore` compares like with like.
 */
export function backupKeyOf(table: BackupTable, record: Record<string, unknown>): string {
  switch (table) {
    case 'buyers':
    case 'orders':
      return String(record.key);
    case 'tags':
    case 'imports':
      return String(record.id);
    case 'buyerTags':
      return `${String(record.buyerKey)}|${String(record.tagId)}`;
    case 'notes':
    case 'needs':
      return String(record.buyerKey);
    case 'classChanges':
      return record.id !== undefined
        ? String(record.id)
        : `${String(record.buyerKey)}|${String(record.dimension)}|${String(record.at)}`;
    case 'siteRules':
      return String(record.origin);
    case 'selectorHealth':
      return String(record.site);
    case 'importRejects':
      return `${String(record.importId)}|${String(record.line)}`;
  }
}

/** Keys of a backup's meta value, as `planRestore` counts it: presets by name, others as one. */
export function metaKeysOf(section: BackupMeta, backup: Pick<BackupData, BackupMeta>): string[] {
  if (section === 'importPresets') return backup.importPresets.map((p) => p.name);
  return backup[section] === null ? [] : [META_KEYS[section]];
}
