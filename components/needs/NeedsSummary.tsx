import { useState } from 'preact/hooks';
import type { NeedsDto } from '@/core/needs/dto';
import { NEEDS, type Need } from '@/core/needs/kinds';
import type { Orientation } from '@/core/needs/record';
import { type NeedsLocale, needLabel, needsReasonText, needsText } from './text';

export interface NeedsSummaryProps {
  /** From `getNeeds` (or `recordChatNeeds` / `correctNeeds`, which answer the same shape). */
  needs: NeedsDto | undefined;
  locale: NeedsLocale;
  /** The seller corrects the orientation: a need, `none`, or null for "automatic" again. */
  onCorrect(orientation: Orientation | null): unknown;
}

/**
 * The needs block of the buyer card: the orientation (or "no clear need yet"), why, how often each
 * need came up, and a small control to correct it. Text from chats is never shown: there is none.
 */
export function NeedsSummary({ needs, locale, onCorrect }: NeedsSummaryProps) {
  const [editing, setEditing] = useState(false);
  if (!needs) return null;
  const tx = (k: Parameters<typeof needsText>[1], p?: Record<string, string | number>) =>
    needsText(locale, k, p);
  const total = needs.chats;
  const mentioned = NEEDS.filter((n) => needs.perNeed[n].chats > 0);
  const current: Orientation | 'auto' = needs.source === 'corrected' ? (needs.orientation ?? 'none') : 'auto';
  return (
    <section class="bt-needs" data-testid="needs-summary" aria-label={tx('needs.title')}>
      <h3 class="bt-needs__title">{tx('needs.title')}</h3>
      <p class="bt-needs__orientation">
        {needs.orientation ? (
          <span
            class={`bt-needs__chip bt-needs__chip--${needs.kind ?? 'basic'}`}
            data-need={needs.orientation}
          >
            {tx('needs.orientation', { need: needLabel(locale, needs.orientation) })}
          </span>
        ) : (
          <span class="bt-needs__chip bt-needs__chip--none">{tx('needs.noOrientation')}</span>
        )}
        {needs.source === 'corrected' ? (
          <span class="bt-needs__by-you"> · {tx('needs.setByYou')}</span>
        ) : null}
        {needs.kind ? <span class="bt-needs__kind"> · {tx(`needs.kind.${needs.kind}`)}</span> : null}
      </p>
      {needs.source !== 'corrected'
        ? needs.reasons.map((r) => (
            <p key={r.code} class="bt-needs__reason">
              {needsReasonText(locale, r)}
            </p>
          ))
        : null}
      {mentioned.length > 0 ? (
        <ul class="bt-needs__bars">
          {mentioned.map((n: Need) => (
            <li key={n} class="bt-needs__bar" data-need={n}>
              <span class="bt-needs__bar-label">
                {tx('needs.bar', { need: needLabel(locale, n), chats: needs.perNeed[n].chats, total })}
              </span>
              <span
                class="bt-needs__bar-fill"
                style={{ width: `${Math.round((needs.perNeed[n].chats / Math.max(1, total)) * 100)}%` }}
                aria-hidden="true"
              />
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <label class="bt-needs__correct">
          <span>{tx('needs.correct.label')}</span>
          <select
            value={current}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setEditing(false);
              void onCorrect(v === 'auto' ? null : (v as Orientation));
            }}
          >
            <option value="auto">{tx('needs.correct.auto')}</option>
            {NEEDS.map((n) => (
              <option key={n} value={n}>
                {needLabel(locale, n)}
              </option>
            ))}
            <option value="none">{tx('needs.correct.none')}</option>
          </select>
        </label>
      ) : (
        <button type="button" class="bt-needs__edit" onClick={() => setEditing(true)}>
          {tx('needs.correct')}
        </button>
      )}
      <p class="bt-needs__privacy">
        {total > 0 ? `${tx('needs.chats', { n: total })} · ` : ''}
        {tx('needs.privacy')}
      </p>
    </section>
  );
}
