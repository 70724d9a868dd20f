import { z } from 'zod';
import { type BuyerAggregate, type BuyerClasses, CLASS_DIMENSION_IDS } from '../model';
import { fractionDigitsOptions, toMajor } from '../model/money';

/**
 * Suggested actions: each template says when it applies (as data, so the settings editor can
 * change it), a title key the UI translates, and a reply in English and Chinese with
 * placeholders. Replies are inserted into the chat box by the seller, never sent.
 */

export const PLACEHOLDERS = ['name', 'lastItem', 'daysSince', 'orders', 'spend'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * Every class dimension of the registry, plus `geography`, whose scope (domestic, cross-border)
 * a condition may test although it is not a class dimension.
 */
const CONDITION_DIMENSIONS = [...CLASS_DIMENSION_IDS, 'geography'] as const;
export type ConditionDimension = (typeof CONDITION_DIMENSIONS)[number];

/** Mirrors core/needs NEEDS (scoring does not import needs; a type test keeps them equal). */
export const CONDITION_NEEDS = ['price', 'quality', 'function', 'service', 'special'] as const;
export type ConditionNeed = (typeof CONDITION_NEEDS)[number];

/** What actions know about a buyer's needs: the orientation from core/needs, if any. */
export interface ActionNeeds {
  orientation: ConditionNeed | null;
  /**
   * Needs mentioned in the buyer's latest chat. The orientation takes several chats to settle,
   * which a buyer asking before a first order has not had: for a prospect, need conditions also
   * hold on what this chat asks about, so the seller can answer it.
   */
  latestChat?: readonly ConditionNeed[];
}

export const ActionCondition = z.union([
  /** The class on `dimension` is one of `in` (`geography` compares its scope). */
  z.object({
    dimension: z.enum(CONDITION_DIMENSIONS),
    in: z.array(z.string().min(1).max(40)).min(1).max(40),
  }),
  z.object({ flag: z.enum(['keyAccount', 'priceSensitive', 'qualityOriented']) }),
  /** Repurchase `overdue` (due date passed) or `due-soon` (due within `withinDays`, default 7). */
  z.object({
    repurchase: z.enum(['overdue', 'due-soon']),
    withinDays: z.number().int().nonnegative().max(365).optional(),
  }),
  /** The buyer's need orientation read from their chats (core/needs) is this need. */
  z.object({ need: z.enum(CONDITION_NEEDS) }),
]);
export type ActionCondition = z.infer<typeof ActionCondition>;

const knownPlaceholdersOnly = (text: string) =>
  [...text.matchAll(/\{([^{}]*)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]));
const ReplyText = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    knownPlaceholdersOnly,
    `placeholders must be one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
  );

export const ActionTemplate = z.object({
  id: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9-]+$/, 'id: lower-case letters, digits and -'),
  /** i18n key of the action's title, e.g. `action.win-back`. */
  titleKey: z.string().min(1).max(80),
  /** Lower comes first; ties keep list order. */
  priority: z.number().int().min(0).max(1000),
  /** The action applies when any condition holds. */
  when: z.array(ActionCondition).min(1).max(20),
  reply: z.object({ en: ReplyText, zh_CN: ReplyText }),
});
export type ActionTemplate = z.infer<typeof ActionTemplate>;

export const ActionTemplates = z
  .array(ActionTemplate)
  .max(100)
  .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, 'action ids must be unique');

export const DEFAULT_ACTION_TEMPLATES: readonly ActionTemplate[] = [
  {
    id: 'vip-service',
    titleKey: 'action.vip-service',
    priority: 10,
    when: [
      { flag: 'keyAccount' },
      { dimension: 'valueTier', in: ['high'] },
      { dimension: 'segment', in: ['champions', 'important-value'] },
    ],
    reply: {
      en: 'Hi {name}, thank you for being one of our most valued customers ({orders} orders so far)! You have priority service with us: tell me what you need and I will take care of it personally.',
      zh_CN:
        '{name}您好，感谢您一直以来的支持（已下单 {orders} 次）！您是我们的尊享客户，有任何需要请直接告诉我，我会优先为您处理。',
    },
  },
  {
    id: 'repurchase-reminder',
    titleKey: 'action.repurchase-reminder',
    priority: 15,
    when: [{ repurchase: 'overdue' }],
    reply: {
      en: 'Hi {name}, you may be running low on {lastItem} by now. Would you like me to set up the same order again?',
      zh_CN: '{name}您好，您上次购买的{lastItem}可能快用完了，需要我帮您再安排一单吗？',
    },
  },
  {
    id: 'win-back',
    titleKey: 'action.win-back',
    priority: 20,
    when: [
      {
        dimension: 'segment',
        in: ['at-risk', 'cannot-lose', 'hibernating', 'about-to-sleep', 'important-keep', 'important-retain'],
      },
      { dimension: 'lifecycle', in: ['declining'] },
    ],
    reply: {
      en: 'Hi {name}, it has been {daysSince} days since your last order and we miss you! Here is a small welcome-back discount for your next purchase.',
      zh_CN:
        '{name}您好，距离您上次下单已经 {daysSince} 天了，我们很想念您！为您准备了一份回归专属优惠，下次购买即可使用。',
    },
  },
  {
    // Pre-sale: a buyer chatting before a first order (seen in chat, no paid order yet).
    id: 'first-order-welcome',
    titleKey: 'action.first-order-welcome',
    priority: 25,
    when: [
      { dimension: 'segment', in: ['prospect'] },
      { dimension: 'lifecycle', in: ['prospect'] },
    ],
    reply: {
      en: 'Hi {name}, welcome to our shop! New customers get a welcome coupon on their first order. Tell me what you are looking for and I will help you choose.',
      zh_CN: '{name}您好，欢迎光临本店！新客首单可领取专属优惠券，告诉我您想找什么，我来帮您挑选。',
    },
  },
  {
    id: 'welcome-guide',
    titleKey: 'action.welcome-guide',
    priority: 30,
    when: [
      { dimension: 'segment', in: ['new'] },
      { dimension: 'lifecycle', in: ['new'] },
    ],
    reply: {
      en: 'Hi {name}, welcome and thank you for your first order! Here is a short guide to getting the most out of {lastItem}; just ask if anything is unclear.',
      zh_CN: '{name}您好，欢迎光临，感谢您的首次购买！这里有一份{lastItem}的使用指南，有任何问题随时问我。',
    },
  },
  {
    id: 'business-pricing',
    titleKey: 'action.business-pricing',
    priority: 35,
    when: [{ dimension: 'customerType', in: ['business', 'reseller'] }],
    reply: {
      en: 'Hi {name}, we offer volume pricing and invoices for business orders. Would a quote for your next order help?',
      zh_CN: '{name}您好，我们为企业和批量采购提供阶梯价格并可开具发票，需要我为您下一单报个价吗？',
    },
  },
  {
    id: 'bundle-discount',
    titleKey: 'action.bundle-discount',
    priority: 40,
    when: [{ flag: 'priceSensitive' }, { need: 'price' }],
    reply: {
      en: 'Hi {name}, this week we have a bundle deal that costs less than buying the items separately, and I can add a coupon to your order. Shall I send you the details?',
      zh_CN:
        '{name}您好，本周有组合套餐优惠，比单独购买更划算，下单时还可以为您加一张优惠券，需要我把详情发给您吗？',
    },
  },
  {
    // Answers to what the chat shows the buyer cares about (core/needs orientation).
    id: 'quality-guarantee',
    titleKey: 'action.quality-guarantee',
    priority: 41,
    when: [{ need: 'quality' }],
    reply: {
      en: 'Hi {name}, every item is checked before it ships, and if anything is not as described you can return it for a full refund. I can send more photos or details first if that helps.',
      zh_CN:
        '{name}您好，每件商品发货前都会质检，如与描述不符可退货并全额退款。需要的话我可以先发更多实拍图和细节给您。',
    },
  },
  {
    id: 'delivery-times',
    titleKey: 'action.delivery-times',
    priority: 42,
    when: [{ need: 'service' }],
    reply: {
      en: 'Hi {name}, happy to help with delivery: tell me your city and I will check the delivery time and shipping cost for you. You get the tracking number as soon as your parcel leaves.',
      zh_CN:
        '{name}您好，关于发货和物流：告诉我您的收货城市，我帮您查一下送达时间和运费，发货后会第一时间把物流单号发给您。',
    },
  },
  {
    id: 'product-details',
    titleKey: 'action.product-details',
    priority: 43,
    when: [{ need: 'function' }],
    reply: {
      en: 'Hi {name}, glad to explain how it works: tell me what you will use it for and I will send you the key specs and a short how-to.',
      zh_CN: '{name}您好，很乐意为您介绍使用方法：告诉我您的用途，我把主要参数和简单的使用说明发给您。',
    },
  },
  {
    id: 'premium-picks',
    titleKey: 'action.premium-picks',
    priority: 45,
    when: [{ flag: 'qualityOriented' }],
    reply: {
      en: 'Hi {name}, our new premium line has just arrived and I thought of you after your {lastItem}. Would you like a preview?',
      zh_CN: '{name}您好，我们的新款精品刚刚到货，想到您之前买过{lastItem}，需要先给您看看吗？',
    },
  },
  {
    id: 'repurchase-soon',
    titleKey: 'action.repurchase-soon',
    priority: 48,
    when: [{ repurchase: 'due-soon', withinDays: 7 }],
    reply: {
      en: 'Hi {name}, just a friendly note: it is nearly time to restock {lastItem}. Let me know if you would like the usual order.',
      zh_CN: '{name}您好，温馨提醒：您常买的{lastItem}快到补货的时候了，需要的话我帮您按老样子下单。',
    },
  },
  {
    id: 'member-program',
    titleKey: 'action.member-program',
    priority: 50,
    when: [
      {
        dimension: 'segment',
        in: ['potential-loyalist', 'promising', 'important-develop', 'general-develop', 'general-value'],
      },
      { dimension: 'lifecycle', in: ['growing'] },
    ],
    reply: {
      en: 'Hi {name}, thanks for coming back! Join our member program to collect points on every order and get member-only offers.',
      zh_CN: '{name}您好，感谢您再次光临！加入我们的会员计划，每笔订单都能积分，还有会员专享优惠。',
    },
  },
  {
    id: 'loyal-thanks',
    titleKey: 'action.loyal-thanks',
    priority: 55,
    when: [
      { dimension: 'segment', in: ['loyal'] },
      { dimension: 'loyalty', in: ['loyal'] },
    ],
    reply: {
      en: 'Hi {name}, thank you for {orders} orders with us! As a regular customer you get early access to our next new arrivals.',
      zh_CN: '{name}您好，感谢您在本店下单 {orders} 次！作为老顾客，您可以优先抢购我们的下一批新品。',
    },
  },
  {
    id: 'check-in',
    titleKey: 'action.check-in',
    priority: 60,
    when: [{ dimension: 'segment', in: ['need-attention', 'general-keep', 'general-retain'] }],
    reply: {
      en: 'Hi {name}, how are you getting on with {lastItem}? Any feedback helps us serve you better.',
      zh_CN: '{name}您好，{lastItem}用得还满意吗？您的任何反馈都能帮助我们做得更好。',
    },
  },
];

export type ActionLocale = 'en' | 'zh_CN';

export interface SuggestedAction {
  id: string;
  titleKey: string;
  /** The reply with placeholders filled in; plain text. */
  text: string;
}

export interface SuggestOptions {
  /** Shop currency for {spend}; without it the amount is shown as a plain number. */
  currency?: string;
  /** At most this many actions (default 3). */
  limit?: number;
}

function dimensionValue(c: BuyerClasses, d: ConditionDimension): string {
  return d === 'geography' ? c.geography.scope : c[d];
}

export function conditionHolds(cond: ActionCondition, c: BuyerClasses, needs?: ActionNeeds): boolean {
  if ('need' in cond) {
    if (needs?.orientation === cond.need) return true;
    return c.segment === 'prospect' && (needs?.latestChat?.includes(cond.need) ?? false);
  }
  if ('dimension' in cond) return cond.in.includes(dimensionValue(c, cond.dimension));
  if ('flag' in cond) {
    return cond.flag === 'keyAccount' ? c.keyAccount : c.preferences[cond.flag];
  }
  const due = c.repurchase?.dueInDays;
  if (due === undefined) return false;
  return cond.repurchase === 'overdue' ? due < 0 : due >= 0 && due <= (cond.withinDays ?? 7);
}

const FALLBACK = {
  en: { name: 'there', lastItem: 'your last purchase' },
  zh_CN: { name: '亲', lastItem: '上次购买的商品' },
} as const;

/** Formats minor units in the shop currency (or as a plain 2-decimal number without one). */
export function formatSpend(minor: number, locale: ActionLocale, currency?: string): string {
  if (currency) {
    try {
      // ISO 4217 digits from the shared table (Intl gives IDR, HUF, COP, PKR, IQD 0 digits).
      const fmt = new Intl.NumberFormat(locale === 'zh_CN' ? 'zh-CN' : 'en', {
        style: 'currency',
        currency,
        ...fractionDigitsOptions(currency),
      });
      return fmt.format(toMajor(minor, currency));
    } catch {
      // Unknown currency code: fall through to the plain number.
    }
  }
  return (minor / 100).toFixed(2);
}

export function fillTemplate(template: string, values: Record<Placeholder, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    (PLACEHOLDERS as readonly string[]).includes(key) ? values[key as Placeholder] : whole,
  );
}

/**
 * Up to three actions for a buyer: every template whose condition holds, by priority (ties in
 * list order), with the reply resolved in `locale`. Missing name / last item read naturally
 * ("Hi there", "亲").
 */
export function suggestActions(
  classes: BuyerClasses,
  agg: BuyerAggregate,
  name: string | undefined,
  templates: readonly ActionTemplate[],
  locale: ActionLocale,
  options: SuggestOptions = {},
  needs?: ActionNeeds,
): SuggestedAction[] {
  const limit = options.limit ?? 3;
  const fallback = FALLBACK[locale];
  const values: Record<Placeholder, string> = {
    name: name?.trim() || fallback.name,
    lastItem: agg.lastItemTitle?.trim() || fallback.lastItem,
    daysSince: classes.rfm ? String(classes.rfm.recencyDays) : '',
    orders: String(agg.paidOrders),
    spend: formatSpend(agg.paidSpend, locale, options.currency),
  };
  return templates
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.when.some((c) => conditionHolds(c, classes, needs)))
    .sort((x, y) => x.t.priority - y.t.priority || x.index - y.index)
    .slice(0, limit)
    .map(({ t }) => ({ id: t.id, titleKey: t.titleKey, text: fillTemplate(t.reply[locale], values) }));
}
