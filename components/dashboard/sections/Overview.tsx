import { useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import { CLASS_DIMENSIONS } from '@/core/model/dimensions';
import { BarChart } from '../../charts/BarChart';
import { HeatGrid } from '../../charts/HeatGrid';
import { ImportSummary } from '../../importExport/ImportSummary';
import { formatCount, formatMoneyWhole } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import { classLabel } from '../../ui/labels';
import type { SectionContext } from '../DashboardApp';
import { EmptyState } from '../EmptyState';
import { LeftOutNotice } from '../LeftOutNotice';
import { useRequest } from '../useRequest';

// Bars in the registry's display order.
const TIER_ORDER = CLASS_DIMENSIONS.valueTier.values;
const LIFECYCLE_ORDER = CLASS_DIMENSIONS.lifecycle.values;

/** Overview cards and the charts a seller reads at a glance. */
export function Overview({ ctx }: { ctx: SectionContext }) {
  const { t, locale } = useI18n();
  const overview = useRequest(() => request('getOverview', {}), ['buyers', 'settings']);
  const dist = useRequest(() => request('getDistributions', {}), ['buyers', 'settings']);
  const o = overview.data;
  const d = dist.data;
  const n = (x: number) => formatCount(x, locale);

  // An import started from the empty screen keeps it on screen until it ends: the first
  // batch's buyers must not swap the page (and abort the import) half-way.
  const [importing, setImporting] = useState(false);

  if (o && (o.buyers === 0 || importing)) return <EmptyState ctx={ctx} onRunning={setImporting} />;

  const cards: Array<[string, string, string]> = [
    ['buyers', t('dash.stat.buyers'), o ? n(o.buyers) : ''],
    ['orders', t('dash.stat.orders'), o ? n(o.orders) : ''],
    ['revenue', t('dash.stat.revenue'), o ? formatMoneyWhole(o.revenue, o.currency, locale) : ''],
    ['active', t('dash.stat.active90'), o ? n(o.active90d) : ''],
  ];
  return (
    <div class="overview">
      <h1 class="page-title">{t('dash.nav.overview')}</h1>
      {ctx.lastImport && (
        <section
          class="card overview__import"
          aria-labelledby="overview-import-title"
          data-testid="overview-import"
        >
          <div class="overview__import-head">
            <h2 id="overview-import-title">{t('io.summary.title')}</h2>
            <button type="button" class="btn btn--small" onClick={ctx.dismissLastImport}>
              {t('io.summary.dismiss')}
            </button>
          </div>
          <ImportSummary record={ctx.lastImport.record} cancelled={false} leftOut={ctx.lastImport.leftOut} />
        </section>
      )}
      <LeftOutNotice ctx={ctx} />
      <div class="cards">
        {cards.map(([id, label, value]) => (
          <div class="card stat" key={id} data-testid={`stat-${id}`}>
            <span class="stat__label">{label}</span>
            <span class={`stat__value ${value ? '' : 'skeleton'}`}>{value}</span>
          </div>
        ))}
      </div>
      <div class="charts">
        <figure class="card chart-card">
          <figcaption>{t('dash.chart.segmentBuyers')}</figcaption>
          {d ? (
            <BarChart
              title={t('dash.chart.segmentBuyers')}
              bars={d.segments.map((s) => ({
                id: s.segment,
                label: classLabel(t, 'segment', s.segment),
                value: s.buyers,
                display: n(s.buyers),
              }))}
            />
          ) : (
            <div class="skeleton skeleton--chart" />
          )}
        </figure>
        <figure class="card chart-card">
          <figcaption>{t('dash.chart.segmentRevenue')}</figcaption>
          {d ? (
            <BarChart
              title={t('dash.chart.segmentRevenue')}
              bars={[...d.segments]
                .sort((a, b) => b.revenue - a.revenue)
                .map((s) => ({
                  id: s.segment,
                  label: classLabel(t, 'segment', s.segment),
                  value: s.revenue,
                  display: formatMoneyWhole(s.revenue, d.currency, locale),
                }))}
            />
          ) : (
            <div class="skeleton skeleton--chart" />
          )}
        </figure>
        <figure class="card chart-card">
          <figcaption>{t('dash.chart.rf')}</figcaption>
          {d ? (
            <HeatGrid
              cells={d.rf}
              title={t('dash.chart.rf')}
              rowLabel={t('dash.chart.rfRows')}
              colLabel={t('dash.chart.rfCols')}
              format={n}
              cellLabel={(r, f, count) => t('dash.chart.rfCell', { r, f, n: n(count) })}
            />
          ) : (
            <div class="skeleton skeleton--chart" />
          )}
        </figure>
        <figure class="card chart-card">
          <figcaption>{t('dash.chart.tiers')}</figcaption>
          {d ? (
            <BarChart
              title={t('dash.chart.tiers')}
              bars={TIER_ORDER.filter((k) => d.valueTiers[k]).map((k) => ({
                id: k,
                label: classLabel(t, 'valueTier', k),
                value: d.valueTiers[k],
                display: n(d.valueTiers[k]),
              }))}
            />
          ) : (
            <div class="skeleton skeleton--chart" />
          )}
          {d && <p class="muted">{t('dash.chart.keyAccounts', { n: n(d.keyAccounts) })}</p>}
        </figure>
        <figure class="card chart-card">
          <figcaption>{t('dash.chart.lifecycle')}</figcaption>
          {d ? (
            <BarChart
              title={t('dash.chart.lifecycle')}
              bars={LIFECYCLE_ORDER.filter((k) => d.lifecycles[k]).map((k) => ({
                id: k,
                label: classLabel(t, 'lifecycle', k),
                value: d.lifecycles[k],
                display: n(d.lifecycles[k]),
              }))}
            />
          ) : (
            <div class="skeleton skeleton--chart" />
          )}
        </figure>
      </div>
    </div>
  );
}
