import { useEffect, useState } from 'preact/hooks';
import { EXPORT_COLUMNS, type ExportColumn } from '@/core/export';
import { request } from '@/core/messaging';
import type { Tag } from '@/core/model';
import { CLASS_DIMENSIONS } from '@/core/model/dimensions';
import { errorText } from '../ui/errors';
import { useI18n } from '../ui/i18nContext';
import { classLabel } from '../ui/labels';
import { copyText, saveText } from './download';

type Kind = 'tag' | 'tier' | 'segment' | 'all';
/** Every column but these starts ticked, the registry's class columns included. */
const OFF_BY_DEFAULT: ReadonlySet<ExportColumn> = new Set(['r', 'f', 'm', 'country', 'note']);
const DEFAULT_COLUMNS: ExportColumn[] = EXPORT_COLUMNS.filter((c) => !OFF_BY_DEFAULT.has(c));

/** Export the buyers of a tag, tier or segment (or everyone) as CSV or JSON, or copy their ids. */
export function ExportPanel() {
  const { t, locale } = useI18n();
  const [tags, setTags] = useState<Tag[]>([]);
  const [kind, setKind] = useState<Kind>('tag');
  const [value, setValue] = useState('');
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_COLUMNS);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    request('listTags', {})
      .then((list) => setTags(list))
      .catch(() => {});
  }, []);

  const options: Array<{ value: string; label: string }> =
    kind === 'tag'
      ? tags.map((x) => ({ value: x.id, label: x.name }))
      : kind === 'tier'
        ? CLASS_DIMENSIONS.valueTier.values.map((x) => ({ value: x, label: classLabel(t, 'valueTier', x) }))
        : kind === 'segment'
          ? CLASS_DIMENSIONS.segment.values.map((x) => ({ value: x, label: classLabel(t, 'segment', x) }))
          : [];
  const chosen = kind === 'all' ? '' : value || options[0]?.value || '';
  const listName =
    kind === 'all' ? t('io.export.everyone') : (options.find((o) => o.value === chosen)?.label ?? chosen);
  const selection =
    kind === 'tag'
      ? { tagId: chosen }
      : kind === 'tier'
        ? { tier: chosen }
        : kind === 'segment'
          ? { segment: chosen }
          : {};
  const ready = kind === 'all' || chosen !== '';

  const run = async (fmt: 'csv' | 'json' | 'ids') => {
    setMessage(undefined);
    try {
      const out = await request('exportBuyers', {
        selection,
        columns: fmt === 'ids' ? ['buyerId'] : columns,
        format: fmt,
        listName,
        language: locale,
      });
      if (fmt === 'ids') {
        await copyText(out.content);
        setMessage({ text: t('io.export.copied', { n: out.count }) });
      } else {
        saveText(out.fileName, out.mime, out.content);
        setMessage({ text: t('io.export.saved', { n: out.count, file: out.fileName }) });
      }
    } catch (e) {
      setMessage({ text: errorText(e, t), error: true });
    }
  };

  return (
    <section class="card" aria-labelledby="io-export-title" data-testid="io-export">
      <h2 id="io-export-title">{t('io.export.title')}</h2>
      <div class="filters">
        <label class="filter">
          <span class="filter__label">{t('io.export.which')}</span>
          <select
            class="select"
            data-testid="io-export-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as Kind);
              setValue('');
            }}
          >
            <option value="tag">{t('io.export.kind.tag')}</option>
            <option value="tier">{t('io.export.kind.tier')}</option>
            <option value="segment">{t('io.export.kind.segment')}</option>
            <option value="all">{t('io.export.kind.all')}</option>
          </select>
        </label>
        {kind !== 'all' && (
          <label class="filter">
            <span class="filter__label">{t(`io.export.kind.${kind}`)}</span>
            <select
              class="select"
              data-testid="io-export-value"
              value={chosen}
              onChange={(e) => setValue(e.currentTarget.value)}
            >
              {options.length === 0 && <option value="">{t('io.export.noTags')}</option>}
              {options.map((o) => (
                <option value={o.value} key={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="filter">
          <span class="filter__label">{t('io.export.format')}</span>
          <select
            class="select"
            data-testid="io-export-format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as 'csv' | 'json')}
          >
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
      </div>
      <fieldset class="io-columns">
        <legend>{t('io.export.columns')}</legend>
        {EXPORT_COLUMNS.map((c) => (
          <label key={c} class="io-check">
            <input
              type="checkbox"
              data-testid={`io-col-${c}`}
              checked={columns.includes(c)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setColumns(EXPORT_COLUMNS.filter((x) => (x === c ? on : columns.includes(x))));
              }}
            />{' '}
            {t(`io.col.${c}`)}
          </label>
        ))}
      </fieldset>
      <div class="inline-form">
        <button
          type="button"
          class="btn btn--primary"
          data-testid="io-export-go"
          disabled={!ready || columns.length === 0}
          onClick={() => void run(format)}
        >
          {t('io.export.go')}
        </button>
        <button
          type="button"
          class="btn"
          data-testid="io-export-ids"
          disabled={!ready}
          onClick={() => void run('ids')}
        >
          {t('io.export.copyIds')}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'io-error' : 'muted'} role="status" data-testid="io-export-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
