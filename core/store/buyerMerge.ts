import { type Buyer, type BuyerAggregate, BuyerKey, splitBuyerKey } from '../model';
import { NeedsRecord } from '../needs/record';
import type { AggregateContext } from '../scoring/aggregate';
import { mergeNeedsRecords } from './buyerMergeNeeds';
import type { BuyerTiersDB } from './db';
import { rebuildAggregates } from './orders';

/** Longest note the store keeps (the Note schema's limit). */
const MAX_NOTE = 5000;

export class BuyerMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuyerMergeError';
  }
}

export interface BuyerMergeResult {
  /** False when there was nothing under `from` any more (a repeated merge). */
  merged: boolean;
  orders: number;
  tags: number;
  classChanges: number;
  note: boolean;
  needs: boolean;
  /** The merged buyer's aggregate before the merge (undefined if it had no row), for rescoring. */
  previousInto?: BuyerAggregate;
  /** The removed buyer's aggregate (undefined if it had no row), for rescoring. */
  previousFrom?: BuyerAggregate;
}

/** Two notes as one, nothing dropped: the kept buyer's note first, a blank line, then the other. */
function joinNotes(into: string | undefined, from: string): string {
  if (!into || into === from) return from;
  if (into.includes(from)) return into;
  return `${into}\n\n${from}`;
}

/** The merged buyer row before its aggregate is rebuilt: the earlier first sighting, the later last one. */
function mergedRow(into: Buyer | undefined, from: Buyer, intoKey: string): Buyer {
  const { platform, buyerId } = splitBuyerKey(intoKey);
  const base = into ?? from;
  // Whichever was scored last carries the classes until the rescore that follows the merge.
  const scored = (into?.scoredAt ?? -1) >= (from.scoredAt ?? -1) ? (into ?? from) : from;
  return {
    ...base,
    key: intoKey,
    platform,
    buyerId,
    name: into?.name ?? from.name,
    firstSeenAt: Math.min(into?.firstSeenAt ?? from.firstSeenAt, from.firstSeenAt),
    lastSeenAt: Math.max(into?.lastSeenAt ?? from.lastSeenAt, from.lastSeenAt),
    segment: scored.segment,
    tier: scored.tier,
    lifecycle: scored.lifecycle,
    classes: scored.classes,
    scoredAt: scored.scoredAt,
  };
}

/**
 * Moves everything kept under `fromKey` to `intoKey` in one transaction: the buyer row (earliest
 * first sighting, latest last one), orders (the aggregate is rebuilt from all of them), tag
 * links, the note (both texts kept), needs (chat days united), class history, and the copies of
 * orders an import could put back. Then `fromKey` is gone. Running it again finds nothing under
 * `fromKey` and changes nothing. Refuses, writing nothing, when both notes together would not fit.
 */
export async function mergeBuyers(
  db: BuyerTiersDB,
  fromKey: string,
  intoKey: string,
  ctx: AggregateContext,
  now: number,
): Promise<BuyerMergeResult> {
  BuyerKey.parse(fromKey);
  BuyerKey.parse(intoKey);
  if (fromKey === intoKey) throw new BuyerMergeError('A buyer cannot be merged into itself.');
  if (splitBuyerKey(fromKey).platform !== splitBuyerKey(intoKey).platform) {
    throw new BuyerMergeError('Only buyers of the same marketplace can be merged.');
  }
  const tables = [db.buyers, db.orders, db.buyerTags, db.notes, db.classChanges, db.needs, db.importUndo];
  return db.transaction('rw', tables, async () => {
    const [from, into, fromNote, intoNote, fromNeedsRow, intoNeedsRow] = await Promise.all([
      db.buyers.get(fromKey),
      db.buyers.get(intoKey),
      db.notes.get(fromKey),
      db.notes.get(intoKey),
      db.needs.get(fromKey),
      db.needs.get(intoKey),
    ]);
    const note = fromNote ? joinNotes(intoNote?.text, fromNote.text) : undefined;
    if (note !== undefined && note.length > MAX_NOTE) {
      throw new BuyerMergeError(
        `The two buyers' notes together are longer than ${MAX_NOTE} characters; shorten one and merge again.`,
      );
    }

    const orders = await db.orders.where('buyerKey').equals(fromKey).toArray();
    if (orders.length > 0) await db.orders.bulkPut(orders.map((o) => ({ ...o, buyerKey: intoKey })));

    const links = await db.buyerTags.where('buyerKey').equals(fromKey).toArray();
    if (links.length > 0) {
      const kept = await db.buyerTags.bulkGet(links.map((l) => [intoKey, l.tagId] as [string, string]));
      await db.buyerTags.bulkPut(
        links.map((l, i) => ({ buyerKey: intoKey, tagId: l.tagId, at: Math.min(l.at, kept[i]?.at ?? l.at) })),
      );
      await db.buyerTags.where('buyerKey').equals(fromKey).delete();
    }

    if (fromNote && note !== undefined) {
      await db.notes.put({ buyerKey: intoKey, text: note, updatedAt: Math.max(now, fromNote.updatedAt) });
      await db.notes.delete(fromKey);
    }

    const classChanges = await db.classChanges
      .where('buyerKey')
      .equals(fromKey)
      .modify({ buyerKey: intoKey });

    // A needs row that no longer validates is dropped rather than trusted (as loadNeeds does).
    const fromNeeds = NeedsRecord.safeParse(fromNeedsRow);
    const intoNeeds = NeedsRecord.safeParse(intoNeedsRow);
    if (fromNeedsRow) {
      if (fromNeeds.success) {
        await db.needs.put(
          mergeNeedsRecords(intoNeeds.success ? intoNeeds.data : undefined, fromNeeds.data, intoKey, now),
        );
      }
      await db.needs.delete(fromKey);
    }

    await db.importUndo
      .filter((u) => u.order?.buyerKey === fromKey)
      .modify((u) => {
        u.order = { ...u.order, buyerKey: intoKey };
      });

    if (from) {
      await db.buyers.put(mergedRow(into, from, intoKey));
      await db.buyers.delete(fromKey);
    }
    // Rebuilt from every order now under `intoKey`, so nothing is counted twice or missed.
    if (from || orders.length > 0) await rebuildAggregates(db, [intoKey], ctx, now);
    const merged =
      from !== undefined ||
      orders.length > 0 ||
      links.length > 0 ||
      fromNote !== undefined ||
      classChanges > 0 ||
      fromNeedsRow !== undefined;
    return {
      merged,
      orders: orders.length,
      tags: links.length,
      classChanges,
      note: fromNote !== undefined,
      needs: fromNeedsRow !== undefined,
      ...(into ? { previousInto: into.agg } : {}),
      ...(from ? { previousFrom: from.agg } : {}),
    };
  });
}
