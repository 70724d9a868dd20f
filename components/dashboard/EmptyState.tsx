import { ImportPlace } from '../importExport/ImportPlace';
import { useI18n } from '../ui/i18nContext';
import type { SectionContext } from './DashboardApp';

/**
 * The first screen of an empty dashboard: importing an order export right here (the way most
 * sellers start), then the two other ways in.
 */
export function EmptyState({ ctx, onRunning }: { ctx: SectionContext; onRunning?(running: boolean): void }) {
  const { t } = useI18n();
  return (
    <div class="empty-state" data-testid="empty-state">
      <h1 class="page-title">{t('dash.empty.title')}</h1>
      <p>{t('dash.empty.importFirst')}</p>
      <ImportPlace
        onImported={ctx.onImported}
        withHistory={false}
        title={t('dash.empty.import')}
        onRunning={onRunning}
      />
      <h2 class="empty-state__others">{t('dash.empty.otherWays')}</h2>
      <ol class="empty-state__steps">
        <li>
          <strong>{t('dash.empty.chat')}</strong>
          <span>{t('dash.empty.chatHow')}</span>
        </li>
        <li>
          <strong>{t('dash.empty.demo')}</strong>
          <span>{t('dash.empty.demoHow')}</span>
        </li>
      </ol>
    </div>
  );
}
