import { useCallback, useState } from 'preact/hooks';
import { I18nProvider } from '../ui/i18nContext';
import { TabPanel, Tabs } from '../ui/Tabs';
import { Toast, type ToastState } from '../ui/Toast';
import { useUiLocale } from '../ui/useUiLocale';
import { CurrentPage } from './CurrentPage';
import { openDashboard } from './openDashboard';
import { TagManager } from './TagManager';
import { ThresholdsEditor } from './ThresholdsEditor';

type PopupTab = 'tags' | 'thresholds';

/** The toolbar popup: what this page is, the tag manager and the thresholds editor. */
export function PopupApp() {
  const i18n = useUiLocale();
  const { t } = i18n;
  const [tab, setTab] = useState<PopupTab>('tags');
  const [toast, setToast] = useState<ToastState | null>(null);
  const close = useCallback(() => setToast(null), []);
  return (
    <I18nProvider value={i18n}>
      <div class="popup">
        <header class="app-header">
          <span class="brand">
            <span class="brand__mark" aria-hidden="true" />
            {/* Brand name, the same in every language. */}
            <span class="brand__name">{BRAND}</span>
          </span>
          <button
            type="button"
            class="btn btn--small"
            onClick={() => void openDashboard()}
            data-testid="open-dashboard"
          >
            {t('popup.openDashboard')}
          </button>
        </header>
        <CurrentPage />
        <Tabs
          items={[
            { id: 'tags' as const, label: t('popup.tab.tags') },
            { id: 'thresholds' as const, label: t('popup.tab.thresholds') },
          ]}
          active={tab}
          onSelect={(id: PopupTab) => setTab(id)}
          label={t('popup.tabs')}
          idPrefix="popup"
        />
        <TabPanel idPrefix="popup" id={tab}>
          {tab === 'tags' ? (
            <TagManager notify={setToast} />
          ) : (
            <ThresholdsEditor settings={i18n.settings} notify={setToast} />
          )}
        </TabPanel>
        <Toast toast={toast} onClose={close} />
      </div>
    </I18nProvider>
  );
}

const BRAND = 'Buyer Tiers';
