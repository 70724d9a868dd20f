import type { BuyerMergeDto } from '../messaging';
import { splitBuyerKey } from '../model';
import { getSettings } from '../store';
import { BuyerMergeError, mergeBuyers } from '../store/buyerMerge';
import { aggregateContextOf, type ServiceDeps, type TouchedBuyer } from './context';
import { HandlerError, type Handlers } from './router';
import type { SenderInfo } from './sender';

/** Sites whose content script learns a better handle for a buyer it first met by name. */
const CONTENT_MERGE_PLATFORMS = new Set(['whatsapp']);

/** A phone number as the WhatsApp adapter keys it (digits only, E.164 length). */
const PHONE_ID = /^\d{7,15}$/;

/**
 * A content script may only merge buyers of its own page's platform, only on a site that learns
 * handles (WhatsApp), and only from a display name into a phone: a hostile page can neither fold
 * one customer into another nor touch another site's buyers. Extension pages may merge any two
 * buyers of one platform.
 */
function assertMayMerge(sender: SenderInfo, fromKey: string, intoKey: string): void {
  if (sender.kind === 'page') return;
  const from = splitBuyerKey(fromKey);
  const into = splitBuyerKey(intoKey);
  const own = sender.platform;
  if (!own || !CONTENT_MERGE_PLATFORMS.has(own) || from.platform !== own || into.platform !== own) {
    throw new HandlerError('forbidden', `This page may not merge ${from.platform} buyers.`);
  }
  if (!PHONE_ID.test(into.buyerId) || PHONE_ID.test(from.buyerId)) {
    throw new HandlerError(
      'forbidden',
      'A chat page may only merge a buyer known by name into their phone number.',
    );
  }
}

/** "The same buyer, seen by a better handle": merges the old key's buyer into the new one. */
export function createBuyerMergeHandlers(deps: ServiceDeps): Pick<Handlers, 'mergeBuyers'> {
  const { db, now, rescorer } = deps;
  return {
    async mergeBuyers({ fromKey, intoKey }, sender, changes): Promise<BuyerMergeDto> {
      assertMayMerge(sender, fromKey, intoKey);
      const settings = await getSettings(db, deps.browserLanguage);
      let res: Awaited<ReturnType<typeof mergeBuyers>>;
      try {
        res = await mergeBuyers(db, fromKey, intoKey, aggregateContextOf(settings), now());
      } catch (e) {
        if (e instanceof BuyerMergeError) throw new HandlerError('conflict', e.message);
        throw e;
      }
      if (res.merged) {
        // The old key leaves the shop's scoring context, the kept one is rescored with its new orders.
        const touched: TouchedBuyer[] = [
          { key: intoKey, prev: res.previousInto },
          ...(res.previousFrom ? [{ key: fromKey, prev: res.previousFrom }] : []),
        ];
        await rescorer.afterWrite(touched);
        changes.buyers([fromKey, intoKey]);
      } else changes.none();
      return {
        merged: res.merged,
        into: intoKey,
        orders: res.orders,
        tags: res.tags,
        classChanges: res.classChanges,
        note: res.note,
        needs: res.needs,
      };
    },
  };
}
