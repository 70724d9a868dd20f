/**
 * Every released schema version, oldest first. Never edit a released entry: add a new one with
 * an upgrade function, and add its fixture to the migration test (tests/unit/store/migration).
 *
 * Indexes serve what the UI asks: buyers by platform, segment, tier, lifecycle and last order;
 * orders by buyer and date and by import; tag links both ways; class changes by time.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      buyers: 'key, platform, segment, tier, lifecycle',
      orders: 'key, buyerKey, placedAt, [buyerKey+placedAt], importId',
      tags: 'id, &name',
      buyerTags: '[buyerKey+tagId], buyerKey, tagId',
      notes: 'buyerKey',
      classChanges: '++id, buyerKey, at',
      imports: 'id, startedAt, status',
      meta: 'key',
    },
  },
  {
    // v2: buyers get an indexed top-level `lastOrderAt` (copied from the aggregate) for
    // "recently active" filters and sorting; teach-mode rules and selector health get tables.
    version: 2,
    stores: {
      buyers: 'key, platform, segment, tier, lifecycle, lastOrderAt',
      classChanges: '++id, buyerKey, at, [dimension+at]',
      siteRules: 'id, origin',
      selectorHealth: 'site',
    },
    upgrade: async (tx) => {
      await tx
        .table('buyers')
        .toCollection()
        .modify((b: { lastOrderAt?: number; agg?: { lastOrderAt?: number } }) => {
          b.lastOrderAt = b.agg?.lastOrderAt ?? 0;
        });
    },
  },
  {
    // v3: resumable, discardable imports. Every rejected row of an import (a file can reject
    // millions; the import record keeps only a preview), and the previous version of each order
    // an import replaced, so discarding the import can put it back.
    version: 3,
    stores: {
      importRejects: '++id, importId',
      importUndo: '[importId+key], importId',
    },
  },
  {
    // v4: needs read from conversations, one row per buyer (counts and dates only, never text;
    // see core/needs/record.ts). No upgrade: the table starts empty.
    version: 4,
    stores: {
      needs: 'buyerKey',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
