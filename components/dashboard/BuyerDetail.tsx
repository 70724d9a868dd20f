import { useEffect, useRef, useState } from 'preact/hooks';
import { type BuyerCardDto, request } from '@/core/messaging';
import { type ClassDimension, DIMENSION_ORDERS } from '@/core/model/dimensions';
import type { NeedsDto } from '@/core/needs/dto';
import { formatMoney, type MessageKey, type Translate } from '../i18n';
import { needsApi } from '../needs/api';
import { NeedsSummary } from '../needs/NeedsSummary';
import '../needs/needs.css';
import { errorText } from '../ui/errors';
import { formatAgo, formatCount, formatDate, formatDateTime } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { classLabel, dimensionLabel } from '../ui/labels';
import type { ToastState } from '../ui/Toast';
import { useChangeSignal } from '../ui/useChangeSignal';
import { useRequest } from './useRequest';

/**
 * The buyer card as a side dialog: classes, tags, note, suggested actions (copy the reply),
 * class history and orders. Escape or the close button returns focus to where it was.
 */
export function BuyerDetail(props: { buyerKey: string; onClose(): void; notify(t: ToastState): void }) {
  const { t, locale } = useI18n();
  const [card, setCard] = useState<BuyerCardDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(null);

  const load = () =>
    request('getBuyerCard', { buyerKey: props.buyerKey, locale })
      .then((c) => {
        setCard(c);
        setError(null);
      })
      .catch((e) => setError(errorText(e, t)));
  useEffect(() => {
    setCard(null);
    void load();
  }, [props.buyerKey, locale]);
  useChangeSignal((c) => {
    if (c.buyerKeys.length === 0 || c.buyerKeys.includes(props.buyerKey)) void load();
  });
  useEffect(() => {
    returnTo.current = document.activeElement;
    dialog.current?.focus();
    return () => (returnTo.current as HTMLElement | null)?.focus?.();
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking outside is a mouse shortcut; Escape closes the dialog from the keyboard.
    <div class="drawer-backdrop" onClick={props.onClose}>
      <div
        class="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="buyer-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="buyer-detail"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onClose();
        }}
      >
        <header class="drawer__head">
          <h2 id="buyer-title">{card ? (card.buyer.name ?? card.buyer.buyerId) : t('ui.loading')}</h2>
          <button type="button" class="btn btn--icon" aria-label={t('ui.close')} onClick={props.onClose}>
            ×
          </button>
        </header>
        {error && <p class="field-error">{error}</p>}
        {card ? (
          <CardBody card={card} notify={props.notify} />
        ) : (
          !error && <div class="skeleton skeleton--card" />
        )}
      </div>
    </div>
  );
}

function CardBody({ card, notify }: { card: BuyerCardDto; notify(t: ToastState): void }) {
  const { t, locale } = useI18n();
  const c = card.buyer.classes;
  const b = card.badge;
  const now = Date.now();
  const facts: Array<[MessageKey, string]> = [
    ['dash.card.paidOrders', formatCount(b.paidOrders, locale)],
    ['dash.card.spend', formatMoney(b.spend, b.currency, locale)],
    ['dash.card.lastOrder', b.lastOrderAt ? formatAgo(b.lastOrderAt, now, locale) : '—'],
    ['dash.card.firstSeen', formatDate(card.buyer.firstSeenAt, locale)],
  ];
  const classes: Array<[ClassDimension, string]> = c
    ? DIMENSION_ORDERS.dashboard.map((dim) => [dim, c[dim]])
    : [];
  return (
    <div class="drawer__body">
      <p class="muted">{`${card.buyer.platform} · ${card.buyer.buyerId}`}</p>
      <div class="pills">
        <span class={`pill pill--tier-${b.tier}`}>{classLabel(t, 'valueTier', b.tier)}</span>
        <span class="pill">{classLabel(t, 'segment', b.segment)}</span>
        {b.keyAccount && <span class="pill pill--key">{t('dash.keyAccount')}</span>}
        {c?.rfm && <span class="pill pill--mono">{`R${c.rfm.r} F${c.rfm.f} M${c.rfm.m}`}</span>}
      </div>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>

      <NeedsBlock buyerKey={card.buyer.key} notify={notify} />

      <h3>{t('dash.card.actions')}</h3>
      {card.actions.length === 0 ? (
        <p class="muted">{t('dash.card.noActions')}</p>
      ) : (
        <ul class="actions-list">
          {card.actions.map((a) => (
            <li key={a.id} class="action">
              <strong>{actionTitle(t, a.title)}</strong>
              <p>{a.reply}</p>
              <button
                type="button"
                class="btn btn--small"
                onClick={() =>
                  void navigator.clipboard
                    .writeText(a.reply)
                    .then(() => notify({ text: t('dash.card.copied') }))
                    .catch(() => notify({ text: t('dash.card.copyFailed'), kind: 'error' }))
                }
              >
                {t('dash.card.copy')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('dash.card.tags')}</h3>
      <BuyerTags buyerKey={card.buyer.key} tags={card.badge.tags} notify={notify} />

      <h3>{t('dash.card.note')}</h3>
      <NoteEditor buyerKey={card.buyer.key} text={card.note?.text ?? ''} notify={notify} />

      {classes.length > 0 && (
        <>
          <h3>{t('dash.card.classes')}</h3>
          <dl class="facts facts--classes">
            {classes.map(([dim, value]) => (
              <div key={dim}>
                <dt>{dimensionLabel(t, dim)}</dt>
                <dd>{classLabel(t, dim, value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <h3>{t('dash.card.history')}</h3>
      {card.history.length === 0 ? (
        <p class="muted">{t('dash.card.noHistory')}</p>
      ) : (
        <ul class="history">
          {card.history.slice(0, 20).map((h) => (
            <li key={`${h.dimension}${h.at}${h.to}`}>
              <span>{dimensionLabel(t, h.dimension)}</span>
              <span>{`${classLabel(t, h.dimension, h.from)} → ${classLabel(t, h.dimension, h.to)}`}</span>
              <span class="muted">{formatDateTime(h.at, locale)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('dash.card.orders', { n: formatCount(card.orders.length, locale) })}</h3>
      <table class="orders">
        <thead>
          <tr>
            <th scope="col">{t('dash.card.orderDate')}</th>
            <th scope="col">{t('dash.card.orderItems')}</th>
            <th scope="col" class="num">
              {t('dash.card.orderTotal')}
            </th>
            <th scope="col">{t('dash.card.orderStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {card.orders.map((o) => (
            <tr key={o.key}>
              <td>{formatDate(o.placedAt, locale)}</td>
              <td>{o.items.map((i) => `${i.title} ×${i.qty}`).join(', ')}</td>
              <td class="num">{formatMoney(o.total, o.currency, locale)}</td>
              <td>{t(`dash.status.${o.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Needs read from the buyer's chats, with the seller's correction (same block as the in-page card). */
function NeedsBlock(props: { buyerKey: string; notify(t: ToastState): void }) {
  const { t, locale } = useI18n();
  const [needs, setNeeds] = useState<NeedsDto>();
  const load = () =>
    needsApi
      .get(props.buyerKey)
      .then(setNeeds)
      .catch(() => setNeeds(undefined));
  useEffect(() => {
    void load();
  }, [props.buyerKey]);
  useChangeSignal((c) => {
    if (c.buyerKeys.length === 0 || c.buyerKeys.includes(props.buyerKey)) void load();
  });
  return (
    <div class="buyer-needs" data-testid="buyer-needs">
      <NeedsSummary
        needs={needs}
        locale={locale}
        onCorrect={(o) =>
          needsApi
            .correct(props.buyerKey, o)
            .then(setNeeds)
            .catch((e) => props.notify({ text: errorText(e, t), kind: 'error' }))
        }
      />
    </div>
  );
}

function actionTitle(t: Translate, key: string): string {
  const text = t(key as MessageKey);
  return text === key ? key.replace(/^action\./, '').replace(/-/g, ' ') : text;
}

function BuyerTags(props: {
  buyerKey: string;
  tags: BuyerCardDto['badge']['tags'];
  notify(t: ToastState): void;
}) {
  const { t } = useI18n();
  const all = useRequest(() => request('listTags', {}), ['tags']);
  const [pick, setPick] = useState('');
  const mine = new Set(props.tags.map((x) => x.id));
  const run = (work: Promise<unknown>) =>
    work.catch((e) => props.notify({ text: errorText(e, t), kind: 'error' }));
  return (
    <div class="buyer-tags">
      {props.tags.length === 0 && <span class="muted">{t('dash.card.noTags')}</span>}
      {props.tags.map((tag) => (
        <span key={tag.id} class="tag-chip" style={{ borderColor: tag.color, color: tag.color }}>
          {tag.name}
          <button
            type="button"
            class="tag-chip__x"
            aria-label={t('dash.card.untag', { name: tag.name })}
            onClick={() => void run(request('untagBuyers', { buyerKeys: [props.buyerKey], tagId: tag.id }))}
          >
            ×
          </button>
        </span>
      ))}
      <span class="buyer-tags__add">
        <select
          class="select select--small"
          value={pick}
          aria-label={t('dash.card.addTag')}
          onChange={(e) => setPick(e.currentTarget.value)}
        >
          <option value="">{t('dash.bulk.pick')}</option>
          {(all.data ?? [])
            .filter((x) => !mine.has(x.id))
            .map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
        </select>
        <button
          type="button"
          class="btn btn--small"
          disabled={!pick}
          onClick={() => {
            void run(request('tagBuyers', { buyerKeys: [props.buyerKey], tagId: pick }));
            setPick('');
          }}
        >
          {t('dash.card.addTag')}
        </button>
      </span>
    </div>
  );
}

function NoteEditor(props: { buyerKey: string; text: string; notify(t: ToastState): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(props.text);
  useEffect(() => setText(props.text), [props.text]);
  return (
    <div class="note">
      <textarea
        class="input textarea"
        rows={3}
        maxLength={5000}
        value={text}
        aria-label={t('dash.card.note')}
        placeholder={t('dash.card.notePlaceholder')}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button
        type="button"
        class="btn btn--small"
        disabled={text === props.text}
        onClick={() =>
          void request('saveNote', { buyerKey: props.buyerKey, text })
            .then(() => props.notify({ text: t('dash.card.noteSaved') }))
            .catch((e) => props.notify({ text: errorText(e, t), kind: 'error' }))
        }
      >
        {t('ui.save')}
      </button>
    </div>
  );
}
