import { useState } from 'preact/hooks';
import type { BuyerPageDto } from '@/core/adminDtos';
import type { ClusterGroup } from '@/core/scoring/cluster/types';
import { formatMoney, type Translate, type UiLocale } from '../i18n';
import { formatCount, formatPercent } from '../ui/format';
import type { GroupsApi } from './api';

const PAGE = 50;

export interface GroupCardProps {
  group: ClusterGroup;
  totalBuyers: number;
  currency: string;
  locale: UiLocale;
  t: Translate;
  api: GroupsApi;
  onOpenBuyer?(buyerKey: string): void;
  onSaved(message: string): void;
  onError(message: string): void;
}

/** One discovered group: its plain-words description, size, revenue, centre, buyers and "save as tag". */
export function GroupCard({
  group,
  totalBuyers,
  currency,
  locale,
  t,
  api,
  onOpenBuyer,
  onSaved,
  onError,
}: GroupCardProps) {
  const [buyers, setBuyers] = useState<BuyerPageDto | null>(null);
  const [naming, setNaming] = useState(false);
  const [tagName, setTagName] = useState(() => t('groups.tagDefault', { n: group.id + 1 }));
  const [busy, setBusy] = useState(false);
  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  const c = group.centre;

  const load = async (offset: number) => {
    try {
      const page = await api.buyers(group.id, offset, PAGE);
      setBuyers((prev) => (prev && offset > 0 ? { ...page, rows: [...prev.rows, ...page.rows] } : page));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const res = await api.saveAsTag(group.id, tagName.trim());
      setNaming(false);
      onSaved(t('groups.saved', { n: formatCount(res.tagged, locale), tag: res.tag.name }));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="card group-card" data-testid="group-card" data-group={group.id}>
      <header class="group-card__head">
        <h2 class="group-card__title">{t('groups.group', { n: group.id + 1 })}</h2>
        <p class="group-card__desc">{group.description[locale]}</p>
      </header>
      <p class="group-card__stats">
        <span>
          {t('groups.size', {
            n: formatCount(group.size, locale),
            share: formatPercent(group.size / Math.max(1, totalBuyers), locale),
          })}
        </span>
        {' · '}
        <span>{t('groups.revenue', { share: formatPercent(group.revenueShare, locale) })}</span>
      </p>
      <p class="group-card__centre muted">
        {t('groups.centre', {
          days: Math.round(c.recencyDays),
          orders: c.orders.toFixed(1),
          spend: money(c.spend),
          aov: money(c.avgOrderValue),
        })}
        {' · '}
        {t('groups.discounts', { share: formatPercent(c.discountShare, locale) })}
      </p>
      <div class="group-card__actions">
        <button type="button" class="btn" onClick={() => (buyers ? setBuyers(null) : void load(0))}>
          {buyers ? t('groups.hide') : t('groups.open')}
        </button>
        {naming ? (
          <form
            class="group-card__tag"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label>
              <span class="sr-only">{t('groups.tagName')}</span>
              <input
                class="input"
                value={tagName}
                maxLength={60}
                onInput={(e) => setTagName(e.currentTarget.value)}
                aria-label={t('groups.tagName')}
              />
            </label>
            <button type="submit" class="btn btn--primary" disabled={busy || tagName.trim() === ''}>
              {t('groups.save')}
            </button>
            <button type="button" class="btn" onClick={() => setNaming(false)}>
              {t('groups.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" class="btn" onClick={() => setNaming(true)}>
            {t('groups.saveTag')}
          </button>
        )}
      </div>
      {buyers ? (
        <div class="group-card__buyers">
          <p class="muted">
            {t('groups.buyersOf', {
              shown: formatCount(buyers.rows.length, locale),
              total: formatCount(buyers.total, locale),
            })}
          </p>
          <ul>
            {buyers.rows.map((b) => (
              <li key={b.key}>
                <button
                  type="button"
                  class="link"
                  onClick={() => onOpenBuyer?.(b.key)}
                  disabled={!onOpenBuyer}
                >
                  {b.name ?? b.buyerId}
                </button>{' '}
                <span class="muted">
                  {b.paidOrders} · {money(b.spend)}
                </span>
              </li>
            ))}
          </ul>
          {buyers.rows.length < buyers.total ? (
            <button type="button" class="btn" onClick={() => void load(buyers.rows.length)}>
              {t('groups.more')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
