import { useI18n } from '../ui/i18nContext';
import type { SectionId } from './route';

/** What a seller without any buyers yet can do next, with the three ways in. */
export function EmptyState({ go }: { go(section: SectionId): void }) {
  const { t } = useI18n();
  return (
    <div class="empty-state" data-testid="empty-state">
      <h2>{t('dash.empty.title')}</h2>
      <p>{t('dash.empty.lead')}</p>
      <ol class="empty-state__steps">
        <li>
          <strong>{t('dash.empty.import')}</strong>
          <span>{t('dash.empty.importHow')}</span>
          <button type="button" class="btn btn--small" onClick={() => go('settings')}>
            {t('dash.empty.importGo')}
          </button>
        </li>
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
