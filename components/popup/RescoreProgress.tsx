import type { RescoreStatusDto } from '@/core/messaging';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';

/** A determinate progress bar for the rescore after saving; its row is always reserved. */
export function RescoreProgress({ status }: { status: RescoreStatusDto | null }) {
  const { t, locale } = useI18n();
  const running = Boolean(status?.running);
  const done = status?.done ?? 0;
  const total = status?.total ?? 0;
  return (
    <div class="rescore" data-testid="rescore" data-state={status ? (running ? 'running' : 'done') : 'idle'}>
      {status && (
        <>
          <progress
            class="rescore__bar"
            max={Math.max(1, total)}
            value={running ? done : total}
            aria-label={t('set.rescore.label')}
          />
          <span class="rescore__text">
            {running
              ? t('set.rescore.running', {
                  done: formatCount(done, locale),
                  total: formatCount(total, locale),
                })
              : t('set.rescore.done', { total: formatCount(total, locale) })}
          </span>
        </>
      )}
    </div>
  );
}
