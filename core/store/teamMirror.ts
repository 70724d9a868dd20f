/**
 * The tables a team shares, as team sync sees them: which rows changed (told after each commit,
 * by Dexie hooks, so no handler has to remember to), every row (for the first sync), and writes
 * of what other members changed, in transactions marked as coming from the team so they are not
 * sent back.
 */
import type { IndexableType, Transaction } from 'dexie';
import type { BuyerTag, Note, Tag } from '../model';
import type { BuyerTiersDB } from './db';

export type SharedTable = 'tags' | 'buyerTags' | 'notes';

/** A shared row as it is after a commit: `row` undefined means it was deleted. */
export type SharedRowChange =
  | { table: 'tags'; key: string; row?: Tag }
  | { table: 'buyerTags'; key: [string, string]; row?: BuyerTag }
  | { table: 'notes'; key: string; row?: Note };

/** Transactions that carry other members' changes: their writes are not reported back. */
const FROM_TEAM = new WeakSet<object>();

type Key = string | [string, string];

/**
 * Calls `listener` after every committed transaction that changed shared rows, except the team's
 * own inbound writes, with each changed row as it is now. Returns a function that stops watching.
 */
export function watchSharedTables(
  db: BuyerTiersDB,
  listener: (changes: SharedRowChange[]) => void,
): () => void {
  const pending = new WeakMap<object, Map<SharedTable, Map<string, Key>>>();
  const stops: (() => void)[] = [];

  const record = (table: SharedTable, key: Key, trans: Transaction) => {
    if (FROM_TEAM.has(trans)) return;
    let byTable = pending.get(trans);
    if (!byTable) {
      byTable = new Map();
      pending.set(trans, byTable);
      const changed = byTable;
      trans.on('complete', () => {
        void readBack(db, changed).then(listener, () => {});
      });
    }
    let keys = byTable.get(table);
    if (!keys) {
      keys = new Map();
      byTable.set(table, keys);
    }
    keys.set(JSON.stringify(key), key);
  };

  for (const table of ['tags', 'buyerTags', 'notes'] as const) {
    const t = db.table(table);
    // The shared tables' keys are strings, or [buyerKey, tagId] for links.
    const creating = (key: IndexableType, _obj: unknown, trans: Transaction) => {
      record(table, key as Key, trans);
    };
    const updating = (_mods: object, key: IndexableType, _obj: unknown, trans: Transaction) => {
      record(table, key as Key, trans);
    };
    const deleting = (key: IndexableType, _obj: unknown, trans: Transaction) => {
      record(table, key as Key, trans);
    };
    t.hook('creating', creating);
    t.hook('updating', updating);
    t.hook('deleting', deleting);
    stops.push(() => {
      t.hook('creating').unsubscribe(creating);
      t.hook('updating').unsubscribe(updating);
      t.hook('deleting').unsubscribe(deleting);
    });
  }
  return () => {
    for (const stop of stops) stop();
  };
}

/** Reads the rows a transaction touched as they are after it committed. */
async function readBack(
  db: BuyerTiersDB,
  changed: Map<SharedTable, Map<string, Key>>,
): Promise<SharedRowChange[]> {
  const out: SharedRowChange[] = [];
  for (const [table, keys] of changed) {
    const list = [...keys.values()];
    if (table === 'tags') {
      const rows = await db.tags.bulkGet(list as string[]);
      for (const [i, key] of list.entries()) out.push({ table, key: key as string, row: rows[i] });
    } else if (table === 'buyerTags') {
      const rows = await db.buyerTags.bulkGet(list as [string, string][]);
      for (const [i, key] of list.entries()) out.push({ table, key: key as [string, string], row: rows[i] });
    } else {
      const rows = await db.notes.bulkGet(list as string[]);
      for (const [i, key] of list.entries()) out.push({ table, key: key as string, row: rows[i] });
    }
  }
  return out;
}

export interface SharedRows {
  tags: Tag[];
  buyerTags: BuyerTag[];
  notes: Note[];
}

/** Every shared row, for the first sync after joining. */
export async function sharedRows(db: BuyerTiersDB): Promise<SharedRows> {
  return db.transaction('r', db.tags, db.buyerTags, db.notes, async () => ({
    tags: await db.tags.toArray(),
    buyerTags: await db.buyerTags.toArray(),
    notes: await db.notes.toArray(),
  }));
}

/** Other members' changes to apply locally, as puts and deletes per table. */
export interface InboundChanges {
  tags?: { put: Tag[]; del: string[] };
  buyerTags?: { put: BuyerTag[]; del: [string, string][] };
  notes?: { put: Note[]; del: string[] };
}

/**
 * Writes other members' changes in one transaction marked as the team's. A remote tag whose name
 * a different local tag already has takes that tag's place: the local tag's links move to the
 * remote id (those moves are ours to share, so they happen in a normal transaction first).
 */
export async function applyInbound(db: BuyerTiersDB, changes: InboundChanges): Promise<void> {
  const remoteTags = changes.tags?.put ?? [];
  if (remoteTags.length > 0) await adoptSameNamedTags(db, remoteTags);
  await db.transaction('rw', db.tags, db.buyerTags, db.notes, async (tx) => {
    FROM_TEAM.add(tx);
    if (changes.tags) {
      await db.tags.bulkDelete(changes.tags.del);
      await db.tags.bulkPut(changes.tags.put);
    }
    if (changes.buyerTags) {
      await db.buyerTags.bulkDelete(changes.buyerTags.del);
      await db.buyerTags.bulkPut(changes.buyerTags.put);
    }
    if (changes.notes) {
      await db.notes.bulkDelete(changes.notes.del);
      await db.notes.bulkPut(changes.notes.put);
    }
  });
}

async function adoptSameNamedTags(db: BuyerTiersDB, remote: readonly Tag[]): Promise<void> {
  await db.transaction('rw', db.tags, db.buyerTags, async () => {
    for (const tag of remote) {
      const local = await db.tags.where('name').equals(tag.name).first();
      if (!local || local.id === tag.id) continue;
      const links = await db.buyerTags.where('tagId').equals(local.id).toArray();
      await db.buyerTags.where('tagId').equals(local.id).delete();
      await db.tags.delete(local.id);
      await db.tags.put(tag);
      await db.buyerTags.bulkPut(links.map((l) => ({ ...l, tagId: tag.id })));
    }
  });
}
