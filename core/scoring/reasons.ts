import type { Reason } from '../model';

/**
 * Every reason code the scorer emits, with the names of the numbers it carries and an English
 * sentence the UI can use as a translation source ({placeholders} are the value names). Codes are
 * stable: the UI and saved classes refer to them. `shop.*` codes are shop-level warnings.
 */
export const REASON_CODES = {
  'rfm.r.quantile': {
    values: ['days', 'rank', 'maxRank', 'score'],
    en: 'Last order {days} days ago, rank {rank} of {maxRank} by recency → R{score}',
  },
  'rfm.f.quantile': {
    values: ['orders', 'rank', 'maxRank', 'score', 'windowDays'],
    en: '{orders} paid orders, rank {rank} of {maxRank} → F{score}',
  },
  'rfm.m.quantile': {
    values: ['spend', 'rank', 'maxRank', 'score', 'windowDays'],
    en: 'Spent {spend}, rank {rank} of {maxRank} → M{score}',
  },
  'rfm.r.absolute': { values: ['days', 'score'], en: 'Last order {days} days ago → R{score}' },
  'rfm.f.absolute': { values: ['orders', 'score', 'windowDays'], en: '{orders} paid orders → F{score}' },
  'rfm.m.absolute': { values: ['spend', 'score', 'windowDays'], en: 'Spent {spend} → M{score}' },
  'rfm.absolute-fallback': {
    values: ['scoredBuyers', 'minBuyers'],
    en: 'Only {scoredBuyers} buyers with orders (quantiles need {minBuyers}): absolute cut points used',
  },
  'segment.rfm-grid': { values: ['r', 'f'], en: 'R{r} and F{f} place the buyer in this segment' },
  'segment.value-8': {
    values: [
      'recencyDays',
      'recencyThreshold',
      'rHigh',
      'frequency',
      'frequencyThreshold',
      'fHigh',
      'monetary',
      'monetaryThreshold',
      'mHigh',
      'threshold',
    ],
    en: 'Recency {recencyDays} vs {recencyThreshold} days, orders {frequency} vs {frequencyThreshold}, spend {monetary} vs {monetaryThreshold} ({threshold})',
  },
  'segment.prospect': { values: [], en: 'No paid order yet' },
  'value-tier.weighted': {
    values: ['score', 'r', 'f', 'm', 'mediumAt', 'highAt'],
    en: 'Weighted RFM score {score} (medium from {mediumAt}, high from {highAt})',
  },
  'value-tier.prospect': { values: [], en: 'No paid order yet' },
  'key-account.top-share': {
    values: ['spend', 'rank', 'cutoffRank', 'topShare'],
    en: 'Spend rank {rank}, within the top {cutoffRank} buyers by spend',
  },
  'key-account.min-spend': { values: ['spend', 'minSpend'], en: 'Spent {spend}, at least {minSpend}' },
  'key-account.no': {
    values: ['spend', 'rank', 'cutoffRank', 'minSpend'],
    en: 'Spend rank {rank}, outside the top {cutoffRank} buyers by spend',
  },
  'frequency-band': { values: ['orders', 'mediumAbove', 'highAbove'], en: '{orders} paid orders' },
  'spend-band': { values: ['spend', 'mediumAbove', 'highAbove'], en: 'Spent {spend}' },
  'loyalty.no-purchase': { values: [], en: 'No paid order yet' },
  'loyalty.refunds-high': {
    values: ['refundShare', 'limit'],
    en: '{refundShare} of orders refunded (limit {limit})',
  },
  'loyalty.single-purchase': {
    values: ['daysSince', 'lapsedDays'],
    en: 'One purchase day so far, {daysSince} days ago',
  },
  'loyalty.single-purchase-lapsed': {
    values: ['daysSince', 'lapsedDays'],
    en: 'One purchase day, {daysSince} days ago (over {lapsedDays})',
  },
  'loyalty.lapsed': {
    values: ['repeat', 'daysSince', 'medianInterval', 'rhythmRatio', 'lapseFactor'],
    en: '{daysSince} days since the last order, {rhythmRatio}× the usual {medianInterval} days',
  },
  'loyalty.refunds-cap': {
    values: ['repeat', 'refundShare', 'limit'],
    en: '{repeat} repeat purchases but {refundShare} of orders refunded',
  },
  'loyalty.repeat-in-rhythm': {
    values: ['repeat', 'rhythmRatio', 'medianInterval', 'refundShare'],
    en: '{repeat} repeat purchases, buying on their usual {medianInterval}-day rhythm',
  },
  'loyalty.repeat': {
    values: ['repeat', 'rhythmRatio', 'medianInterval', 'refundShare'],
    en: '{repeat} repeat purchases ({rhythmRatio}× the usual interval since the last)',
  },
  'lifecycle.prospect': { values: [], en: 'No paid order yet' },
  'lifecycle.new': { values: ['daysSinceFirst', 'newDays'], en: 'First order {daysSinceFirst} days ago' },
  'lifecycle.declining-inactive': {
    values: ['daysSince', 'afterDays'],
    en: 'No order for {daysSince} days (over {afterDays})',
  },
  'lifecycle.declining-rhythm': {
    values: ['daysSince', 'medianInterval', 'factor'],
    en: '{daysSince} days since the last order, over {factor}× the usual {medianInterval} days',
  },
  'lifecycle.growing': {
    values: ['purchaseDays', 'matureMinPurchaseDays'],
    en: '{purchaseDays} purchase days (mature from {matureMinPurchaseDays})',
  },
  'lifecycle.mature': {
    values: ['purchaseDays', 'matureMinPurchaseDays'],
    en: '{purchaseDays} purchase days',
  },
  'repurchase.due': {
    values: ['medianInterval', 'daysSince', 'dueInDays'],
    en: 'Usually buys every {medianInterval} days: next order due in {dueInDays} days',
  },
  'repurchase.overdue': {
    values: ['medianInterval', 'daysSince', 'dueInDays'],
    en: 'Usually buys every {medianInterval} days: {dueInDays} days overdue',
  },
  'repurchase.unknown': { values: ['purchaseDays'], en: 'Fewer than two purchase days: no rhythm yet' },
  'preference.discounted-orders': {
    values: ['discounted', 'orders', 'share', 'limit'],
    en: '{discounted} of {orders} orders were discounted',
  },
  'preference.low-unit-price': {
    values: ['avgUnitPrice', 'shopMedian', 'ratio'],
    en: 'Average unit price {avgUnitPrice}, low against the shop median {shopMedian}',
  },
  'preference.high-unit-price': {
    values: ['avgUnitPrice', 'shopMedian', 'ratio', 'refundShare'],
    en: 'Average unit price {avgUnitPrice}, high against the shop median {shopMedian}, few refunds',
  },
  'preference.top-category': { values: ['category', 'spend'], en: 'Spent {spend} on {category}' },
  'geography.country': {
    values: ['country', 'orders', 'shopCountry', 'crossBorder'],
    en: '{orders} orders shipped to {country}',
  },
  'geography.unknown': { values: [], en: 'No ship country recorded' },
  'customer-type.wholesale-qty': {
    values: ['maxQtyPerLine', 'limit'],
    en: 'Bought {maxQtyPerLine} of one item in an order (wholesale from {limit})',
  },
  'customer-type.items-per-order': {
    values: ['itemsPerOrder', 'limit'],
    en: '{itemsPerOrder} items per order on average',
  },
  'customer-type.business-name': { values: ['word'], en: 'The name contains "{word}"' },
  'customer-type.consumer': { values: [], en: 'No business or reseller signals' },
  'prediction.ok': {
    values: ['x', 'tx', 'T', 'unit', 'pAlive', 'expectedOrders', 'horizonDays'],
    en: 'BG/NBD: {x} repeat purchases, P(alive) {pAlive}, {expectedOrders} orders expected in {horizonDays} days',
  },
  'prediction.order-value': {
    values: ['x', 'zbar', 'expectedOrderValue'],
    en: 'Gamma-Gamma: mean repeat order {zbar} → expected order value {expectedOrderValue}',
  },
  'prediction.not-enough-history': {
    values: ['repeatBuyers', 'minRepeatBuyers'],
    en: 'Only {repeatBuyers} repeat buyers in the shop (predictions need {minRepeatBuyers})',
  },
  'prediction.no-purchase': { values: [], en: 'No paid order yet' },
  'shop.rfm-absolute-fallback': {
    values: ['scoredBuyers', 'minBuyers'],
    en: 'Only {scoredBuyers} buyers with orders: absolute RFM cut points used instead of quantiles',
  },
  'shop.prediction-not-enough-history': {
    values: ['repeatBuyers', 'minRepeatBuyers'],
    en: 'Only {repeatBuyers} repeat buyers: predictions are not shown (need {minRepeatBuyers})',
  },
  'shop.prediction-fit-failed': { values: ['buyers'], en: 'The purchase model could not be fitted' },
  'shop.order-value-unavailable': {
    values: ['repeatBuyers'],
    en: 'The order value model could not be fitted: expected order values are not shown',
  },
} as const satisfies Record<string, { values: readonly string[]; en: string }>;

export type ReasonCode = keyof typeof REASON_CODES;
export const REASON_CODE_LIST = Object.keys(REASON_CODES) as ReasonCode[];

/** Builds a Reason; typed so only documented codes can be emitted. */
export function reason(code: ReasonCode, values: Reason['values'] = {}): Reason {
  return { code, values };
}

/**
 * The reasons of a lean classification (`classifyBuyer(…, { reasons: false })`): one shared
 * empty list instead of a fresh one per buyer and dimension. Frozen, so a stray push throws
 * instead of leaking into every buyer.
 */
export const NO_REASONS = Object.freeze<Reason[]>([]) as Reason[];

/** Rounds a ratio for display in reasons (reasons carry numbers, not formatted text). */
export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
