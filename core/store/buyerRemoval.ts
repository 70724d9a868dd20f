import type { BuyerTiersDB } from './db';

/**
 * Removes the buyers among `keys` that nothing keeps any more: no orders left, no tag, no note
 * and no needs read from their chats (they existed only because of an import, or only as a
 * file's second handle for a known buyer). Their class history goes with them, so no row is left
 * pointing at a buyer that is gone; a buyer with needs stays, order-less, as chat prospects do. Runs
 * inside the caller's transaction, which must include buyers, buyerTags, notes, classChanges
 * and needs. Returns the keys removed.
 */
export async function removeEmptyBuyers(db: BuyerTiersDB, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const buyers = await db.buyers.bulkGet([...keys]);
  const empty = buyers.flatMap((b) => (b && b.agg.orders === 0 ? [b.key] : []));
  if (empty.length === 0) return [];
  const [tagged, notes, needs] = await Promise.all([
    db.buyerTags.where('buyerKey').anyOf(empty).toArray(),
    db.notes.bulkGet(empty),
    db.needs.bulkGet(empty),
  ]);
  const keep = new Set([
    ...tagged.map((x) => x.buyerKey),
    ...empty.filter((_, i) => notes[i] !== undefined || needs[i] !== undefined),
  ]);
  const gone = empty.filter((k) => !keep.has(k));
  await db.buyers.bulkDelete(gone);
  await db.classChanges.where('buyerKey').anyOf(gone).delete();
  return gone;
}
