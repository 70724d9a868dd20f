import { defaultLexicon, Lexicon } from '../needs/lexicon';
import { emptyNeedsRecord, NeedsRecord } from '../needs/record';
import type { BuyerTiersDB } from './db';

/** The seller's lexicon lives in db.meta under this key; absent means the defaults. */
const LEXICON_KEY = 'needs.lexicon';

/** The seller's lexicon; a stored one that no longer validates falls back to the defaults. */
export async function loadLexicon(db: BuyerTiersDB): Promise<Lexicon> {
  const row = await db.meta.get(LEXICON_KEY);
  const parsed = Lexicon.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultLexicon();
}

/** Validates before writing, so a bad lexicon is refused rather than stored and ignored later. */
export async function storeLexicon(db: BuyerTiersDB, raw: unknown): Promise<Lexicon> {
  const lexicon = Lexicon.parse(raw);
  await db.meta.put({ key: LEXICON_KEY, value: lexicon });
  return lexicon;
}

/** Back to the defaults: the row is removed (absent means default) and the defaults returned. */
export async function clearLexicon(db: BuyerTiersDB): Promise<Lexicon> {
  await db.meta.delete(LEXICON_KEY);
  return defaultLexicon();
}

/** A buyer's needs row; a row that no longer validates is treated as empty rather than trusted. */
export async function loadNeeds(db: BuyerTiersDB, buyerKey: string, now: number): Promise<NeedsRecord> {
  const parsed = NeedsRecord.safeParse(await db.needs.get(buyerKey));
  return parsed.success && parsed.data.buyerKey === buyerKey ? parsed.data : emptyNeedsRecord(buyerKey, now);
}

export interface NeedsChange {
  before: NeedsRecord;
  after: NeedsRecord;
}

/**
 * Reads a buyer's needs, applies `change` and writes the result, in one transaction so two chat
 * days (or a chat day and a correction) arriving together cannot overwrite each other. `change`
 * must be synchronous (it runs inside the transaction); returning `prev` itself means nothing
 * changed, and nothing is written.
 */
export async function changeNeeds(
  db: BuyerTiersDB,
  buyerKey: string,
  now: number,
  change: (prev: NeedsRecord) => NeedsRecord,
): Promise<NeedsChange> {
  return db.transaction('rw', db.needs, async () => {
    const before = await loadNeeds(db, buyerKey, now);
    const after = change(before);
    if (after !== before) await db.needs.put(after);
    return { before, after };
  });
}
