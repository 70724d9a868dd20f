import { formatDistanceStrict } from 'date-fns';
import type { BadgeDto } from '@/core/messaging';
import { dateLocale, formatMoney, type MessageKey, type Translate, type UiLocale } from '../i18n';

export interface BadgeProps {
  badge: BadgeDto;
  locale: UiLocale;
  t: Translate;
  now: number;
  onOpen?: () => void;
}

export function segmentLabel(t: Translate, segment: string): string {
  return t(`segment.${segment}` as MessageKey);
}

export function tierLabel(t: Translate, tier: string): string {
  return t(`tier.${tier}` as MessageKey);
}

/** `VIP · Champions · 7 orders · ¥12,300 · last order 3 days ago`, as inert text. */
export function Badge({ badge, locale, t, now, onOpen }: BadgeProps) {
  const ago = (at: number) => formatDistanceStrict(at, now, { addSuffix: true, locale: dateLocale(locale) });
  const parts = [
    badge.paidOrders === 0
      ? t('badge.noOrders')
      : badge.paidOrders === 1
        ? t('badge.ordersOne')
        : t('badge.orders', { n: badge.paidOrders }),
  ];
  if (badge.paidOrders > 0) parts.push(formatMoney(badge.spend, badge.currency, locale));
  if (badge.lastOrderAt) parts.push(t('badge.lastOrder', { ago: ago(badge.lastOrderAt) }));
  const label = badge.name ?? badge.key;
  return (
    <button
      type="button"
      class={`bt-badge bt-tier-${badge.tier}`}
      data-testid="bt-badge"
      data-buyer-key={badge.key}
      aria-label={t('badge.open', { name: label })}
      onClick={onOpen}
    >
      <span class="bt-tier">{tierLabel(t, badge.tier)}</span>
      <span class="bt-segment">{segmentLabel(t, badge.segment)}</span>
      <span class="bt-facts">{parts.join(' · ')}</span>
      {badge.change && (
        <span class="bt-change" data-testid="bt-change">
          {t('badge.changedFrom', { from: segmentLabel(t, badge.change.from), ago: ago(badge.change.at) })}
        </span>
      )}
      {badge.tags.map((tag) => (
        <span key={tag.id} class="bt-tag" style={{ borderColor: tag.color, color: tag.color }}>
          {tag.name}
        </span>
      ))}
    </button>
  );
}
