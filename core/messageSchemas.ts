/**
 * Receiver-side validation of every message in the protocol (`core/messaging.ts`), and who may
 * send each one: content scripts only get what a page overlay needs. Only the background loads
 * this module at run time.
 */
import { z } from 'zod';
import type { Sender } from './messaging';
import { BuyerKey, Order as OrderSchema, Platform, TagColor } from './model';

const TagId = z.string().min(1).max(64);
const Keys = z.array(BuyerKey).max(2000);

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

export const REQUESTS = {
  // — overlay (content scripts) and pages —
  getBadges: { from: 'any', data: z.object({ buyerKeys: Keys }) },
  getBuyerCard: {
    from: 'any',
    data: z.object({ buyerKey: BuyerKey, locale: z.string().max(10).optional() }),
  },
  seeBuyer: {
    from: 'any',
    data: z.object({
      platform: Platform,
      buyerId: z.string().min(1).max(2000),
      name: z.string().max(20000).optional(),
    }),
  },
  recordCapturedOrders: {
    from: 'any',
    data: z.object({ platform: Platform, orders: z.array(CapturedOrder).max(500) }),
  },
  listTags: { from: 'any', data: z.object({}) },
  createTag: { from: 'any', data: z.object({ name: z.string().max(200), color: TagColor.optional() }) },
  tagBuyers: { from: 'any', data: z.object({ buyerKeys: Keys.min(1), tagId: TagId }) },
  untagBuyers: { from: 'any', data: z.object({ buyerKeys: Keys.min(1), tagId: TagId }) },
  saveNote: { from: 'any', data: z.object({ buyerKey: BuyerKey, text: z.string().max(5000) }) },
  getSiteState: { from: 'any', data: z.object({ platform: Platform }) },
  reportSelectorHealth: {
    from: 'content',
    data: z.object({ site: z.string().max(100), found: z.boolean(), url: z.string().max(2000) }),
  },
  loadDemoOrders: {
    from: 'content',
    data: z.object({ orders: z.array(z.unknown()).max(5000), done: z.boolean() }),
  },
  // — extension pages only —
  getSettings: { from: 'page', data: z.object({}) },
  saveSettings: { from: 'page', data: z.object({ settings: z.unknown() }) },
  renameTag: { from: 'page', data: z.object({ tagId: TagId, name: z.string().max(200) }) },
  recolorTag: { from: 'page', data: z.object({ tagId: TagId, color: TagColor }) },
  deleteTag: { from: 'page', data: z.object({ tagId: TagId }) },
  undoDeleteTag: { from: 'page', data: z.object({ token: z.string().max(100) }) },
  mergeTags: { from: 'page', data: z.object({ fromId: TagId, intoId: TagId }) },
  setCapture: { from: 'page', data: z.object({ site: z.string().max(100), enabled: z.boolean() }) },
  rescore: { from: 'page', data: z.object({}) },
  getRescoreStatus: { from: 'page', data: z.object({}) },
  forgetBuyer: { from: 'page', data: z.object({ buyerKey: BuyerKey }) },
  getOverview: { from: 'page', data: z.object({}) },
  listImports: { from: 'page', data: z.object({}) },
} as const satisfies Record<string, { from: Sender | 'any'; data: z.ZodType }>;
