import type { BuyerTiersDB } from './db';

/**
 * Tag ids per buyer key, for the buyer index's rows: of `keys` when given (one indexed read),
 * else of every buyer (one read of the whole link table).
 */
export async function tagIdsByBuyer(
  db: BuyerTiersDB,
  keys?: readonly string[],
): Promise<Map<string, string[]>> {
  const links = keys
    ? await db.buyerTags
        .where('buyerKey')
        .anyOf([...keys])
        .toArray()
    : await db.buyerTags.toArray();
  const out = new Map<string, string[]>();
  for (const l of links) {
    const list = out.get(l.buyerKey);
    if (list) list.push(l.tagId);
    else out.set(l.buyerKey, [l.tagId]);
  }
  return out;
}
