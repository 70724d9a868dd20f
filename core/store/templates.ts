import { type ActionTemplate, ActionTemplates, DEFAULT_ACTION_TEMPLATES } from '../scoring/actions';
import type { BuyerTiersDB } from './db';

const KEY = 'actionTemplates';

/** The seller's suggested-action templates, or the defaults when none were saved (or they no longer validate). */
export async function getActionTemplates(db: BuyerTiersDB): Promise<readonly ActionTemplate[]> {
  const row = await db.meta.get(KEY);
  const parsed = ActionTemplates.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_ACTION_TEMPLATES;
}

export async function saveActionTemplates(
  db: BuyerTiersDB,
  templates: unknown,
): Promise<readonly ActionTemplate[]> {
  const valid = ActionTemplates.parse(templates);
  await db.meta.put({ key: KEY, value: valid });
  return valid;
}

export async function resetActionTemplates(db: BuyerTiersDB): Promise<readonly ActionTemplate[]> {
  await db.meta.delete(KEY);
  return DEFAULT_ACTION_TEMPLATES;
}
