/**
 * Receiver-side validation of every message in the protocol (`core/messaging.ts`), and who may
 * send each one: content scripts only get what a page overlay needs. Only the background loads
 * this module at run time.
 */
import { z } from 'zod';
import { IMPORT_EXPORT_REQUESTS } from './importExportSchemas';
import type { ChangeKind, Sender } from './messaging';
import {
  BUYER_FILTER_FIELDS,
  BUYER_SORT_FIELDS,
  BulkOrder,
  type BuyerFilterField,
  BuyerKey,
  Order as OrderSchema,
  Platform,
  Settings as SettingsSchema,
  TagColor,
  TRACKED_DIMENSIONS,
} from './model';
import { Lexicon } from './needs/lexicon';
import { Orientation } from './needs/record';
import { ActionTemplates } from './scoring/actions';
import { CustomRule } from './sites/customRule';
import { FieldCountsSchema } from './sites/fieldCountsSchema';
import { SiteRuleFile } from './sites/ruleFile';
import { TEAM_REQUESTS } from './teamSchemas';

const TagId = z.string().min(1).max(64);
const Keys = z.array(BuyerKey).max(2000);
const Short = z.string().max(64).optional();
/** One optional filter per filterable class dimension of the registry (`tier`, `segment`, …). */
const classFilters = Object.fromEntries(BUYER_FILTER_FIELDS.map((f) => [f, Short])) as Record<
  BuyerFilterField,
  typeof Short
>;
const BuyerFilters = z.object({
  platform: Short,
  tagId: Short,
  ...classFilters,
  text: z.string().max(200).optional(),
});
const BUYER_SORT_KEYS = ['name', 'lastOrderAt', 'orders', 'spend', ...BUYER_SORT_FIELDS] as const;

/** A captured order as a content script sends it; the background derives key and buyer from platform. */
export const CapturedOrder = OrderSchema.pick({
  orderId: true,
  buyerName: true,
  placedAt: true,
  total: true,
  currency: true,
  items: true,
  status: true,
  shipCountry: true,
}).extend({ buyerId: z.string().min(1).max(300) });
export type CapturedOrder = z.infer<typeof CapturedOrder>;

const TeachSelector = z.string().trim().min(1).max(1000).optional();

/** What the teach-mode picker found on its page; the origin comes from the sender, never from here. */
export const TeachDraft = z.object({
  label: z.string().trim().min(1).max(100),
  chatBuyerSelector: TeachSelector,
  chatInputSelector: TeachSelector,
  listBuyerSelector: TeachSelector,
  preview: z.object({
    chatBuyer: z.string().max(300).optional(),
    chatInput: z.boolean(),
    listCount: z.number().int().nonnegative(),
    listSample: z.array(z.string().max(300)).max(5),
  }),
});
export type TeachDraft = z.infer<typeof TeachDraft>;

/** A rule as the teach page saves it: id and creation time are the background's business. */
export const SiteRuleInput = CustomRule.omit({ id: true, createdAt: true }).extend({
  id: CustomRule.shape.id.optional(),
});

const GroupIndex = z.number().int().min(0).max(7);
const NeedCount = z.number().int().min(0).max(100_000).optional();
const NeedCounts = z
  .object({
    price: NeedCount,
    quality: NeedCount,
    function: NeedCount,
    service: NeedCount,
    special: NeedCount,
  })
  .strict();

/**
 * One message of the protocol: who may send it, the data it carries and what a successful call
 * makes stale. The router checks the first two before the handler runs and, after it succeeds,
 * sends the `dataChanged` broadcast for `invalidates` (core/background/router.ts); a handler only
 * says which buyers it changed, or that it changed nothing after all.
 */
export interface RequestSpec {
  from: Sender | 'any';
  data: z.ZodType;
  invalidates?: readonly ChangeKind[];
}

export const REQUESTS = {
  // — overlay (content scripts) and pages —
  getBadges: {
    from: 'any',
    // orderKeys (`<platform>:<orderId>`): rows that show an order but no buyer are badged as
    // the buyer of that order; the answer holds them under the order key.
    data: z.object({ buyerKeys: Keys, orderKeys: Keys.optional() }),
  },
  getBuyerCard: {
    from: 'any',
    invalidates: ['buyers'],
    data: z.object({
      buyerKey: BuyerKey,
      locale: z.string().max(10).optional(),
      /** The buyer's chat language when evident (replies follow it; titles stay in `locale`). */
      replyLocale: z.enum(['en', 'zh_CN']).optional(),
    }),
  },
  seeBuyer: {
    from: 'any',
    invalidates: ['buyers'],
    data: z.object({
      platform: Platform,
      buyerId: z.string().min(1).max(2000),
      name: z.string().max(20000).optional(),
    }),
  },
  recordCapturedOrders: {
    from: 'any',
    invalidates: ['buyers'],
    data: z.object({ platform: Platform, orders: z.array(CapturedOrder).max(500) }),
  },
  listTags: { from: 'any', data: z.object({}) },
  createTag: {
    from: 'any',
    invalidates: ['tags'],
    data: z.object({ name: z.string().max(200), color: TagColor.optional() }),
  },
  tagBuyers: { from: 'any', invalidates: ['tags'], data: z.object({ buyerKeys: Keys.min(1), tagId: TagId }) },
  untagBuyers: {
    from: 'any',
    invalidates: ['tags'],
    data: z.object({ buyerKeys: Keys.min(1), tagId: TagId }),
  },
  saveNote: {
    from: 'any',
    invalidates: ['buyers'],
    data: z.object({ buyerKey: BuyerKey, text: z.string().max(5000) }),
  },
  getSiteState: { from: 'any', data: z.object({ platform: Platform }) },
  reportSelectorHealth: {
    from: 'content',
    data: z.object({ site: z.string().max(100), found: z.boolean(), url: z.string().max(2000) }),
  },
  reportFieldStrategies: {
    from: 'content',
    data: z.object({
      site: z.string().max(100),
      pageKind: z.enum(['chat', 'orders']),
      fields: FieldCountsSchema,
    }),
  },
  loadDemoOrders: {
    from: 'content',
    invalidates: ['buyers'],
    data: z.object({ orders: z.array(BulkOrder).max(5000), done: z.boolean() }),
  },
  // — teach mode (core/background/overlayHandlers.ts) —
  getSiteRule: { from: 'content', data: z.object({}) },
  loadBuyerCard: { from: 'content', data: z.object({}) },
  loadRuleReader: { from: 'content', data: z.object({}) },
  startTeachMode: { from: 'any', data: z.object({ tabId: z.number().int().nonnegative().optional() }) },
  submitTeachDraft: { from: 'content', data: TeachDraft },
  getTeachDraft: { from: 'page', data: z.object({ token: z.string().min(1).max(100) }) },
  saveSiteRule: {
    from: 'page',
    invalidates: ['settings'],
    data: z.object({ rule: SiteRuleInput, tabId: z.number().int().nonnegative().optional() }),
  },
  // listSiteRules, deleteSiteRule and getSelectorHealth are listed with the control-room messages.
  // — extension pages only —
  getSettings: { from: 'page', data: z.object({}) },
  saveSettings: { from: 'page', invalidates: ['settings'], data: z.object({ settings: SettingsSchema }) },
  renameTag: {
    from: 'page',
    invalidates: ['tags'],
    data: z.object({ tagId: TagId, name: z.string().max(200) }),
  },
  recolorTag: { from: 'page', invalidates: ['tags'], data: z.object({ tagId: TagId, color: TagColor }) },
  deleteTag: { from: 'page', invalidates: ['tags'], data: z.object({ tagId: TagId }) },
  undoDeleteTag: { from: 'page', invalidates: ['tags'], data: z.object({ token: z.string().max(100) }) },
  mergeTags: { from: 'page', invalidates: ['tags'], data: z.object({ fromId: TagId, intoId: TagId }) },
  setCapture: {
    from: 'page',
    invalidates: ['settings'],
    data: z.object({ site: z.string().max(100), enabled: z.boolean() }),
  },
  // Changes buyers only once it has run: the background announces that when the rescore ends.
  rescore: { from: 'page', data: z.object({}) },
  getRescoreStatus: { from: 'page', data: z.object({}) },
  forgetBuyer: { from: 'page', invalidates: ['buyers'], data: z.object({ buyerKey: BuyerKey }) },
  getOverview: { from: 'page', data: z.object({}) },
  listImports: { from: 'page', data: z.object({}) },
  // — import, export, backup (core/background/{import,export,backup}Handlers.ts) —
  ...IMPORT_EXPORT_REQUESTS,
  ...TEAM_REQUESTS,
  // — control room (popup / dashboard): see core/background/adminHandlers.ts —
  queryBuyers: {
    from: 'page',
    data: z.object({
      filters: BuyerFilters,
      sort: z.object({
        by: z.enum(BUYER_SORT_KEYS),
        dir: z.enum(['asc', 'desc']),
      }),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
  },
  tagMatching: {
    from: 'page',
    invalidates: ['tags'],
    data: z.object({ filters: BuyerFilters, tagId: TagId }),
  },
  getDistributions: { from: 'page', data: z.object({}) },
  getMovers: {
    from: 'page',
    data: z.object({
      days: z.number().int().min(1).max(366),
      dimension: z.enum(TRACKED_DIMENSIONS).optional(),
    }),
  },
  previewSettings: { from: 'page', data: z.object({ settings: SettingsSchema }) },
  getActionTemplates: { from: 'page', data: z.object({}) },
  saveActionTemplates: {
    from: 'page',
    invalidates: ['settings'],
    data: z.object({ templates: ActionTemplates }),
  },
  resetActionTemplates: { from: 'page', invalidates: ['settings'], data: z.object({}) },
  previewActions: {
    from: 'page',
    data: z.object({ buyerKey: BuyerKey, templates: ActionTemplates, locale: z.enum(['en', 'zh_CN']) }),
  },
  deleteEverything: {
    from: 'page',
    invalidates: ['buyers', 'tags', 'settings'],
    data: z.object({ confirm: z.literal('DELETE') }),
  },
  listSiteRules: { from: 'page', data: z.object({}) },
  deleteSiteRule: {
    from: 'page',
    invalidates: ['settings'],
    data: z.object({ id: z.string().min(1).max(100) }),
  },
  getSelectorHealth: { from: 'page', data: z.object({}) },
  resetSelectorHealth: {
    from: 'page',
    invalidates: ['settings'],
    data: z.object({ site: z.string().min(1).max(100) }),
  },
  // — site-rule files (core/background/siteRuleHandlers.ts) —
  exportSiteRule: { from: 'page', data: z.object({ id: z.string().min(1).max(100) }) },
  /** The file's parsed JSON; checked by checkSiteRuleFile, which names the first bad field. */
  importSiteRule: { from: 'page', invalidates: ['settings'], data: z.object({ file: SiteRuleFile }) },
  // — discovered groups and needs from chats: core/background/groupsHandlers.ts, needsHandlers.ts —
  runClustering: {
    from: 'page',
    data: z.object({
      seed: z.number().int().min(0).max(2_147_483_647).optional(),
      k: z.number().int().min(1).max(8).optional(),
    }),
  },
  getClusteringStatus: { from: 'page', data: z.object({}) },
  saveGroupAsTag: {
    from: 'page',
    invalidates: ['tags'],
    data: z.object({ groupIndex: GroupIndex, tagName: z.string().max(200) }),
  },
  groupBuyers: {
    from: 'page',
    data: z.object({
      groupIndex: GroupIndex,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
  },
  // Counts only: `.strict()` rejects any extra field, so no text can ride along.
  recordChatNeeds: {
    from: 'any',
    invalidates: ['buyers'],
    data: z
      .object({
        platform: Platform,
        buyerId: z.string().min(1).max(2000),
        day: z.number().int().min(0).max(1_000_000),
        counts: NeedCounts,
        messages: z.number().int().min(0).max(100_000),
      })
      .strict(),
  },
  getNeeds: { from: 'any', data: z.object({ buyerKey: BuyerKey }) },
  correctNeeds: {
    from: 'any',
    invalidates: ['buyers'],
    data: z.object({ buyerKey: BuyerKey, orientation: Orientation.nullable() }),
  },
  // Content scripts classify messages locally, so they read the (non-secret) lexicon too.
  getLexicon: { from: 'any', data: z.object({}) },
  saveLexicon: { from: 'page', invalidates: ['settings'], data: z.object({ lexicon: Lexicon }) },
  resetLexicon: { from: 'page', invalidates: ['settings'], data: z.object({}) },
  // — storage use (core/background/storageHandlers.ts) —
  getStorageUsage: { from: 'page', data: z.object({}) },
  // — one buyer seen under a better handle (core/background/buyerMerge.ts) —
  mergeBuyers: {
    from: 'any',
    invalidates: ['buyers', 'tags'],
    data: z.object({ fromKey: BuyerKey, intoKey: BuyerKey }),
  },
} as const satisfies Record<string, RequestSpec>;
