import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MessageFailure, request, type TeachDraftDto } from '@/core/messaging';
import { originPattern } from '@/core/sites/ruleAdapter';
import type { TeachTranslate } from './i18n';

type Status = { kind: 'idle' | 'saving' | 'saved' | 'denied' | 'error'; message?: string };

/**
 * The extension window that finishes teach mode: shows what the picker found, then — inside the
 * seller's click, as browsers require — asks for this origin's permission and saves the rule.
 * The background registers the content script for the origin and starts it in the taught tab.
 */
export function TeachPage({ token, t }: { token: string; t: TeachTranslate }) {
  const [draft, setDraft] = useState<TeachDraftDto | null>(null);
  const [missing, setMissing] = useState(false);
  const [label, setLabel] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    request('getTeachDraft', { token })
      .then((d) => {
        setDraft(d);
        setLabel(d.draft.label);
      })
      .catch(() => setMissing(true));
  }, [token]);

  if (missing) return <p class="error">{t('teach.page.expired')}</p>;
  if (!draft) return null;
  const { draft: d, origin } = draft;

  const save = () => {
    setStatus({ kind: 'saving' });
    // permissions.request must be the first thing the click does: no await before it.
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) return setStatus({ kind: 'denied' });
        await request('saveSiteRule', {
          rule: {
            origin,
            label: label.trim() || d.label,
            chatBuyerSelector: d.chatBuyerSelector,
            chatInputSelector: d.chatInputSelector,
            listBuyerSelector: d.listBuyerSelector,
          },
          tabId: draft.tabId,
        });
        setStatus({ kind: 'saved' });
      })
      .catch((e: unknown) =>
        setStatus({
          kind: 'error',
          message: e instanceof MessageFailure || e instanceof Error ? e.message : String(e),
        }),
      );
  };

  return (
    <main data-testid="bt-teach-page">
      <h1>{t('teach.page.title')}</h1>
      <p>{t('teach.page.origin', { origin })}</p>
      <label>
        {t('teach.page.label')}
        <input
          value={label}
          maxLength={100}
          onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <h2>{t('teach.preview')}</h2>
      <ul>
        <li>
          {d.preview.chatBuyer
            ? t('teach.preview.buyer', { name: d.preview.chatBuyer })
            : t('teach.preview.noBuyer')}
        </li>
        <li>
          {t('teach.preview.input', { state: t(d.preview.chatInput ? 'teach.found' : 'teach.notFound') })}
        </li>
        <li>{t('teach.preview.list', { n: d.preview.listCount })}</li>
      </ul>
      <details>
        <summary>{t('teach.page.selectors')}</summary>
        <ul>
          {[d.chatBuyerSelector, d.chatInputSelector, d.listBuyerSelector].map((s, i) =>
            s ? (
              <li key={i}>
                <code>{s}</code>
              </li>
            ) : null,
          )}
        </ul>
      </details>
      <p>{t('teach.page.permission', { origin })}</p>
      <p>
        <button
          type="button"
          class="primary"
          data-testid="bt-teach-allow"
          disabled={status.kind === 'saving' || status.kind === 'saved'}
          onClick={save}
        >
          {t('teach.page.allow')}
        </button>
        <button type="button" onClick={() => window.close()}>
          {t('teach.page.close')}
        </button>
      </p>
      <p
        class={`status ${status.kind === 'error' || status.kind === 'denied' ? 'error' : ''}`}
        role="status"
        data-testid="bt-teach-status"
      >
        {status.kind === 'saved'
          ? t('teach.page.saved', { origin })
          : status.kind === 'denied'
            ? t('teach.page.denied')
            : status.kind === 'error'
              ? t('teach.page.error', { message: status.message ?? '' })
              : ''}
      </p>
    </main>
  );
}
