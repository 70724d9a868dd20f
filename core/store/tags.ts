import { type BuyerTag, type Tag, TagColor, TagName, Tag as TagSchema } from '../model';
import { rowsWhereAnyOf } from './anyOf';
import type { BuyerTiersDB } from './db';

export class TagError extends Error {
  constructor(
    readonly code: 'tag-not-found' | 'tag-name-taken' | 'invalid-tag',
    message: string,
  ) {
    super(message);
    this.name = 'TagError';
  }
}

export interface TagWithCount extends Tag {
  buyers: number;
}

const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

function newTagId(): string {
  return `t_${globalThis.crypto.randomUUID()}`;
}

async function assertNameFree(db: BuyerTiersDB, name: string, exceptId?: string): Promise<void> {
  const clash = await db.tags.where('name').equals(name).first();
  if (clash && clash.id !== exceptId)
    throw new TagError('tag-name-taken', `A tag named "${name}" already exists.`);
}

export async function createTag(
  db: BuyerTiersDB,
  rawName: string,
  color: string | undefined,
  now: number,
): Promise<Tag> {
  const name = TagName.parse(rawName);
  return db.transaction('rw', db.tags, async () => {
    await assertNameFree(db, name);
    const count = await db.tags.count();
    const tag = TagSchema.parse({
      id: newTagId(),
      name,
      color: color ?? PALETTE[count % PALETTE.length],
      createdAt: now,
    });
    await db.tags.add(tag);
    return tag;
  });
}

async function requireTag(db: BuyerTiersDB, id: string): Promise<Tag> {
  const tag = await db.tags.get(id);
  if (!tag) throw new TagError('tag-not-found', `No tag with id ${id}.`);
  return tag;
}

export async function renameTag(db: BuyerTiersDB, id: string, rawName: string): Promise<Tag> {
  const name = TagName.parse(rawName);
  return db.transaction('rw', db.tags, async () => {
    const tag = await requireTag(db, id);
    await assertNameFree(db, name, id);
    const next = { ...tag, name };
    await db.tags.put(next);
    return next;
  });
}

export async function recolorTag(db: BuyerTiersDB, id: string, color: string): Promise<Tag> {
  const c = TagColor.parse(color);
  return db.transaction('rw', db.tags, async () => {
    const next = { ...(await requireTag(db, id)), color: c };
    await db.tags.put(next);
    return next;
  });
}

export async function listTags(db: BuyerTiersDB): Promise<TagWithCount[]> {
  const tags = await db.tags.orderBy('name').toArray();
  const counts = await Promise.all(tags.map((t) => db.buyerTags.where('tagId').equals(t.id).count()));
  return tags.map((t, i) => ({ ...t, buyers: counts[i] }));
}

/** What a deleted tag took with it, so the UI can offer undo. */
export interface DeletedTag {
  tag: Tag;
  links: BuyerTag[];
}

export async function deleteTag(db: BuyerTiersDB, id: string): Promise<DeletedTag> {
  return db.transaction('rw', db.tags, db.buyerTags, async () => {
    const tag = await requireTag(db, id);
    const links = await db.buyerTags.where('tagId').equals(id).toArray();
    await db.buyerTags.where('tagId').equals(id).delete();
    await db.tags.delete(id);
    return { tag, links };
  });
}

export async function restoreTag(db: BuyerTiersDB, deleted: DeletedTag): Promise<void> {
  await db.transaction('rw', db.tags, db.buyerTags, async () => {
    await assertNameFree(db, deleted.tag.name, deleted.tag.id);
    await db.tags.put(deleted.tag);
    await db.buyerTags.bulkPut(deleted.links);
  });
}

/** Moves every buyer of `fromId` onto `intoId` and deletes `fromId`. */
export async function mergeTags(db: BuyerTiersDB, fromId: string, intoId: string, now: number): Promise<Tag> {
  if (fromId === intoId) throw new TagError('invalid-tag', 'A tag cannot be merged into itself.');
  return db.transaction('rw', db.tags, db.buyerTags, async () => {
    await requireTag(db, fromId);
    const into = await requireTag(db, intoId);
    const links = await db.buyerTags.where('tagId').equals(fromId).toArray();
    await db.buyerTags.bulkPut(links.map((l) => ({ buyerKey: l.buyerKey, tagId: intoId, at: now })));
    await db.buyerTags.where('tagId').equals(fromId).delete();
    await db.tags.delete(fromId);
    return into;
  });
}

export async function tagBuyers(
  db: BuyerTiersDB,
  buyerKeys: readonly string[],
  tagId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.tags, db.buyerTags, async () => {
    await requireTag(db, tagId);
    await db.buyerTags.bulkPut(buyerKeys.map((buyerKey) => ({ buyerKey, tagId, at: now })));
  });
}

export async function untagBuyers(
  db: BuyerTiersDB,
  buyerKeys: readonly string[],
  tagId: string,
): Promise<void> {
  await db.buyerTags.bulkDelete(buyerKeys.map((k) => [k, tagId] as [string, string]));
}

/**
 * Tag links of `buyerKeys`. When the whole link table is small next to the request, one read of
 * it is cheaper than one query per buyer (a screenful of badges asks for hundreds at once).
 */
async function linksOf(db: BuyerTiersDB, buyerKeys: readonly string[]) {
  if ((await db.buyerTags.count()) > 4 * buyerKeys.length)
    return rowsWhereAnyOf(db.buyerTags, 'buyerKey', buyerKeys);
  const wanted = new Set(buyerKeys);
  return (await db.buyerTags.toArray()).filter((l) => wanted.has(l.buyerKey));
}

export async function tagsOfBuyers(
  db: BuyerTiersDB,
  buyerKeys: readonly string[],
): Promise<Map<string, Tag[]>> {
  const [links, tags] = await Promise.all([linksOf(db, buyerKeys), db.tags.toArray()]);
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const out = new Map<string, Tag[]>();
  for (const l of links) {
    const t = tagById.get(l.tagId);
    if (!t) continue;
    const list = out.get(l.buyerKey);
    if (list) list.push(t);
    else out.set(l.buyerKey, [t]);
  }
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

export async function buyersWithTag(db: BuyerTiersDB, tagId: string): Promise<string[]> {
  return (await db.buyerTags.where('tagId').equals(tagId).toArray()).map((l) => l.buyerKey);
}
