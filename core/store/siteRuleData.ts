import { CustomRule } from '../sites/customRule';
import type { BuyerTiersDB, SiteRuleRow } from './db';

/*
 * Reads and writes of taught site rules for the dashboard, teach mode and the startup script
 * sync. Rows are kept as stored; readers that act on a rule only take rows that still validate
 * (an older or hand-edited row must not become a registered content script).
 */

/** Every stored rule row, by origin, valid or not: the dashboard lists them all. */
export async function siteRulesByOrigin(db: BuyerTiersDB): Promise<SiteRuleRow[]> {
  return db.siteRules.orderBy('origin').toArray();
}

/** Every stored rule that still validates. */
export async function validSiteRules(db: BuyerTiersDB): Promise<CustomRule[]> {
  return (await db.siteRules.toArray()).flatMap((r) => {
    const parsed = CustomRule.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The rule stored under `id`, or null when there is none or it no longer validates. */
export async function validSiteRule(db: BuyerTiersDB, id: string): Promise<CustomRule | null> {
  const parsed = CustomRule.safeParse(await db.siteRules.get(id));
  return parsed.success ? parsed.data : null;
}

/** Stores a rule, replacing the one with the same id. */
export async function putSiteRule(db: BuyerTiersDB, rule: CustomRule): Promise<void> {
  await db.siteRules.put(rule);
}

/** Deletes the rule `id`; returns the row it removed (undefined when there was none). */
export async function removeSiteRule(db: BuyerTiersDB, id: string): Promise<SiteRuleRow | undefined> {
  const row = await db.siteRules.get(id);
  await db.siteRules.delete(id);
  return row;
}

/** Whether any rule is still stored for `origin` (its granted access is still in use). */
export async function originHasSiteRule(db: BuyerTiersDB, origin: string): Promise<boolean> {
  return (await db.siteRules.where('origin').equals(origin).count()) > 0;
}
