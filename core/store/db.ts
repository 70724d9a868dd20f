import Dexie, { type Table } from 'dexie';
import type { Buyer, BuyerTag, ClassChange, ImportRecord, Note, Order, Tag } from '../model';
import type { NeedsRecord } from '../needs/record';
import type { FieldCounts } from '../sites/fieldHealth';
import { SCHEMA_VERSIONS } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SelectorHealthRow {
  site: string;
  misses: number;
  hits: number;
  lastMissAt?: number;
  lastMissUrl?: string;
  /** Which strategy read each field, summed over pages (core/sites/fieldHealth.ts). */
  fields?: FieldCounts;
  fieldsAt?: number;
}

export interface SiteRuleRow {
  id: string;
  origin: string;
  [field: string]: unknown;
}

/** One rejected row of an import (schema v3). */
export interface ImportRejectRow {
  id?: number;
  importId: string;
  line: number;
  field?: string;
  reason: string;
}

/** An order as it was before an import replaced it (schema v3). */
export interface ImportUndoRow {
  importId: string;
  key: string;
  order: Order;
}

export const DEFAULT_DB_NAME = 'buyer-tiers';

export class BuyerTiersDB extends Dexie {
  buyers!: Table<Buyer, string>;
  orders!: Table<Order, string>;
  tags!: Table<Tag, string>;
  buyerTags!: Table<BuyerTag, [string, string]>;
  notes!: Table<Note, string>;
  classChanges!: Table<ClassChange, number>;
  imports!: Table<ImportRecord, string>;
  meta!: Table<MetaRow, string>;
  siteRules!: Table<SiteRuleRow, string>;
  selectorHealth!: Table<SelectorHealthRow, string>;
  importRejects!: Table<ImportRejectRow, number>;
  importUndo!: Table<ImportUndoRow, [string, string]>;
  needs!: Table<NeedsRecord, string>;

  constructor(name = DEFAULT_DB_NAME, upTo = Number.POSITIVE_INFINITY) {
    // Relaxed durability: a transaction counts as committed once the OS has its writes, without
    // waiting for them to reach the disk. What it risks is the last transactions before a power
    // cut, never a half transaction (atomicity stays); what it buys is the flush per
    // transaction, which an import of a big file pays hundreds of times.
    super(name, { chromeTransactionDurability: 'relaxed' });
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

export class StoreOpenError extends Error {
  constructor(cause: unknown) {
    super(
      `The Buyer Tiers database could not be opened (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Your data has not been changed; close other Buyer Tiers tabs and reload the extension.',
    );
    this.name = 'StoreOpenError';
  }
}

/** Opens the database, turning Dexie's low-level failures into one clear error. */
export async function openStore(name = DEFAULT_DB_NAME): Promise<BuyerTiersDB> {
  const db = new BuyerTiersDB(name);
  try {
    await db.open();
  } catch (e) {
    throw new StoreOpenError(e);
  }
  return db;
}
