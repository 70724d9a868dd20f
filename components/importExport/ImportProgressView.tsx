import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { ImportProgress } from './runImport';

/** Progress of a running import: bar, rows, percent, speed, committed counts, and Cancel. */
export function ImportProgressView(props: { fileName: string; progress?: ImportProgress; onCancel(): void }) {
  const { t, locale } = useI18n();
  const p = props.progress;
  const percent = p && p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : 0;
  const c = p?.record?.counts;
  return (
    <div class="io-progress" data-testid="io-progress" aria-busy="true">
      <p>{t(p?.replaying ? 'io.progress.replaying' : 'io.progress.title', { name: props.fileName })}</p>
      <progress max={100} value={percent} aria-label={t('io.progress.label')} data-testid="io-progress-bar" />
      <p class="muted" role="status" data-testid="io-progress-text">
        {t('io.progress.text', {
          rows: formatCount(p?.rows ?? 0, locale),
          percent,
          rate: formatCount(p?.rate ?? 0, locale),
        })}
        {c &&
          ` · ${t('io.counts', {
            new: formatCount(c.new, locale),
            duplicate: formatCount(c.duplicate, locale),
            updated: formatCount(c.updated, locale),
            rejected: formatCount(c.rejected, locale),
          })}`}
      </p>
      <button type="button" class="btn btn--danger" data-testid="io-cancel" onClick={props.onCancel}>
        {t('io.progress.cancel')}
      </button>
    </div>
  );
}
