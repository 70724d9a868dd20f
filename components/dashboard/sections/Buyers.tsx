import { useEffect, useState } from 'preact/hooks';
import type { BuyerFilters, BuyerSort } from '@/core/adminDtos';
import { request } from '@/core/messaging';
import { BUYER_FILTERS, CLASS_DIMENSIONS, SEGMENTS } from '@/core/model/dimensions';
import { errorText } from '../../ui/errors';
import { formatCount } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import { classLabel } from '../../ui/labels';
import { BuyerTable } from '../BuyerTable';
import type { SectionContext } from '../DashboardApp';
import { useBuyerPages } from '../useBuyerPages';
import { useRequest } from '../useRequest';

const TEXT_DEBOUNCE_MS = 150;

/** The buyer table: filters, sort, bulk tagging, and a row opens the buyer's card. */
export function Buyers({ ctx }: { ctx: SectionContext }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<BuyerFilters>({});
  const [text, setText] = useState('');
  const [sort, setSort] = useState<BuyerSort>({ by: 'spend', dir: 'desc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkTag, setBulkTag] = useState('');
  const tags = useRequest(() => request('listTags', {}), ['tags']);
  const dist = useRequest(() => request('getDistributions', {}), ['buyers']);
  const pages = useBuyerPages(filters, sort);

  useEffect(() => {
    const id = setTimeout(
      () => setFilters((f) => ({ ...f, text: text.trim() || undefined })),
      TEXT_DEBOUNCE_MS,
    );
    return () => clearTimeout(id);
  }, [text]);

  const setFilter = (k: keyof BuyerFilters, v: string) => {
    setFilters((f) => ({ ...f, [k]: v || undefined }));
    setSelected(new Set());
  };
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const bulk = async (mode: 'selected' | 'matching' | 'untag') => {
    if (!bulkTag) return;
    try {
      const keys = [...selected];
      let n = 0;
      if (mode === 'matching') n = (await request('tagMatching', { filters, tagId: bulkTag })).tagged;
      else {
        for (let i = 0; i < keys.length; i += 2000) {
          const chunk = keys.slice(i, i + 2000);
          if (mode === 'untag')
            n += (await request('untagBuyers', { buyerKeys: chunk, tagId: bulkTag })).untagged;
          else n += (await request('tagBuyers', { buyerKeys: chunk, tagId: bulkTag })).tagged;
        }
      }
      ctx.notify({
        text: t(mode === 'untag' ? 'dash.bulk.untagged' : 'dash.bulk.tagged', { n: formatCount(n, locale) }),
      });
      setSelected(new Set());
    } catch (e) {
      ctx.notify({ text: errorText(e, t), kind: 'error' });
    }
  };

  const platforms = Object.keys(dist.data?.platforms ?? {}).sort();
  // Both schemes' segments share one list: offer only those buyers are in.
  const present = new Set(dist.data?.segments.map((s) => s.segment));
  const segments = SEGMENTS.filter((s) => present.has(s));
  const total = pages.total;

  return (
    <div class="buyers">
      <h1 class="page-title">{t('dash.nav.buyers')}</h1>
      <form class="filters" aria-label={t('dash.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          class="input filters__text"
          value={text}
          placeholder={t('dash.filters.search')}
          aria-label={t('dash.filters.search')}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="filter-text"
        />
        <FilterSelect
          label={t('dash.filters.platform')}
          value={filters.platform}
          onChange={(v) => setFilter('platform', v)}
          testId="filter-platform"
        >
          {platforms.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('dash.filters.tag')}
          value={filters.tagId}
          onChange={(v) => setFilter('tagId', v)}
          testId="filter-tag"
        >
          {(tags.data ?? []).map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </FilterSelect>
        {BUYER_FILTERS.map(({ dimension, field }) => (
          <FilterSelect
            key={field}
            label={t(`dash.filters.${field}`)}
            value={filters[field]}
            onChange={(v) => setFilter(field, v)}
            testId={`filter-${field}`}
          >
            {(dimension === 'segment' ? segments : CLASS_DIMENSIONS[dimension].values).map((v) => (
              <option key={v} value={v}>
                {classLabel(t, dimension, v)}
              </option>
            ))}
          </FilterSelect>
        ))}
      </form>
      <div class="table-bar">
        <span class="table-bar__count" data-testid="buyer-total" aria-live="polite">
          {total === undefined ? '' : t('dash.table.count', { n: formatCount(total, locale) })}
        </span>
        <span class="table-bar__bulk">
          <label class="sr-only" for="bulk-tag">
            {t('dash.bulk.tag')}
          </label>
          <select
            id="bulk-tag"
            class="select select--small"
            value={bulkTag}
            onChange={(e) => setBulkTag(e.currentTarget.value)}
          >
            <option value="">{t('dash.bulk.pick')}</option>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="btn btn--small"
            disabled={!bulkTag || selected.size === 0}
            onClick={() => void bulk('selected')}
          >
            {t('dash.bulk.tagSelected', { n: formatCount(selected.size, locale) })}
          </button>
          <button
            type="button"
            class="btn btn--small"
            disabled={!bulkTag || selected.size === 0}
            onClick={() => void bulk('untag')}
          >
            {t('dash.bulk.untagSelected')}
          </button>
          <button
            type="button"
            class="btn btn--small"
            disabled={!bulkTag || !total}
            onClick={() => void bulk('matching')}
          >
            {t('dash.bulk.tagMatching', { n: formatCount(total ?? 0, locale) })}
          </button>
        </span>
      </div>
      <BuyerTable
        pages={pages}
        sort={sort}
        onSort={setSort}
        selected={selected}
        onToggle={toggle}
        onOpen={ctx.openBuyer}
      />
      <p class="muted table-foot">
        {pages.tookMs === undefined ? '' : t('dash.table.took', { ms: pages.tookMs.toFixed(1) })}
      </p>
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  onChange(v: string): void;
  testId: string;
  children: preact.ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <label class="filter">
      <span class="filter__label">{props.label}</span>
      <select
        class="select"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={props.testId}
      >
        <option value="">{t('dash.filters.all')}</option>
        {props.children}
      </select>
    </label>
  );
}
