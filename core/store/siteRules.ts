import { CustomRule } from '../sites/customRule';
import { ruleSlug } from '../sites/ruleAdapter';
import type { BuyerTiersDB } from './db';

/*
 * Teach-mode rules. A rule's platform is `custom-<slug of its id>` (ruleAdapter.ts), and buyer
 * keys, capture switches and sender checks all go by that platform: two rules whose ids slug
 * alike ("Shop_A" and "shop-a") would pour two sites' buyers into one platform. So an id is
 * only accepted when no other rule's id has the same slug.
 */

/** The valid rule stored for an origin, if any (rows that no longer validate are ignored). */
export async function siteRuleForOrigin(db: BuyerTiersDB, origin: string): Promise<CustomRule | null> {
  const row = await db.siteRules.where('origin').equals(origin).first();
  const parsed = CustomRule.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/** The id of another rule whose id slugs to the same platform as `id`, if there is one. */
export async function ruleSlugOwner(db: BuyerTiersDB, id: string): Promise<string | undefined> {
  const slug = ruleSlug(id);
  const ids = (await db.siteRules.toCollection().primaryKeys()).map(String);
  return ids.find((other) => other !== id && ruleSlug(other) === slug);
}

/** A fresh rule id that is already a platform slug, so `custom-<id>` is the same everywhere. */
export function newRuleId(now: number, random: () => number = Math.random): string {
  return `r${now.toString(36)}${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** A fresh id whose slug no stored rule has (a clash of two fresh ids is rare but possible). */
export async function unusedRuleId(db: BuyerTiersDB, now: number): Promise<string> {
  for (let i = 0; ; i++) {
    const id = newRuleId(now + i);
    if (!(await ruleSlugOwner(db, id)) && !(await db.siteRules.get(id))) return id;
  }
}
