import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportedResult } from '../importExport/ImportPanel';
import { I18nProvider } from '../ui/i18nContext';
import { TabPanel, Tabs } from '../ui/Tabs';
import { Toast, type ToastState } from '../ui/Toast';
import { useUiLocale } from '../ui/useUiLocale';
import { BuyerDetail } from './BuyerDetail';
import { type Route, SECTIONS, type SectionId, useHashRoute } from './route';
import { Buyers } from './sections/Buyers';
import { Groups } from './sections/Groups';
import { Import } from './sections/Import';
import { Movers } from './sections/Movers';
import { Needs } from './sections/Needs';
import { Overview } from './sections/Overview';
import { SettingsSection } from './sections/SettingsSection';
import { SiteRules } from './sections/SiteRules';
import { Tags } from './sections/Tags';
import { Team } from './sections/Team';
import { Templates } from './sections/Templates';
import { Thresholds } from './sections/Thresholds';

/**
 * The dashboard: one extension page with sections as tabs (keyboard: arrows, Home/End), the
 * section and an open buyer kept in the URL hash so reload and back work.
 */
export function DashboardApp() {
  const i18n = useUiLocale();
  const { t } = i18n;
  const [route, go] = useHashRoute();
  const [toast, setToast] = useState<ToastState | null>(null);
  const [lastImport, setLastImport] = useState<ImportedResult>();
  const closeToast = useCallback(() => setToast(null), []);
  useEffect(() => {
    document.title = `${t(`dash.nav.${route.section}`)} · ${BRAND}`;
  }, [route.section, t]);

  const openBuyer = (key: string) => go({ ...route, buyer: key });
  const ctx = {
    notify: setToast,
    openBuyer,
    go: (section: SectionId) => go({ section }),
    reloadSettings: i18n.reloadSettings,
    lastImport,
    // A finished import's summary stays on the overview (where the empty dashboard's import
    // lands by itself) until dismissed.
    onImported: (result: ImportedResult) => setLastImport(result),
    dismissLastImport: () => setLastImport(undefined),
  };

  return (
    <I18nProvider value={i18n}>
      <div class="dash">
        <a class="skip-link" href="#dash-main">
          {t('dash.skip')}
        </a>
        <aside class="dash__side">
          <div class="brand">
            <span class="brand__mark" aria-hidden="true" />
            <span class="brand__name">{BRAND}</span>
          </div>
          <Tabs
            items={SECTIONS.map((id) => ({ id, label: t(`dash.nav.${id}`) }))}
            active={route.section}
            onSelect={(section) => go({ section })}
            label={t('dash.nav.label')}
            idPrefix="dash"
            vertical
          />
        </aside>
        <main class="dash__main" id="dash-main">
          <TabPanel idPrefix="dash" id={route.section}>
            {renderSection(route, ctx, i18n.settings)}
          </TabPanel>
        </main>
        {route.buyer && (
          <BuyerDetail
            buyerKey={route.buyer}
            onClose={() => go({ ...route, buyer: undefined })}
            notify={setToast}
          />
        )}
        <Toast toast={toast} onClose={closeToast} />
      </div>
    </I18nProvider>
  );
}

export interface SectionContext {
  notify(t: ToastState): void;
  openBuyer(key: string): void;
  go(section: SectionId): void;
  /** Re-reads settings after a write the background does not broadcast (capture switches). */
  reloadSettings(): void;
  /** The import finished in this page, shown on the overview until dismissed. */
  lastImport?: ImportedResult;
  onImported(result: ImportedResult): void;
  dismissLastImport(): void;
}

function renderSection(
  route: Route,
  ctx: SectionContext,
  settings: ReturnType<typeof useUiLocale>['settings'],
) {
  switch (route.section) {
    case 'overview':
      return <Overview ctx={ctx} />;
    case 'import':
      return <Import ctx={ctx} />;
    case 'buyers':
      return <Buyers ctx={ctx} />;
    case 'movers':
      return <Movers ctx={ctx} />;
    case 'groups':
      return <Groups ctx={ctx} />;
    case 'tags':
      return <Tags ctx={ctx} />;
    case 'thresholds':
      return <Thresholds ctx={ctx} settings={settings} />;
    case 'needs':
      return <Needs ctx={ctx} settings={settings} />;
    case 'actions':
      return <Templates ctx={ctx} />;
    case 'sites':
      return <SiteRules ctx={ctx} settings={settings} />;
    case 'team':
      return <Team ctx={ctx} />;
    case 'settings':
      return <SettingsSection ctx={ctx} settings={settings} />;
  }
}

const BRAND = 'Buyer Tiers';
