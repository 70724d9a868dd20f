import { z } from 'zod';
import {
  Buyer,
  BuyerTag,
  ClassChange,
  EpochMs,
  ImportRecord,
  Note,
  Order,
  type Settings,
  Tag,
} from '../model';

export const BACKUP_FORMAT = 'buyer-tiers-backup';
export const BACKUP_VERSION = 1;

/** Tables in a backup, in restore order (tags before the buyer-tag links that use them). */
export const BACKUP_TABLES = [
  'buyers',
  'orders',
  'tags',
  'buyerTags',
  'notes',
  'classChanges',
  'imports',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const TABLE_SCHEMAS = {
  buyers: Buyer,
  orders: Order,
  tags: Tag,
  buyerTags: BuyerTag,
  notes: Note,
  classChanges: ClassChange,
  imports: ImportRecord,
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
}

export interface BackupFile extends BackupData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: number;
}

/** The envelope's header, checked before any record is looked at. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: EpochMs,
});

/**
 * Primary key of a record per table, as the store keys it. The background computes the keys
 * of its current data with this too, so `planRestore` compares like with like.
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
      return String(record.buyerKey);
    case 'classChanges':
      return record.id !== undefined
        ? String(record.id)
        : `${String(record.buyerKey)}|${String(record.dimension)}|${String(record.at)}`;
  }
}
