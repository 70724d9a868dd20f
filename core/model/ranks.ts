/**
 * How the values of the ranked class dimensions order, worst to best, so a class change can say
 * ↑ or ↓. Its own tiny module so the page scripts (badge arrows) share it with the registry
 * (core/model/dimensions.ts) without carrying the registry. Prospects sit below everything
 * (becoming a buyer is always up); value-8 follows the usual 重要价值 > 重要发展 > 重要保持 >
 * 重要挽留 (recent beats frequent-but-lapsed). The dashboard's movers list uses the same order.
 */
export const SEGMENT_RANK = [
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
] as const;

export const VALUE_TIER_RANK = ['none', 'low', 'medium', 'high'] as const;
