import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type BuyerCardDto, MessageFailure, request, type TagRef } from '@/core/messaging';
import type { NeedsDto } from '@/core/needs/dto';
import type { ReplyLanguage } from '@/core/scoring/chatLanguage';
import { cleanText } from '@/core/sites/text';
import { needsApi } from '../needs/api';
import { NeedsSummary } from '../needs/NeedsSummary';
import { ordersText, shortName } from '../overlay/Badge';
import { money } from '../overlay/format';
import { lookup, type OverlayLocale } from '../overlay/i18n';
import type { InsertResult } from '../overlay/insertReply';
import { segmentLabel, tierLabel } from '../overlay/labels';
import type { CardTranslate } from './i18n';
import { ClassesSection, HistorySection, OrdersSection, PredictionSection } from './sections';
import { TagPicker } from './TagPicker';

export interface BuyerCardProps {
  buyerKey: string;
  locale: OverlayLocale;
  t: CardTranslate;
  /** Bumped when the background signals a change to this buyer or to tags. */
  version: number;
  insert(text: string): InsertResult;
  /** The language the buyer writes in on this page, when evident: suggested replies follow it. */
  chatLanguage?(): ReplyLanguage | undefined;
  onClose(): void;
  /** Focus the tag box on open (the keyboard path: shortcut, then type a tag). */
  focusTags?: boolean;
}

function errorText(e: unknown): string {
  return e instanceof MessageFailure ? e.message : e instanceof Error ? e.message : String(e);
}

/**
 * The buyer card: classes with their reasons, prediction, orders, tags, note, class history and
 * suggested actions with "Insert reply". All buyer text is rendered as Preact text nodes.
 */
export function BuyerCard({
  buyerKey,
  locale,
  t,
  version,
  insert,
  chatLanguage,
  onClose,
  focusTags,
}: BuyerCardProps) {
  const [card, setCard] = useState<BuyerCardDto | null>(null);
  const [allTags, setAllTags] = useState<TagRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [noteStatus, setNoteStatus] = useState('');
  const [actionStatus, setActionStatus] = useState('');
  const [needs, setNeeds] = useState<NeedsDto>();
  const noteDirty = useRef(false);
  // Read on every load (the chat grows), without making each new callback a reason to reload.
  const readChatLanguage = useRef(chatLanguage);
  readChatLanguage.current = chatLanguage;
  const root = useRef<HTMLElement>(null);

  const load = useCallback(async () => {
    try {
      const [c, tags] = await Promise.all([
        request('getBuyerCard', { buyerKey, locale, replyLocale: readChatLanguage.current?.() }),
        request('listTags', {}),
      ]);
      setCard(c);
      setAllTags(tags.map((x) => ({ id: x.id, name: x.name, color: x.color })));
      if (!noteDirty.current) setNote(c.note?.text ?? '');
      setError(null);
    } catch (e) {
      setError(
        e instanceof MessageFailure && e.error.code === 'not-found' ? t('card.notFound') : errorText(e),
      );
    }
  }, [buyerKey, locale, t]);

  useEffect(() => {
    void load();
  }, [load, version]);

  // Needs from chats: reloaded with the card when new counts arrive (the overlay bumps `version`).
  useEffect(() => {
    let live = true;
    needsApi
      .get(buyerKey)
      .then((n) => live && setNeeds(n))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [buyerKey, version]);

  useEffect(() => {
    if (!focusTags) root.current?.focus();
  }, [focusTags]);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const x = { t, locale, currency: card?.badge.currency ?? 'CNY' };
  const b = card?.badge;

  return (
    <section
      ref={root}
      class="bt-card"
      role="dialog"
      aria-label={t('card.title')}
      tabIndex={-1}
      data-testid="bt-card"
      data-buyer-key={buyerKey}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header>
        <h2 title={cleanText(b?.name ?? buyerKey)}>{shortName(b?.name, buyerKey)}</h2>
        <button
          type="button"
          class="bt-icon"
          aria-label={t('card.close')}
          data-testid="bt-card-close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {error && (
        <p class="bt-status" role="alert">
          {card ? error : t('card.error', { message: error })}
        </p>
      )}
      {!card && !error && <p class="bt-status">{t('card.loading')}</p>}
      {card && b && (
        <>
          <p class="bt-key">{buyerKey}</p>
          <p data-testid="bt-card-summary">
            <span class="bt-tier">{tierLabel(t, b.tier)}</span> ·{' '}
            <span class="bt-segment">{segmentLabel(t, b.segment)}</span> · {ordersText(t, b.paidOrders)}
            {b.paidOrders > 0 ? ` · ${money(b.spend, b.currency, locale)}` : ''}
            {b.keyAccount ? ` · ${t('card.keyAccount')}` : ''}
          </p>

          <h3>{t('card.tags')}</h3>
          <TagPicker
            applied={b.tags}
            all={allTags}
            t={t}
            busy={busy}
            autoFocus={focusTags}
            onAdd={(tag) => run(() => request('tagBuyers', { buyerKeys: [buyerKey], tagId: tag.id }))}
            onRemove={(tag) => run(() => request('untagBuyers', { buyerKeys: [buyerKey], tagId: tag.id }))}
            onCreate={(name) =>
              run(async () => {
                const tag = await request('createTag', { name });
                await request('tagBuyers', { buyerKeys: [buyerKey], tagId: tag.id });
              })
            }
          />

          <NeedsSummary
            needs={needs}
            locale={locale}
            onCorrect={(o) =>
              needsApi
                .correct(buyerKey, o)
                .then((n) => {
                  setNeeds(n);
                  return load(); // the suggested actions follow the orientation
                })
                .catch((e) => setError(errorText(e)))
            }
          />

          <section data-testid="bt-actions">
            <h3>{t('card.actions')}</h3>
            {card.actions.length === 0 && <p class="bt-key">{t('card.noActions')}</p>}
            {card.actions.map((a) => (
              <div key={a.id} class="bt-action" data-action-id={a.id}>
                <strong>{lookup(t, a.title) ?? a.title}</strong>
                <p>{a.reply}</p>
                <button
                  type="button"
                  class="bt-btn bt-primary"
                  data-testid="bt-insert"
                  onClick={() => {
                    const res = insert(a.reply);
                    if (res === 'inserted') setActionStatus(t('card.inserted'));
                    else {
                      // No chat box: the clipboard is the next best way to hand over the reply.
                      const clip = navigator.clipboard;
                      if (clip) void clip.writeText(a.reply).catch(() => {});
                      setActionStatus(t(clip ? 'card.noInput' : 'card.noInputNoCopy'));
                    }
                  }}
                >
                  {t('card.insert')}
                </button>
              </div>
            ))}
            <p class="bt-status" role="status" data-testid="bt-action-status">
              {actionStatus}
            </p>
          </section>

          <section>
            <h3>{t('card.note')}</h3>
            <textarea
              class="bt-note"
              data-testid="bt-note"
              maxLength={5000}
              placeholder={t('card.notePlaceholder')}
              value={note}
              onInput={(e) => {
                noteDirty.current = true;
                setNote((e.currentTarget as HTMLTextAreaElement).value);
                setNoteStatus('');
              }}
            />
            <button
              type="button"
              class="bt-btn"
              data-testid="bt-note-save"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await request('saveNote', { buyerKey, text: note });
                  noteDirty.current = false;
                  setNoteStatus(t('card.noteSaved'));
                })
              }
            >
              {t('card.saveNote')}
            </button>{' '}
            <span class="bt-status" role="status">
              {noteStatus}
            </span>
          </section>

          {card.buyer.classes && <ClassesSection classes={card.buyer.classes} x={x} />}
          <PredictionSection classes={card.buyer.classes} x={x} />
          <OrdersSection orders={card.orders} x={x} />
          <HistorySection history={card.history} x={x} />
        </>
      )}
    </section>
  );
}
