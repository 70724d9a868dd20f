import type { BadgeDto } from '@/core/messaging';
import { cleanText } from '@/core/sites/text';
import { ago, money } from './format';
import type { OverlayLocale, OverlayTranslate } from './i18n';
import { direction, segmentLabel, tierLabel } from './labels';

export interface BadgeProps {
  badge: BadgeDto;
  locale: OverlayLocale;
  t: OverlayTranslate;
  now: number;
  onOpen?: () => void;
}

export function ordersText(t: OverlayTranslate, paidOrders: number): string {
  if (paidOrders === 0) return t('badge.noOrders');
  return paidOrders === 1 ? t('badge.ordersOne') : t('badge.orders', { n: paidOrders });
}

/** Longest name put in an aria-label; the page may hand us 10,000 characters. */
const MAX_LABEL = 80;

/**
 * A name fit to show: stored names may predate cleaning (imports, demo data), so bidi
 * overrides and zero-width characters are dropped here too, then the length is capped.
 */
export function shortName(name: string | undefined, fallback: string): string {
  const s = cleanText(name, 10_000) || cleanText(fallback, 10_000);
  const chars = Array.from(s);
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL).join('')}…` : s;
}

/** `VIP · Champions · 7 orders · ¥12,300 · last order 3 days ago`, as inert text nodes. */
export function Badge({ badge, locale, t, now, onOpen }: BadgeProps) {
  const parts = [ordersText(t, badge.paidOrders)];
  if (badge.paidOrders > 0) parts.push(money(badge.spend, badge.currency, locale));
  if (badge.lastOrderAt) parts.push(t('badge.lastOrder', { ago: ago(badge.lastOrderAt, now, locale) }));
  const change = badge.change;
  const dir = change ? direction(change.dimension, change.from, change.to) : 0;
  return (
    <button
      type="button"
      class={`bt-badge bt-tier-${badge.tier}`}
      data-testid="bt-badge"
      data-buyer-key={badge.key}
      aria-label={t('badge.open', { name: shortName(badge.name, badge.key) })}
      onClick={(e) => {
        e.preventDefault();
        // A page script's synthetic click must not open the card (the root stops it first too).
        if (e.isTrusted) onOpen?.();
      }}
    >
      <span class="bt-tier">
        {tierLabel(t, badge.tier)}
        {badge.keyAccount ? ' ★' : ''}
      </span>
      <span class="bt-segment">{segmentLabel(t, badge.segment)}</span>
      <span class="bt-facts">{parts.join(' · ')}</span>
      {change && (
        <span class={`bt-change ${dir > 0 ? 'bt-up' : 'bt-down'}`} data-testid="bt-change">
          {t(dir > 0 ? 'badge.changedUp' : 'badge.changedFrom', {
            from: segmentLabel(t, change.from),
            ago: ago(change.at, now, locale),
          })}
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

export interface MiniBadgeProps {
  buyerKey: string;
  name: string;
  badge: BadgeDto | undefined;
  t: OverlayTranslate;
  onOpen?: () => void;
}

/** The list form: tier, segment and order count; a buyer not in Buyer Tiers yet reads "new". */
export function MiniBadge({ buyerKey, name, badge, t, onOpen }: MiniBadgeProps) {
  return (
    <button
      type="button"
      class={`bt-badge bt-mini bt-tier-${badge?.tier ?? 'none'}`}
      data-testid="bt-mini"
      data-buyer-key={buyerKey}
      data-known={badge ? 'true' : 'false'}
      aria-label={t('mini.open', { name: shortName(name, buyerKey) })}
      onClick={(e) => {
        e.preventDefault();
        // A page script's synthetic click must not open the card (the root stops it first too).
        if (e.isTrusted) onOpen?.();
      }}
    >
      {badge ? (
        <>
          <span class="bt-tier">{tierLabel(t, badge.tier)}</span>
          <span class="bt-segment">{segmentLabel(t, badge.segment)}</span>
          <span class="bt-facts" data-testid="bt-mini-orders">
            {ordersText(t, badge.paidOrders)}
          </span>
          {badge.tags.slice(0, 2).map((tag) => (
            <span key={tag.id} class="bt-tag" style={{ borderColor: tag.color, color: tag.color }}>
              {tag.name}
            </span>
          ))}
        </>
      ) : (
        <span class="bt-facts">{t('mini.unknown')}</span>
      )}
    </button>
  );
}
