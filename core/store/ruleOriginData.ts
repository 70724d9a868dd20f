import type { BuyerTiersDB } from './db';

/**
 * The id of the teach-mode rule stored for `origin`, if any. Only the id is needed (the sender
 * check derives the platform from it), so the row is not validated as `siteRuleForOrigin` does.
 */
export async function ruleIdForOrigin(db: BuyerTiersDB, origin: string): Promise<string | undefined> {
  return (await db.siteRules.where('origin').equals(origin).first())?.id;
}
