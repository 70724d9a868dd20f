/** The store side of team sync: changed shared rows are reported after commit, inbound writes are not. */
import { afterEach, describe, expect, it } from 'vitest';
import { BuyerTiersDB, createTag, saveNote, tagBuyers, untagBuyers } from '../../../core/store';
import { applyInbound, type SharedRowChange, watchSharedTables } from '../../../core/store/teamMirror';

let n = 0;
const dbs: BuyerTiersDB[] = [];
async function freshDb(): Promise<BuyerTiersDB> {
  const db = new BuyerTiersDB(`team-mirror-${n++}-${Date.now()}`);
  await db.open();
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function collect(db: BuyerTiersDB, act: () => Promise<unknown>): Promise<SharedRowChange[]> {
  const seen: SharedRowChange[] = [];
  const stop = watchSharedTables(db, (c) => seen.push(...c));
  await act();
  await new Promise((r) => setTimeout(r, 50));
  stop();
  return seen;
}

describe('watchSharedTables', () => {
  it('reports created, changed and deleted rows as they are after the commit', async () => {
    const db = await freshDb();
    const seen = await collect(db, async () => {
      const tag = await createTag(db, 'VIP', '#ff0000', 1);
      await tagBuyers(db, ['taobao:a', 'taobao:b'], tag.id, 2);
      await untagBuyers(db, ['taobao:a'], tag.id);
      await saveNote(db, 'taobao:a', 'likes red', 3);
    });
    expect(seen.filter((c) => c.table === 'tags').map((c) => c.row?.name)).toEqual(['VIP']);
    const links = seen.filter((c) => c.table === 'buyerTags');
    expect(links.map((c) => [c.key[0], c.row !== undefined])).toEqual([
      ['taobao:a', true],
      ['taobao:b', true],
      ['taobao:a', false],
    ]);
    expect(seen.find((c) => c.table === 'notes')?.row?.text).toBe('likes red');
  });

  it('does not report the team’s own inbound writes, and adopts a remote tag with a local tag’s name', async () => {
    const db = await freshDb();
    const local = await createTag(db, 'VIP', '#ff0000', 1);
    await tagBuyers(db, ['taobao:a'], local.id, 2);
    const seen = await collect(db, () =>
      applyInbound(db, {
        tags: { put: [{ id: 'remote-vip', name: 'VIP', color: '#00ff00', createdAt: 5 }], del: [] },
        notes: { put: [{ buyerKey: 'taobao:b', text: 'from Li', updatedAt: 6 }], del: [] },
      }),
    );
    expect(await db.tags.toArray()).toEqual([
      { id: 'remote-vip', name: 'VIP', color: '#00ff00', createdAt: 5 },
    ]);
    expect((await db.buyerTags.toArray()).map((l) => l.tagId)).toEqual(['remote-vip']);
    expect((await db.notes.get('taobao:b'))?.text).toBe('from Li');
    // Only the adoption (our own tag's links moving) is ours to share; the inbound note is not.
    expect(seen.some((c) => c.table === 'notes')).toBe(false);
    expect(seen.some((c) => c.table === 'buyerTags' && c.row?.tagId === 'remote-vip')).toBe(true);
  });
});
