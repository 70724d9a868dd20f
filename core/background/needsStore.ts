import { defaultLexicon, emptyNeedsRecord, Lexicon, NeedsRecord } from '../needs';
import type { BuyerTiersDB } from '../store';

/** The seller's lexicon lives in db.meta under this key; absent means the defaults. */
const LEXICON_KEY = 'needs.lexicon';

export async function loadLexicon(db: BuyerTiersDB): Promise<Lexicon> {
  const row = await db.meta.get(LEXICON_KEY);
  const parsed = Lexicon.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultLexicon();
}

export async function storeLexicon(db: BuyerTiersDB, raw: unknown): Promise<Lexicon> {
  const lexicon = Lexicon.parse(raw);
  await db.meta.put({ key: LEXICON_KEY, value: lexicon });
  return lexicon;
}

export async function clearLexicon(db: BuyerTiersDB): Promise<Lexicon> {
  await db.meta.delete(LEXICON_KEY);
  return defaultLexicon();
}

/** A buyer's needs row; a row that no longer validates is treated as empty rather than trusted. */
export async function loadNeeds(db: BuyerTiersDB, buyerKey: string, now: number): Promise<NeedsRecord> {
  const parsed = NeedsRecord.safeParse(await db.needs.get(buyerKey));
  return parsed.success && parsed.data.buyerKey === buyerKey ? parsed.data : emptyNeedsRecord(buyerKey, now);
}
