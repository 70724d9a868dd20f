import type { Buyer, BuyerTag, Note, Tag } from '../model';
import type { BuyerTiersDB } from './db';
import { buyersWithTag } from './tags';

/*
 * What an export reads: candidate buyers from the most selective index, the tags and their
 * links (to name each row's tags and to filter by tag), and the buyers' notes. Which candidates
 * survive the criteria, and how rows look, is decided outside the store.
 */

/** The criteria an export can narrow by through an index; the first one given is used. */
export interface ExportPick {
  buyerKeys?: readonly string[];
  tagId?: string;
  tier?: string;
  segment?: string;
}

/**
 * Candidates for an export: explicit keys, a tag's buyers, a tier, a segment, else everyone.
 * Only the most selective criterion is read here; the caller applies every criterion after.
 * Keys of forgotten buyers come back as undefined.
 */
export async function exportCandidates(
  db: BuyerTiersDB,
  pick: ExportPick,
): Promise<Array<Buyer | undefined>> {
  if (pick.buyerKeys) return db.buyers.bulkGet([...pick.buyerKeys]);
  if (pick.tagId) return db.buyers.bulkGet(await buyersWithTag(db, pick.tagId));
  if (pick.tier) return db.buyers.where('tier').equals(pick.tier).toArray();
  if (pick.segment) return db.buyers.where('segment').equals(pick.segment).toArray();
  return db.buyers.toArray();
}

/** Every tag and every buyer-tag link, read side by side. */
export async function tagsAndLinks(db: BuyerTiersDB): Promise<{ tags: Tag[]; links: BuyerTag[] }> {
  const [tags, links] = await Promise.all([db.tags.toArray(), db.buyerTags.toArray()]);
  return { tags, links };
}

/** The notes of `keys`, in the same order (undefined where a buyer has none). */
export async function notesOf(db: BuyerTiersDB, keys: readonly string[]): Promise<Array<Note | undefined>> {
  return db.notes.bulkGet([...keys]);
}
