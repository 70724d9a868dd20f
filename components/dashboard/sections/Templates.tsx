import { useEffect, useState } from 'preact/hooks';
import type { ActionTemplate, BuyerRowDto } from '@/core/adminDtos';
import { type ResolvedActionDto, request } from '@/core/messaging';
import type { MessageKey, Translate } from '../../i18n';
import { errorText } from '../../ui/errors';
import { useI18n } from '../../ui/i18nContext';
import { classLabel, dimensionLabel } from '../../ui/labels';
import type { SectionContext } from '../DashboardApp';

/**
 * Suggested-action templates: edit replies (both languages), priority and — for the brave — the
 * conditions as JSON; preview what a chosen buyer would be offered before saving.
 */
export function Templates({ ctx }: { ctx: SectionContext }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ActionTemplate[] | null>(null);
  const [saved, setSaved] = useState('');
  const [isDefault, setIsDefault] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const adopt = (res: { templates: ActionTemplate[]; isDefault: boolean }) => {
    setDraft(res.templates);
    setSaved(JSON.stringify(res.templates));
    setIsDefault(res.isDefault);
    setError(null);
  };
  useEffect(() => {
    request('getActionTemplates', {})
      .then(adopt)
      .catch((e) => setError(errorText(e, t)));
  }, []);

  if (!draft) return <div class="skeleton skeleton--form" />;
  const dirty = JSON.stringify(draft) !== saved;
  const update = (i: number, next: ActionTemplate) => setDraft(draft.map((x, j) => (j === i ? next : x)));

  return (
    <div class="templates">
      <h1 class="page-title">{t('dash.nav.actions')}</h1>
      <p class="lead">{t('dash.tpl.lead')}</p>
      <div class="templates__layout">
        <div class="templates__list">
          {draft.map((tpl, i) => (
            <TemplateEditor key={tpl.id} tpl={tpl} onChange={(next) => update(i, next)} />
          ))}
        </div>
        <aside class="templates__preview">
          <PreviewForBuyer templates={draft} />
        </aside>
      </div>
      <p class="field-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
      <div class="form-actions form-actions--sticky">
        <button
          type="button"
          class="btn"
          disabled={isDefault && !dirty}
          onClick={() =>
            void request('resetActionTemplates', {})
              .then((r) => {
                adopt(r);
                ctx.notify({ text: t('dash.tpl.resetDone') });
              })
              .catch((e) => setError(errorText(e, t)))
          }
        >
          {t('dash.tpl.reset')}
        </button>
        <button type="button" class="btn" disabled={!dirty} onClick={() => setDraft(JSON.parse(saved))}>
          {t('set.discard')}
        </button>
        <button
          type="button"
          class="btn btn--primary"
          disabled={!dirty}
          onClick={() =>
            void request('saveActionTemplates', { templates: draft })
              .then((r) => {
                adopt(r);
                ctx.notify({ text: t('dash.tpl.saved') });
              })
              .catch((e) => setError(errorText(e, t)))
          }
        >
          {t('set.save')}
        </button>
      </div>
    </div>
  );
}

function conditionText(t: Translate, c: ActionTemplate['when'][number]): string {
  if ('dimension' in c)
    return `${dimensionLabel(t, c.dimension)}: ${c.in.map((v) => classLabel(t, c.dimension, v)).join(' / ')}`;
  if ('flag' in c) return t(`dash.tpl.flag.${c.flag}`);
  if ('need' in c) return t(`dash.tpl.need.${c.need}`);
  return c.repurchase === 'overdue' ? t('dash.tpl.overdue') : t('dash.tpl.dueSoon', { n: c.withinDays ?? 7 });
}

function TemplateEditor({ tpl, onChange }: { tpl: ActionTemplate; onChange(next: ActionTemplate): void }) {
  const { t } = useI18n();
  const [when, setWhen] = useState(() => JSON.stringify(tpl.when, null, 1));
  const [whenError, setWhenError] = useState(false);
  const title = t(tpl.titleKey as MessageKey);
  return (
    <article class="card tpl" data-template={tpl.id}>
      <header class="tpl__head">
        <h2>{title === tpl.titleKey ? tpl.id : title}</h2>
        <label class="tpl__priority">
          <span>{t('dash.tpl.priority')}</span>
          <input
            type="number"
            class="input input--num"
            min={0}
            max={1000}
            value={tpl.priority}
            onInput={(e) => onChange({ ...tpl, priority: Math.round(Number(e.currentTarget.value) || 0) })}
          />
        </label>
      </header>
      <p class="tpl__when">
        <span class="muted">{t('dash.tpl.when')}</span>{' '}
        {tpl.when.map((c) => conditionText(t, c)).join(t('dash.tpl.or'))}
      </p>
      <label class="field__label" for={`tpl-${tpl.id}-en`}>
        {t('dash.tpl.replyEn')}
      </label>
      <textarea
        id={`tpl-${tpl.id}-en`}
        class="input textarea"
        rows={3}
        value={tpl.reply.en}
        onInput={(e) => onChange({ ...tpl, reply: { ...tpl.reply, en: e.currentTarget.value } })}
      />
      <label class="field__label" for={`tpl-${tpl.id}-zh`}>
        {t('dash.tpl.replyZh')}
      </label>
      <textarea
        id={`tpl-${tpl.id}-zh`}
        class="input textarea"
        rows={3}
        value={tpl.reply.zh_CN}
        onInput={(e) => onChange({ ...tpl, reply: { ...tpl.reply, zh_CN: e.currentTarget.value } })}
      />
      <p class="field__hint">{t('dash.tpl.placeholders')}</p>
      <details class="tpl__advanced">
        <summary>{t('dash.tpl.editWhen')}</summary>
        <textarea
          class="input textarea mono"
          rows={5}
          value={when}
          aria-label={t('dash.tpl.editWhen')}
          aria-invalid={whenError || undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setWhen(text);
            try {
              const parsed = JSON.parse(text) as ActionTemplate['when'];
              setWhenError(!Array.isArray(parsed));
              if (Array.isArray(parsed)) onChange({ ...tpl, when: parsed });
            } catch {
              setWhenError(true);
            }
          }}
        />
        <p class="field-error">{whenError ? t('dash.tpl.badJson') : ''}</p>
      </details>
    </article>
  );
}

function PreviewForBuyer({ templates }: { templates: ActionTemplate[] }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<BuyerRowDto[]>([]);
  const [buyer, setBuyer] = useState<BuyerRowDto | null>(null);
  const [actions, setActions] = useState<ResolvedActionDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const id = setTimeout(() => {
      request('queryBuyers', {
        filters: { text: query.trim() || undefined },
        sort: { by: 'spend', dir: 'desc' },
        offset: 0,
        limit: 8,
      })
        .then((r) => {
          setOptions(r.rows);
          setBuyer((b) => b ?? r.rows[0] ?? null);
        })
        .catch(() => {});
    }, 200);
    return () => clearTimeout(id);
  }, [query]);

  const json = JSON.stringify(templates);
  useEffect(() => {
    if (!buyer) return;
    const id = setTimeout(() => {
      request('previewActions', { buyerKey: buyer.key, templates, locale })
        .then((a) => {
          setActions(a);
          setError(null);
        })
        .catch((e) => setError(errorText(e, t)));
    }, 250);
    return () => clearTimeout(id);
  }, [buyer?.key, json, locale]);

  return (
    <section class="card" aria-labelledby="tpl-preview-title">
      <h2 id="tpl-preview-title">{t('dash.tpl.preview')}</h2>
      <input
        type="search"
        class="input"
        value={query}
        placeholder={t('dash.filters.search')}
        aria-label={t('dash.tpl.pickBuyer')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <ul class="pick-list">
        {options.map((o) => (
          <li key={o.key}>
            <button
              type="button"
              class={`pick ${buyer?.key === o.key ? 'pick--on' : ''}`}
              aria-pressed={buyer?.key === o.key}
              onClick={() => setBuyer(o)}
            >
              <span>{o.name ?? o.buyerId}</span>
              <span class="muted">{classLabel(t, 'segment', o.segment)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p class="field-error">{error ?? ''}</p>
      {actions && actions.length === 0 && <p class="muted">{t('dash.card.noActions')}</p>}
      <ul class="actions-list">
        {(actions ?? []).map((a) => {
          const title = t(a.title as MessageKey);
          return (
            <li key={a.id} class="action">
              <strong>{title === a.title ? a.id : title}</strong>
              <p>{a.reply}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
