/**
 * Reading a profile's main database from its service worker, for the team e2e tests: what a
 * sync delivered is checked in the rows themselves, not in a page that could show stale data.
 */
import type { Tag } from '../../../core/model';
import type { ExtensionSession } from './extension';

/** Rows of one table of the profile's main database. */
export async function rows<T>(ext: ExtensionSession, table: 'buyerTags' | 'notes' | 'tags'): Promise<T[]> {
  return ext.worker.evaluate(
    (t) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('buyer-tiers');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(t, 'readonly').objectStore(t).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Polls `check` until it holds; fails naming `what` after `ms`. */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The names of the tags one buyer has in this profile, sorted. */
export async function tagNamesOf(ext: ExtensionSession, buyerKey: string): Promise<string[]> {
  const [links, tags] = await Promise.all([
    rows<{ buyerKey: string; tagId: string }>(ext, 'buyerTags'),
    rows<Tag>(ext, 'tags'),
  ]);
  const byId = new Map(tags.map((t) => [t.id, t.name]));
  return links
    .filter((l) => l.buyerKey === buyerKey)
    .map((l) => byId.get(l.tagId) ?? '?')
    .sort();
}

export const noteOf = async (ext: ExtensionSession, buyerKey: string) =>
  (await rows<{ buyerKey: string; text: string }>(ext, 'notes')).find((n) => n.buyerKey === buyerKey)?.text;
