/** biome-ignore-all lint/a11y/useSemanticElements: virtualised rows are absolutely positioned divs, which a <table> cannot hold; ARIA table roles keep the semantics. */
/** biome-ignore-all lint/a11y/useFocusableInteractive: focus is on rows (roving tabindex), not on every cell and header. */
import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BuyerSort, BuyerSortKey } from '@/core/adminDtos';
import { formatMoney, type MessageKey } from '../i18n';
import { formatCount, formatDate } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { classLabel } from '../ui/labels';
import type { BuyerPages } from './useBuyerPages';

export const ROW_HEIGHT = 44;
const OVERSCAN = 8;

const COLUMNS: ReadonlyArray<{ id: BuyerSortKey | 'tags'; label: MessageKey; sortable: boolean }> = [
  { id: 'name', label: 'dash.col.name', sortable: true },
  { id: 'tier', label: 'dash.col.tier', sortable: true },
  { id: 'segment', label: 'dash.col.segment', sortable: true },
  { id: 'orders', label: 'dash.col.orders', sortable: true },
  { id: 'spend', label: 'dash.col.spend', sortable: true },
  { id: 'lastOrderAt', label: 'dash.col.lastOrder', sortable: true },
  { id: 'tags', label: 'dash.col.tags', sortable: false },
];

/**
 * The virtualised buyer table: a fixed-height scroller whose inner height is total × row
 * height, with only the visible rows (plus a few) rendered. Keyboard: Up/Down/PageUp/PageDown/
 * Home/End move the focused row, Enter opens it, Space toggles its selection.
 */
export function BuyerTable(props: {
  pages: BuyerPages;
  sort: BuyerSort;
  onSort(sort: BuyerSort): void;
  selected: ReadonlySet<string>;
  onToggle(key: string): void;
  onOpen(key: string): void;
}) {
  const { t, locale } = useI18n();
  const { pages } = props;
  const total = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  const [focus, setFocus] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    // A new query starts at the top.
    scroller.current?.scrollTo({ top: 0 });
    setFocus(0);
  }, [pages.query]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => pages.ensure(first, last), [first, last, total]);

  const moveFocus = (to: number) => {
    const i = Math.max(0, Math.min(total - 1, to));
    setFocus(i);
    const el = scroller.current;
    if (!el) return;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    requestAnimationFrame(() => el.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const perPage = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const row = pages.row(focus);
    switch (e.key) {
      case 'ArrowDown':
        moveFocus(focus + 1);
        break;
      case 'ArrowUp':
        moveFocus(focus - 1);
        break;
      case 'PageDown':
        moveFocus(focus + perPage);
        break;
      case 'PageUp':
        moveFocus(focus - perPage);
        break;
      case 'Home':
        moveFocus(0);
        break;
      case 'End':
        moveFocus(total - 1);
        break;
      case 'Enter':
        if (row) props.onOpen(row.key);
        break;
      case ' ':
        if (row) props.onToggle(row.key);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const sortBy = (id: BuyerSortKey) =>
    props.onSort({ by: id, dir: props.sort.by === id && props.sort.dir === 'desc' ? 'asc' : 'desc' });

  const rows: JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    const r = pages.row(i);
    const style = { transform: `translateY(${i * ROW_HEIGHT}px)` };
    if (!r) {
      rows.push(
        <div key={`p${i}`} class="bt-row bt-row--loading" role="row" aria-rowindex={i + 2} style={style}>
          <span class="skeleton skeleton--line" role="cell" />
        </div>,
      );
      continue;
    }
    const label = r.name ?? r.buyerId;
    rows.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: Enter and Space are handled for all rows by the scroller's onKeyDown.
      <div
        key={r.key}
        class={`bt-row ${props.selected.has(r.key) ? 'bt-row--selected' : ''}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={props.selected.has(r.key)}
        tabIndex={i === focus ? 0 : -1}
        data-index={i}
        data-buyer-key={r.key}
        style={style}
        onClick={() => props.onOpen(r.key)}
        onFocus={() => setFocus(i)}
      >
        <span class="bt-cell bt-cell--check" role="cell">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={props.selected.has(r.key)}
            aria-label={t('dash.table.select', { name: label })}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(r.key);
            }}
          />
        </span>
        <span class="bt-cell bt-cell--name" role="cell">
          <span class="bt-name">{label}</span>
          <span class="bt-sub">{`${r.platform} · ${r.buyerId}`}</span>
        </span>
        <span class="bt-cell" role="cell">
          <span class={`pill pill--tier-${r.tier}`}>{classLabel(t, 'valueTier', r.tier)}</span>
          {r.keyAccount && <span class="pill pill--key">{t('dash.keyAccount')}</span>}
        </span>
        <span class="bt-cell" role="cell">
          {classLabel(t, 'segment', r.segment)}
        </span>
        <span class="bt-cell num" role="cell">
          {formatCount(r.paidOrders, locale)}
        </span>
        <span class="bt-cell num" role="cell">
          {formatMoney(r.spend, pages.currency, locale)}
        </span>
        <span class="bt-cell" role="cell">
          {r.lastOrderAt ? formatDate(r.lastOrderAt, locale) : '—'}
        </span>
        <span class="bt-cell bt-cell--tags" role="cell">
          {r.tags.map((tag) => (
            <span
              key={tag.id}
              class="tag-chip tag-chip--small"
              style={{ borderColor: tag.color, color: tag.color }}
            >
              {tag.name}
            </span>
          ))}
        </span>
      </div>,
    );
  }

  return (
    <div class="bt-table" role="table" aria-label={t('dash.table.label')} aria-rowcount={total + 1}>
      <div class="bt-row bt-row--head" role="row" aria-rowindex={1}>
        <span class="bt-cell bt-cell--check" role="columnheader">
          <span class="sr-only">{t('dash.table.selectCol')}</span>
        </span>
        {COLUMNS.map((c) => (
          <span
            key={c.id}
            class={`bt-cell ${c.id === 'name' ? 'bt-cell--name' : ''} ${c.id === 'orders' || c.id === 'spend' ? 'num' : ''}`}
            role="columnheader"
            aria-sort={
              props.sort.by === c.id ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
            }
          >
            {c.sortable ? (
              <button
                type="button"
                class="sort-btn"
                onClick={() => sortBy(c.id as BuyerSortKey)}
                data-sort={c.id}
              >
                {t(c.label)}
                <span class="sort-btn__dir" aria-hidden="true">
                  {props.sort.by === c.id ? (props.sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              t(c.label)
            )}
          </span>
        ))}
      </div>
      <div
        class="bt-scroller"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        data-testid="buyer-rows"
      >
        <div class="bt-inner" style={{ height: `${total * ROW_HEIGHT}px` }}>
          {rows}
        </div>
        {pages.total === 0 && <p class="empty bt-empty">{t('dash.table.none')}</p>}
      </div>
    </div>
  );
}
