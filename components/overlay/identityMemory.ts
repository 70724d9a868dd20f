import { buyerKeyOf, normalizeBuyerId } from '@/core/model/identity';
import type { FoundBuyer, SiteAdapter } from '@/core/sites/types';

/** Called once per tab for each former handle learned: merge `fromKey`'s buyer into `intoKey`'s. */
export type OnLearnedHandle = (fromKey: string, intoKey: string) => Promise<unknown>;

/**
 * Remembers, for this tab, which buyer a display name stands for once the page has shown that
 * buyer's stable handle (WhatsApp shows a saved contact's phone only while the contact drawer is
 * open). Afterwards the name alone, in the chat header or the chat list, still reads as the phone
 * buyer, so closing the drawer does not switch the badge back to a name-keyed buyer. The first
 * time a pair is learned, `onLearn` merges what was stored under the name.
 */
export function rememberIdentities(adapter: SiteAdapter, onLearn: OnLearnedHandle): SiteAdapter {
  const { readChatBuyer, readListBuyers } = adapter;
  /** Normalised former id → the stable raw id it belongs to. */
  const known = new Map<string, string>();

  const learn = (found: FoundBuyer) => {
    const intoKey = buyerKeyOf(adapter.platform, found.buyerId);
    for (const former of found.formerIds ?? []) {
      const id = normalizeBuyerId(former);
      const fromKey = buyerKeyOf(adapter.platform, former);
      if (!id || fromKey === intoKey || known.get(id) === found.buyerId) continue;
      known.set(id, found.buyerId);
      onLearn(fromKey, intoKey).catch(() => {
        // Not merged (background restarting, notes too long): forget, so the next sighting retries.
        if (known.get(id) === found.buyerId) known.delete(id);
      });
    }
  };

  const resolve = (found: FoundBuyer): FoundBuyer => {
    const stable = known.get(normalizeBuyerId(found.buyerId));
    return stable && stable !== found.buyerId ? { ...found, buyerId: stable } : found;
  };

  return {
    ...adapter,
    ...(readChatBuyer
      ? {
          readChatBuyer(root, log) {
            const found = readChatBuyer(root, log);
            if (!found) return null;
            if (found.formerIds?.length) {
              learn(found);
              return found;
            }
            return resolve(found);
          },
        }
      : {}),
    ...(readListBuyers ? { readListBuyers: (root, log) => readListBuyers(root, log).map(resolve) } : {}),
  };
}
