/**
 * Handlers of the extension pages' "control room" messages: buyer table query, charts, movers,
 * settings preview, suggested-action templates and delete-everything. Spread into
 * `createHandlers`; data comes from the in-memory `BuyerIndex` wherever a whole-shop pass is needed.
 */
import type { BuyerRowDto } from '../adminDtos';
import type { TagRef } from '../messaging';
import { defaultSettings } from '../model';
import { DEFAULT_ACTION_TEMPLATES, suggestActions, unscoredProspectClasses } from '../scoring';
import { getActionTemplates, movers, resetActionTemplates, saveActionTemplates } from '../store';
import { allTags, buyerNames, clearEverything, linkBuyersToTag, tagExists } from '../store/adminQueries';
import { findBuyer } from '../store/capture';
import { BuyerIndex } from './buyerIndex';
import { type BuyerRow, distributionsOf, matchingKeys, queryRows } from './buyerQuery';
import type { ChangeFeed } from './changes';
import type { ServiceDeps, SettingsCache } from './context';
import { previewCounts } from './previewCounts';
import { HandlerError, type Handlers } from './router';
import { releaseAllTeachAccess } from './ruleScripts';

export type AdminHandlerName =
  | 'queryBuyers'
  | 'tagMatching'
  | 'getDistributions'
  | 'getMovers'
  | 'previewSettings'
  | 'getActionTemplates'
  | 'saveActionTemplates'
  | 'resetActionTemplates'
  | 'previewActions'
  | 'deleteEverything';

export function createAdminHandlers(
  deps: ServiceDeps,
  settings: SettingsCache,
  feed: ChangeFeed,
): Pick<Handlers, AdminHandlerName> {
  const { db, now, rescorer } = deps;
  const index = new BuyerIndex(db, () => rescorer.status().finishedAt);
  // The index hears every change the background announces, so the table stays fresh without
  // any handler having to know it exists.
  feed.listen((change) => index.noteChange(change));

  const tagRefs = async (): Promise<Map<string, TagRef>> =>
    new Map((await allTags(db)).map((t) => [t.id, { id: t.id, name: t.name, color: t.color }]));

  const toDto = (r: BuyerRow, tags: Map<string, TagRef>): BuyerRowDto => ({
    key: r.key,
    platform: r.platform,
    buyerId: r.buyerId,
    name: r.name,
    segment: r.segment,
    tier: r.tier,
    lifecycle: r.lifecycle,
    keyAccount: r.keyAccount,
    paidOrders: r.paidOrders,
    spend: r.spend,
    lastOrderAt: r.lastOrderAt,
    tags: r.tagIds.flatMap((id) => tags.get(id) ?? []),
  });

  return {
    async queryBuyers({ filters, sort, offset, limit }) {
      const snap = await index.snapshot();
      const started = performance.now();
      const res = queryRows(snap, filters, sort, offset, limit);
      const tookMs = performance.now() - started;
      const tags = await tagRefs();
      return {
        total: res.total,
        offset,
        rows: res.rows.map((r) => toDto(r, tags)),
        currency: (await settings.get()).shopCurrency,
        tookMs,
      };
    },

    async tagMatching({ filters, tagId }) {
      if (!(await tagExists(db, tagId))) throw new HandlerError('not-found', 'This tag no longer exists.');
      const keys = matchingKeys(await index.snapshot(), filters);
      await linkBuyersToTag(db, keys, tagId, now());
      // Not keyed (the declared "tags" signal alone): patching 100k rows one by one would be
      // slower than reloading the links once.
      return { tagged: keys.length };
    },

    async getDistributions() {
      const s = await settings.get();
      return distributionsOf((await index.snapshot()).rows, s.scheme, s.shopCurrency);
    },

    async getMovers({ days, dimension }) {
      const changes = await movers(db, now() - days * 86_400_000, 1000);
      const picked = changes.filter((c) => !dimension || c.dimension === dimension).slice(0, 300);
      const names = await buyerNames(
        db,
        picked.map((c) => c.buyerKey),
      );
      return picked
        .filter((c) => names.has(c.buyerKey))
        .map((c) => ({
          buyerKey: c.buyerKey,
          name: names.get(c.buyerKey),
          dimension: c.dimension,
          from: c.from,
          to: c.to,
          at: c.at,
        }));
    },

    async previewSettings({ settings: next }) {
      const aggs = await index.aggregates();
      const started = performance.now();
      const counts = previewCounts(aggs, next, now());
      return { ...counts, tookMs: performance.now() - started };
    },

    async getActionTemplates() {
      const templates = await getActionTemplates(db);
      return { templates: [...templates], isDefault: templates === DEFAULT_ACTION_TEMPLATES };
    },

    async saveActionTemplates({ templates }) {
      const saved = await saveActionTemplates(db, templates);
      return { templates: [...saved], isDefault: false };
    },

    async resetActionTemplates() {
      const templates = await resetActionTemplates(db);
      return { templates: [...templates], isDefault: true };
    },

    async previewActions({ buyerKey, templates, locale }) {
      const buyer = await findBuyer(db, buyerKey);
      if (!buyer) throw new HandlerError('not-found', 'This buyer is not in Buyer Tiers yet.');
      const s = await settings.get();
      const classes = buyer.classes ?? unscoredProspectClasses(buyer, s, now());
      if (!classes) return [];
      return suggestActions(classes, buyer.agg, buyer.name, templates, locale, {
        currency: s.shopCurrency,
      }).map((a) => ({ id: a.id, title: a.titleKey, reply: a.text }));
    },

    async deleteEverything() {
      await deps.team?.assertNotInTeam('deleting everything here');
      const prev = await settings.get();
      await clearEverything(db);
      // Keep only the seller's language: everything else, demo flag included, starts afresh.
      await settings.save({ ...defaultSettings(deps.browserLanguage), language: prev.language });
      // The taught sites' scripts and access go too; the data is gone already, so a browser that
      // refuses is reported, and the next start's rule sync removes scripts that have no rule.
      await releaseAllTeachAccess().catch((e: unknown) =>
        console.warn('[Buyer Tiers] could not release teach-mode scripts or site access:', e),
      );
      await rescorer.full();
      return { deleted: true };
    },
  };
}
