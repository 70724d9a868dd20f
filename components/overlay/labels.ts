import { lookup, type OverlayTranslate } from './i18n';

/** The card's translator is a superset of the badge's, so both can be passed here. */
type T = OverlayTranslate;

/** Class names as the seller reads them; an unknown value (a newer scorer) shows as itself. */
function label(t: T, key: string, raw: string): string {
  return lookup(t, key) ?? raw;
}

export const segmentLabel = (t: T, segment: string) => label(t, `segment.${segment}`, segment);
export const tierLabel = (t: T, tier: string) => label(t, `tier.${tier}`, tier);

/*
 * A copy of the registry's ranks (core/model/dimensions.ts), kept here so the page scripts do not
 * carry the registry; tests/unit/model/dimensions.test.ts fails when they drift. Segments from
 * worst to best, per scheme, so a class change can say ↑ or ↓. Prospects sit
 * below everything: becoming a buyer is always up. value-8 follows the usual ranking
 * 重要价值 > 重要发展 > 重要保持 > 重要挽留 (recent beats frequent-but-lapsed). The dashboard's
 * movers list uses the same order.
 */
export const SEGMENT_ORDER: readonly string[] = [
  'prospect',
  'hibernating',
  'about-to-sleep',
  'at-risk',
  'cannot-lose',
  'need-attention',
  'promising',
  'new',
  'potential-loyalist',
  'loyal',
  'champions',
  'general-retain',
  'general-keep',
  'general-develop',
  'general-value',
  'important-retain',
  'important-keep',
  'important-develop',
  'important-value',
];
export const TIER_ORDER: readonly string[] = ['none', 'low', 'medium', 'high'];

/** +1 when `to` ranks above `from`, -1 below, 0 when unknown or equal. */
export function direction(dimension: string, from: string, to: string): -1 | 0 | 1 {
  const order = dimension === 'valueTier' ? TIER_ORDER : SEGMENT_ORDER;
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0 || a === b) return 0;
  return b > a ? 1 : -1;
}
