import type { Settings } from '@/core/model';
import { ThresholdsEditor } from '../../popup/ThresholdsEditor';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';

/** The popup's thresholds editor, with the live preview beside the form on a wide page. */
export function Thresholds({ ctx, settings }: { ctx: SectionContext; settings: Settings | undefined }) {
  const { t } = useI18n();
  return (
    <div class="wide-editor">
      <h1 class="page-title">{t('dash.nav.thresholds')}</h1>
      <ThresholdsEditor settings={settings} notify={ctx.notify} />
    </div>
  );
}
