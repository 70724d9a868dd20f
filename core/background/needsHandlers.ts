import { buyerKeyOf, DAY_MS, splitBuyerKey } from '../model';
import { applyChatDay, type NeedsDto, type NeedsRecord, needsOrientation } from '../needs';
import { getSettings } from '../store';
import { changeNeeds, clearLexicon, loadLexicon, loadNeeds, storeLexicon } from '../store/needs';
import type { ServiceDeps } from './context';
import { HandlerError, type Handlers } from './router';
import type { SenderInfo } from './sender';

type NeedsHandlerName =
  | 'recordChatNeeds'
  | 'getNeeds'
  | 'correctNeeds'
  | 'getLexicon'
  | 'saveLexicon'
  | 'resetLexicon';

/** A content script may only touch buyers of its own page's platform (as for every buyer message). */
function assertPlatform(sender: SenderInfo, platform: string): void {
  if (sender.kind === 'page') return;
  if (!sender.platform || sender.platform !== platform) {
    throw new HandlerError('forbidden', `This page may not access ${platform} buyers.`);
  }
}

/**
 * Needs from conversations. The content script classifies the buyer's messages locally and
 * sends per-need counts for one chat day; only those counts and dates are stored (never text).
 */
export function createNeedsHandlers(deps: ServiceDeps): Pick<Handlers, NeedsHandlerName> {
  const { db, now } = deps;
  const settingsNow = () => getSettings(db, deps.browserLanguage);

  const toDto = async (record: NeedsRecord): Promise<NeedsDto> => {
    const s = await settingsNow();
    return {
      buyerKey: record.buyerKey,
      ...(record.chats > 0 || record.correction ? { updatedAt: record.updatedAt } : {}),
      ...needsOrientation(record, s.needs),
    };
  };

  return {
    async recordChatNeeds({ platform, buyerId, day, counts, messages }, sender, changes) {
      assertPlatform(sender, platform);
      const s = await settingsNow();
      if (!s.needs.enabled) throw new HandlerError('forbidden', 'Reading needs from chats is switched off.');
      // A day more than one day ahead of the clock is a bug or a forged message, not a chat.
      if (day > Math.floor(now() / DAY_MS) + 1) {
        throw new HandlerError('invalid-message', 'The chat day is in the future.');
      }
      const key = buyerKeyOf(platform, buyerId);
      const t = now();
      const { before, after } = await changeNeeds(db, key, t, (prev) =>
        applyChatDay(prev, { day, counts, messages }, t),
      );
      const o1 = needsOrientation(before, s.needs).orientation;
      const o2 = needsOrientation(after, s.needs).orientation;
      // Counts alone change nothing a page shows; a new orientation does.
      changes.buyers(o1 !== o2 ? [key] : []);
      return toDto(after);
    },

    async getNeeds({ buyerKey }, sender) {
      assertPlatform(sender, splitBuyerKey(buyerKey).platform);
      return toDto(await loadNeeds(db, buyerKey, now()));
    },

    async correctNeeds({ buyerKey, orientation }, sender, changes) {
      assertPlatform(sender, splitBuyerKey(buyerKey).platform);
      const t = now();
      const { after: next } = await changeNeeds(db, buyerKey, t, (prev) => {
        const { correction: _dropped, ...rest } = prev;
        return orientation === null
          ? { ...rest, updatedAt: t }
          : { ...rest, correction: { orientation, at: t }, updatedAt: t };
      });
      changes.buyers([buyerKey]);
      return toDto(next);
    },

    async getLexicon() {
      return loadLexicon(db);
    },

    async saveLexicon({ lexicon }) {
      return storeLexicon(db, lexicon);
    },

    async resetLexicon() {
      return clearLexicon(db);
    },
  };
}
