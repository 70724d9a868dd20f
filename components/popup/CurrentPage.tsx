import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/core/messaging';
import { adapterForUrl } from '@/core/sites/registry';
import { errorText } from '../ui/errors';
import { useI18n } from '../ui/i18nContext';

interface PageInfo {
  tabId?: number;
  host: string;
  adapter?: { label: string; kinds: string[] };
  /** Not a web page (browser settings, the extension itself): nothing to teach. */
  special: boolean;
}

async function activePage(): Promise<PageInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  let url: URL;
  try {
    url = new URL(tab.url);
  } catch {
    return null;
  }
  const adapter = adapterForUrl(url);
  return {
    tabId: tab.id,
    host: url.host || url.protocol,
    special: !/^https?:$/.test(url.protocol),
    adapter: adapter ? { label: adapter.label, kinds: adapter.pageKinds(url) } : undefined,
  };
}

/**
 * What the active tab is to Buyer Tiers: which built-in adapter serves it (and as chat or
 * order page), or an offer to teach it. Teach mode itself lives in the background
 * (`startTeachMode` injects the picker into the tab); the popup closes so the seller can click
 * the buyer's name. If the tab cannot be reached, the error says why.
 */
export function CurrentPage() {
  const { t } = useI18n();
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const teach = async (tabId: number | undefined) => {
    try {
      await request('startTeachMode', { tabId });
      window.close();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  useEffect(() => {
    activePage()
      .then(setPage)
      .catch(() => setPage(null));
  }, []);

  return (
    <section class="current-page" aria-labelledby="page-title" data-testid="current-page">
      <h2 id="page-title" class="sr-only">
        {t('popup.page.title')}
      </h2>
      {page === undefined ? (
        <p class="current-page__line muted">{t('ui.loading')}</p>
      ) : page?.adapter ? (
        <p class="current-page__line">
          <span class="dot dot--ok" aria-hidden="true" />
          <span>
            {t('popup.page.adapter', { site: page.adapter.label })}
            <span class="muted">
              {' · '}
              {page.adapter.kinds
                .map((k) => t(k === 'chat' ? 'popup.page.kind.chat' : 'popup.page.kind.orders'))
                .join(', ')}
            </span>
          </span>
        </p>
      ) : (
        <div class="current-page__line">
          <span class="dot" aria-hidden="true" />
          <span class="current-page__text">
            {page && !page.special ? t('popup.page.none', { host: page.host }) : t('popup.page.special')}
          </span>
          {page && !page.special && (
            <button
              type="button"
              class="btn btn--small"
              onClick={() => void teach(page.tabId)}
              data-testid="teach"
            >
              {t('popup.page.teach')}
            </button>
          )}
        </div>
      )}
      {error && <p class="field-error">{error}</p>}
    </section>
  );
}
