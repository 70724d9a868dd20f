import type { z } from 'zod';
import type { CapturedOrder } from '../messageSchemas';
import type { RescoreStatusDto } from '../messaging';
import { buyerKeyOf, orderKeyOf, splitBuyerKey } from '../model';
import { unscoredProspectClasses } from '../scoring/prospect';
import { DEMO_BUILD } from '../sites/demoMode';
import {
  createTag,
  type DeletedTag,
  deleteTag,
  forgetBuyer,
  getNote,
  historyOfBuyer,
  listTags,
  mergeTags,
  ordersOfBuyer,
  recolorTag,
  renameTag,
  restoreTag,
  saveNote,
  seeBuyer,
  tagBuyers,
  tagsOfBuyers,
  untagBuyers,
  validateOrders,
  writeOrders,
} from '../store';
import { shopOverview } from '../store/adminQueries';
import { findBuyer, isStoreEmpty } from '../store/capture';
import { recordFieldStrategies, recordSelectorCheck } from '../store/health';
import { createAdminHandlers } from './adminHandlers';
import { badgesFor, badgesForOrders, toBadge } from './badges';
import { createBuyerMergeHandlers } from './buyerMerge';
import { announcingRescorer, ChangeFeed } from './changes';
import { aggregateContextOf, type ServiceDeps, SettingsCache } from './context';
import { createGroupsHandlers } from './groupsHandlers';
import { createImportExportHandlers } from './importExportHandlers';
import { createNeedsHandlers } from './needsHandlers';
import { createOverlayHandlers } from './overlayHandlers';
import { recordRescoreOwed } from './rescorer';
import { type Background, type CallChanges, combineHandlers, HandlerError, type Handlers } from './router';
import { firstForeignOrder, type SenderInfo } from './sender';
import { createSiteRuleHandlers } from './siteRuleHandlers';
import { createStorageHandlers } from './storageHandlers';
import { createTeamHandlers } from './teamHandlers';

/**
 * A content script may only touch buyers of the platform its page belongs to; extension pages
 * may touch any. This is what stops a hostile page from reading or writing another site's data.
 */
function assertPlatform(sender: SenderInfo, platform: string): void {
  if (sender.kind === 'page') return;
  if (!sender.platform || sender.platform !== platform) {
    throw new HandlerError('forbidden', `This page may not access ${platform} buyers.`);
  }
}

function assertKeys(sender: SenderInfo, keys: readonly string[]): void {
  for (const k of keys) assertPlatform(sender, splitBuyerKey(k).platform);
}

export function capturedToOrder(platform: string, c: z.output<typeof CapturedOrder>, now: number) {
  return {
    key: orderKeyOf(platform, c.orderId),
    orderId: c.orderId,
    platform,
    buyerKey: buyerKeyOf(platform, c.buyerId),
    buyerName: c.buyerName,
    placedAt: c.placedAt,
    total: c.total,
    currency: c.currency,
    items: c.items,
    status: c.status,
    shipCountry: c.shipCountry,
    source: 'capture' as const,
    updatedAt: now,
  };
}

/** The background's message handlers, and what it does on its own (owed work at start-up). */
export interface BackgroundService extends Background {
  /** On worker start: finishes a full rescore a stopped worker left owed, if any. */
  resumeOwedWork(): Promise<void>;
}

export function createHandlers(outer: ServiceDeps): BackgroundService {
  const feed = new ChangeFeed();
  feed.listen(outer.signal);
  // Every handler part scores through this rescorer, whose full rescores announce their end.
  const deps: ServiceDeps = { ...outer, rescorer: announcingRescorer(outer.rescorer, feed.announce) };
  const { db, now, rescorer } = deps;
  const settings = new SettingsCache(db, deps.browserLanguage);
  const deletedTags = new Map<string, DeletedTag>();
  // Other members' changes reach open pages and the buyer index like any local change.
  deps.team?.listen(({ buyerKeys, tags }) =>
    feed.announce({ buyerKeys: tags ? [] : buyerKeys, kinds: tags ? ['tags'] : ['buyers', 'tags'] }),
  );

  const badgeOf = async (key: string) => {
    const badges = await badgesFor(db, [key], await settings.get(), now());
    const b = badges[key];
    if (!b) throw new HandlerError('not-found', 'This buyer is not in Buyer Tiers yet.');
    return b;
  };

  const writeAndRescore = async (orders: unknown[], changes: CallChanges) => {
    const s = await settings.get();
    const res = await writeOrders(db, orders, aggregateContextOf(s), now());
    if (res.touchedBuyers.length > 0) {
      await rescorer.afterWrite(res.touchedBuyers.map((key) => ({ key, prev: res.previous.get(key) })));
    }
    changes.buyers(res.touchedBuyers);
    return res;
  };

  const handlers: Handlers = combineHandlers(
    createAdminHandlers(deps, settings, feed),
    createSiteRuleHandlers(deps),
    createOverlayHandlers(deps),
    createGroupsHandlers(deps),
    createNeedsHandlers(deps),
    createImportExportHandlers(deps, settings),
    createStorageHandlers(deps),
    createBuyerMergeHandlers(deps),
    createTeamHandlers(deps.team),
    {
      async getBadges({ buyerKeys, orderKeys }, sender) {
        // A content script asking for other platforms' buyers (or orders) simply gets none of them.
        const own = (k: string) => sender.kind === 'page' || splitBuyerKey(k).platform === sender.platform;
        const s = await settings.get();
        const badges = await badgesFor(db, buyerKeys.filter(own), s, now());
        if (!orderKeys?.length) return badges;
        return { ...badges, ...(await badgesForOrders(db, orderKeys.filter(own), s, now())) };
      },

      async getBuyerCard({ buyerKey, locale, replyLocale }, sender, changes) {
        assertKeys(sender, [buyerKey]);
        let buyer = await findBuyer(db, buyerKey);
        if (!buyer && sender.kind === 'content') {
          // A buyer opened from the page before any order or chat visit was recorded (a list row,
          // or a card opened before the chat's `seeBuyer` landed): the page shows them, so they
          // are kept as a prospect, as a chat visit would have.
          buyer = await seeBuyer(db, buyerKey, undefined, now());
          changes.buyers([buyerKey]);
        } else changes.none();
        if (!buyer) throw new HandlerError('not-found', 'This buyer is not in Buyer Tiers yet.');
        const s = await settings.get();
        // Classes are stored without reasons (cheap rescoring); the card explains them on demand.
        if (buyer.classes && rescorer.explain && Object.keys(buyer.classes.reasons).length === 0) {
          buyer.classes = { ...buyer.classes, reasons: await rescorer.explain(buyer) };
        }
        // A buyer first seen in a chat is stored without classes until the next full rescore.
        buyer.classes ??= unscoredProspectClasses(buyer, s, now());
        const [orders, note, history, tags] = await Promise.all([
          ordersOfBuyer(db, buyerKey, 100),
          getNote(db, buyerKey),
          historyOfBuyer(db, buyerKey),
          tagsOfBuyers(db, [buyerKey]),
        ]);
        const recent = history.find((c) => c.dimension === 'segment' && c.at >= now() - 30 * 86_400_000);
        return {
          badge: toBadge(buyer, tags.get(buyerKey) ?? [], s, recent),
          buyer,
          orders,
          note,
          history,
          actions: await rescorer.suggestActions(buyer, locale ?? deps.browserLanguage, replyLocale),
        };
      },

      async seeBuyer({ platform, buyerId, name }, sender, changes) {
        assertPlatform(sender, platform);
        const key = buyerKeyOf(platform, buyerId);
        const cleanName = name?.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;
        const existed = await findBuyer(db, key);
        await seeBuyer(db, key, cleanName, now());
        changes.buyers(existed ? [] : [key]);
        return badgeOf(key);
      },

      async recordCapturedOrders({ platform, orders }, sender, changes) {
        assertPlatform(sender, platform);
        const s = await settings.get();
        if (sender.kind === 'content' && s.capture[platform] === false) {
          throw new HandlerError('forbidden', `Order capture is switched off for ${platform}.`);
        }
        const t = now();
        const res = await writeAndRescore(
          orders.map((o) => capturedToOrder(platform, o, t)),
          changes,
        );
        return { new: res.new, duplicate: res.duplicate, updated: res.updated, rejected: [] };
      },

      async listTags() {
        return listTags(db);
      },

      async createTag({ name, color }) {
        return createTag(db, name, color, now());
      },

      async tagBuyers({ buyerKeys, tagId }, sender, changes) {
        assertKeys(sender, buyerKeys);
        await tagBuyers(db, buyerKeys, tagId, now());
        changes.buyers(buyerKeys);
        return { tagged: buyerKeys.length };
      },

      async untagBuyers({ buyerKeys, tagId }, sender, changes) {
        assertKeys(sender, buyerKeys);
        await untagBuyers(db, buyerKeys, tagId);
        changes.buyers(buyerKeys);
        return { untagged: buyerKeys.length };
      },

      async saveNote({ buyerKey, text }, sender, changes) {
        assertKeys(sender, [buyerKey]);
        if (!(await findBuyer(db, buyerKey)))
          throw new HandlerError('not-found', 'This buyer is not in Buyer Tiers yet.');
        const note = await saveNote(db, buyerKey, text, now());
        changes.buyers([buyerKey]);
        return note;
      },

      async getSiteState({ platform }, sender) {
        assertPlatform(sender, platform);
        const s = await settings.get();
        return {
          captureEnabled: s.capture[platform] !== false,
          demoLoaded: s.demoLoaded,
          locale: s.language === 'auto' ? deps.browserLanguage : s.language,
        };
      },

      async reportSelectorHealth({ site, found, url }, sender) {
        if (sender.kind === 'content' && sender.platform !== site) {
          throw new HandlerError('forbidden', 'A page may only report on its own site.');
        }
        return recordSelectorCheck(db, site, found, url, now());
      },

      async reportFieldStrategies({ site, fields }, sender) {
        if (sender.kind === 'content' && sender.platform !== site) {
          throw new HandlerError('forbidden', 'A page may only report on its own site.');
        }
        return recordFieldStrategies(db, site, fields, now());
      },

      async loadDemoOrders({ orders, done }, sender, changes) {
        // The store build has no demo marketplace at all; this branch is dropped from its bundle.
        if (!DEMO_BUILD || sender.kind !== 'content' || sender.platform !== 'demo') {
          throw new HandlerError('forbidden', 'Demo data can only come from the demo marketplace.');
        }
        // Validate the whole batch first: a rejected batch must not change anything below.
        const valid = validateOrders(orders);
        const foreign = firstForeignOrder(valid, 'demo');
        if (foreign >= 0) {
          throw new HandlerError(
            'forbidden',
            `Demo order ${foreign + 1} is not a demo-marketplace order (its key or buyer is another site's).`,
          );
        }
        let s = await settings.get();
        if (!s.demoLoaded && (await isStoreEmpty(db))) {
          // A fresh install adopts the demo shop's currency and calendar, so demo spend is not
          // excluded as "unconverted"; a seller with any data of their own keeps their settings.
          s = await settings.save({
            ...s,
            shopCurrency: 'CNY',
            shopCountry: 'CN',
            timeZone: 'Asia/Shanghai',
          });
        }
        const res = await writeOrders(db, valid, aggregateContextOf(s), now());
        // Pages refresh once, after the last batch (whose full rescore announces its end too).
        if (done) {
          await settings.save({ ...(await settings.get()), demoLoaded: true });
          await rescorer.full();
        } else changes.none();
        return { new: res.new, duplicate: res.duplicate, updated: res.updated };
      },

      async getSettings() {
        return settings.get();
      },

      async saveSettings({ settings: next }) {
        const prev = await settings.get();
        const aggChanged =
          prev.shopCurrency !== next.shopCurrency ||
          prev.timeZone !== next.timeZone ||
          JSON.stringify(prev.currencyRates) !== JSON.stringify(next.currencyRates);
        // The settings and the rescore they owe are written in one transaction: a worker stopped
        // right after the save still finds the owed rescore (and aggregate rebuild) on its next start.
        const saved = await settings.save(next, () => recordRescoreOwed(db, aggChanged, now()));
        void rescorer.full({ rebuildAggregates: aggChanged }).catch(() => {});
        return saved;
      },

      async renameTag({ tagId, name }) {
        return renameTag(db, tagId, name);
      },

      async recolorTag({ tagId, color }) {
        return recolorTag(db, tagId, color);
      },

      async deleteTag({ tagId }) {
        const deleted = await deleteTag(db, tagId);
        const token = globalThis.crypto.randomUUID();
        deletedTags.set(token, deleted);
        return { token, buyers: deleted.links.length };
      },

      async undoDeleteTag({ token }) {
        const deleted = deletedTags.get(token);
        if (!deleted)
          throw new HandlerError('not-found', 'Nothing to undo: the tag was deleted too long ago.');
        await restoreTag(db, deleted);
        deletedTags.delete(token);
        return deleted.tag;
      },

      async mergeTags({ fromId, intoId }) {
        return mergeTags(db, fromId, intoId, now());
      },

      async setCapture({ site, enabled }) {
        const s = await settings.get();
        await settings.save({ ...s, capture: { ...s.capture, [site]: enabled } });
        return { site, enabled };
      },

      async rescore(): Promise<RescoreStatusDto> {
        void rescorer.full().catch(() => {});
        return rescorer.status();
      },

      async getRescoreStatus() {
        return rescorer.status();
      },

      async forgetBuyer({ buyerKey }, _sender, changes) {
        await forgetBuyer(db, buyerKey);
        changes.buyers([buyerKey]);
        return { forgotten: buyerKey };
      },

      async getOverview() {
        const s = await settings.get();
        const since = now() - 90 * 86_400_000;
        const o = await shopOverview(db, since);
        return {
          buyers: o.buyers,
          orders: o.orders,
          revenue: o.revenue,
          currency: s.shopCurrency,
          active90d: o.active90d,
        };
      },
    } satisfies Partial<Handlers>,
  );
  return {
    handlers,
    announce: feed.announce,
    async resumeOwedWork() {
      await rescorer.resumeIfNeeded?.();
    },
  };
}
