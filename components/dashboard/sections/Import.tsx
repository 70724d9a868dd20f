import { ImportPlace } from '../../importExport/ImportPlace';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';

/** Import as its own place: drop a file, check what it will give, fix, import; history below. */
export function Import({ ctx }: { ctx: SectionContext }) {
  const { t } = useI18n();
  return (
    <div class="import-section">
      <h1 class="page-title">{t('dash.nav.import')}</h1>
      <p class="muted page-lead">{t('io.section.lead')}</p>
      <ImportPlace onImported={ctx.onImported} onShowOverview={() => ctx.go('overview')} />
    </div>
  );
}
