import { SEGMENT_RANK, VALUE_TIER_RANK } from '@/core/model/ranks';
import { lookup, type OverlayTranslate } from './i18n';

/** The card's translator is a superset of the badge's, so both can be passed here. */
type T = OverlayTranslate;

/** Class names as the seller reads them; an unknown value (a newer scorer) shows as itself. */
function label(t: T, key: string, raw: string): string {
  return lookup(t, key) ?? raw;
}

export const segmentLabel = (t: T, segment: string) => label(t, `segment.${segment}`, segment);
export const tierLabel = (t: T, tier: string) => label(t, `tier.${tier}`, tier);

/** +1 when `to` ranks above `from`, -1 below, 0 when unknown or equal. */
export function direction(dimension: string, from: string, to: string): -1 | 0 | 1 {
  // The registry's ranks, from their own module: the page scripts do not carry the registry.
  const order: readonly string[] = dimension === 'valueTier' ? VALUE_TIER_RANK : SEGMENT_RANK;
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0 || a === b) return 0;
  return b > a ? 1 : -1;
}
