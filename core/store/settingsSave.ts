import type { Settings } from '../model';
import type { BuyerTiersDB } from './db';
import { saveSettings } from './settings';

/**
 * Saves `next` and runs `alongside` in one transaction over db.meta, so both are stored or
 * neither is: a settings change and the rescore it owes (`recordRescoreOwed`) must not be split
 * by a worker stopping between them. `alongside` may write db.meta only.
 */
export async function saveSettingsWith(
  db: BuyerTiersDB,
  next: Settings,
  alongside: () => Promise<void>,
): Promise<Settings> {
  return db.transaction('rw', db.meta, async () => {
    const saved = await saveSettings(db, next);
    await alongside();
    return saved;
  });
}
