import { afterEach, describe, expect, it } from 'vitest';
import {
  BuyerTiersDB,
  createTag,
  deleteTag,
  listTags,
  mergeTags,
  renameTag,
  restoreTag,
  saveNote,
  TagError,
  tagBuyers,
  tagsOfBuyers,
} from '@/core/store';

const dbs: BuyerTiersDB[] = [];
function freshDb() {
  const db = new BuyerTiersDB(`tags-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('tags', () => {
  it('creates, renames, merges, deletes and restores tags with their buyers', async () => {
    const db = freshDb();
    const vip = await createTag(db, '  VIP  ', undefined, 1);
    expect(vip.name).toBe('VIP');
    await expect(createTag(db, 'VIP', undefined, 2)).rejects.toBeInstanceOf(TagError);
    const ws = await createTag(db, 'wholesale', '#ff0000', 2);
    await tagBuyers(db, ['taobao:a', 'taobao:b'], vip.id, 3);
    await tagBuyers(db, ['taobao:b', 'taobao:c'], ws.id, 3);
    expect((await listTags(db)).map((t) => [t.name, t.buyers])).toEqual([
      ['VIP', 2],
      ['wholesale', 2],
    ]);
    await renameTag(db, ws.id, 'B2B');
    await expect(renameTag(db, ws.id, 'VIP')).rejects.toThrow(/already exists/);
    await mergeTags(db, ws.id, vip.id, 4);
    expect((await listTags(db)).map((t) => [t.name, t.buyers])).toEqual([['VIP', 3]]);
    const deleted = await deleteTag(db, vip.id);
    expect(deleted.links).toHaveLength(3);
    expect(await db.buyerTags.count()).toBe(0);
    await restoreTag(db, deleted);
    expect((await tagsOfBuyers(db, ['taobao:c'])).get('taobao:c')?.map((t) => t.name)).toEqual(['VIP']);
  });

  it('keeps both writes when two tabs tag the same buyer at once', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([createTag(db, 'a', undefined, 1), createTag(db, 'b', undefined, 1)]);
    await Promise.all([
      tagBuyers(db, ['taobao:x'], a.id, 2),
      tagBuyers(db, ['taobao:x'], b.id, 2),
      saveNote(db, 'taobao:x', 'first', 2),
    ]);
    expect((await tagsOfBuyers(db, ['taobao:x'])).get('taobao:x')?.map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('rejects empty and overlong names with a clear message', async () => {
    const db = freshDb();
    await expect(createTag(db, '   ', undefined, 1)).rejects.toThrow(/empty/);
    await expect(createTag(db, 'x'.repeat(41), undefined, 1)).rejects.toThrow(/40 characters/);
  });
});
