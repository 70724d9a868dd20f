import { useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import { rankOf, TRACKED_DIMENSIONS, type TrackedDimension } from '@/core/model/dimensions';
import { formatAgo, formatCount } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import { classLabel, dimensionLabel } from '../../ui/labels';
import type { SectionContext } from '../DashboardApp';
import { useRequest } from '../useRequest';

/** Who changed class recently (Champions → At risk), newest first; one click opens the card. */
export function Movers({ ctx }: { ctx: SectionContext }) {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<7 | 30>(7);
  const [dimension, setDimension] = useState<TrackedDimension>('segment');
  const movers = useRequest(() => request('getMovers', { days, dimension }), ['buyers'], [days, dimension]);
  const now = Date.now();
  const list = movers.data;
  return (
    <div class="movers">
      <h1 class="page-title">{t('dash.nav.movers')}</h1>
      <div class="toolbar">
        <fieldset class="segmented">
          <legend class="sr-only">{t('dash.movers.period')}</legend>
          {([7, 30] as const).map((d) => (
            <label key={d} class={`segmented__opt ${days === d ? 'segmented__opt--on' : ''}`}>
              <input
                type="radio"
                name="mover-days"
                value={d}
                checked={days === d}
                onChange={() => setDays(d)}
              />
              {t('dash.movers.days', { n: d })}
            </label>
          ))}
        </fieldset>
        <label class="filter">
          <span class="filter__label">{t('dash.movers.dimension')}</span>
          <select
            class="select"
            value={dimension}
            onChange={(e) => setDimension(e.currentTarget.value as TrackedDimension)}
          >
            {TRACKED_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(t, d)}
              </option>
            ))}
          </select>
        </label>
        <span class="muted">
          {list ? t('dash.movers.count', { n: formatCount(list.length, locale) }) : ''}
        </span>
      </div>
      {list === undefined ? (
        <div class="skeleton skeleton--list" />
      ) : list.length === 0 ? (
        <p class="empty">{t('dash.movers.none')}</p>
      ) : (
        <ul class="mover-list" data-testid="movers">
          {list.map((m) => {
            const down = rank(m.dimension, m.to) < rank(m.dimension, m.from);
            return (
              <li key={`${m.buyerKey}${m.at}${m.to}`}>
                <button type="button" class="mover" onClick={() => ctx.openBuyer(m.buyerKey)}>
                  <span class="mover__name">{m.name ?? m.buyerKey}</span>
                  <span class={`mover__change ${down ? 'mover__change--down' : 'mover__change--up'}`}>
                    <span aria-hidden="true">{down ? '↓ ' : '↑ '}</span>
                    {`${classLabel(t, m.dimension, m.from)} → ${classLabel(t, m.dimension, m.to)}`}
                  </span>
                  <span class="muted">{formatAgo(m.at, now, locale)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The registry's worst-to-best order, only to pick the arrow. */
function rank(dimension: string, value: string): number {
  return rankOf(dimension, value) ?? 0;
}
