import { useEffect, useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import type { ImportRecord } from '@/core/model';
import { errorText } from '../ui/errors';
import { formatCount, formatDateTime } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { downloadRejects } from './RejectsList';

const POLL_MS = 3000;

interface Props {
  /** Bumped by the import panel whenever an import starts, progresses or ends. */
  version: number;
  onResume(record: ImportRecord): void;
}

/**
 * Every import with its counts. A running import whose page went silent shows as interrupted
 * (decided by the background from heartbeats) and can be resumed with the same file or
 * discarded; the list polls while anything is still running so that change shows up.
 */
export function ImportHistory({ version, onResume }: Props) {
  const { t, locale } = useI18n();
  const [records, setRecords] = useState<ImportRecord[]>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    request('listImports', {})
      .then(setRecords)
      .catch((e) => setError(errorText(e, t)));
  }, [version, tick]);
  const running = records?.some((r) => r.status === 'running') ?? false;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => clearInterval(id);
  }, [running]);

  const discard = (r: ImportRecord) => {
    if (!window.confirm(t('io.history.discardConfirm', { name: r.fileName, n: r.counts.new }))) return;
    request('discardImport', { importId: r.id })
      .then(() => setTick((n) => n + 1))
      .catch((e) => setError(errorText(e, t)));
  };

  return (
    <section class="card" aria-labelledby="io-history-title" data-testid="io-history">
      <h2 id="io-history-title">{t('io.history.title')}</h2>
      {error && <p class="io-error">{error}</p>}
      {records?.length === 0 && <p class="muted">{t('io.history.empty')}</p>}
      <ul class="io-history">
        {records?.map((r) => (
          <li
            key={r.id}
            class="io-history__item"
            data-testid="io-history-item"
            data-status={r.status}
            data-import-id={r.id}
          >
            <div>
              <strong>{r.fileName}</strong> <span class="muted">{formatDateTime(r.startedAt, locale)}</span>{' '}
              <span class={`io-status io-status--${r.status}`} data-testid="io-history-status">
                {t(`io.status.${r.status}`)}
              </span>
            </div>
            <div class="muted" data-testid="io-history-counts">
              {t('io.history.rows', { rows: formatCount(r.counts.rows, locale) })} ·{' '}
              {t('io.counts', {
                new: formatCount(r.counts.new, locale),
                duplicate: formatCount(r.counts.duplicate, locale),
                updated: formatCount(r.counts.updated, locale),
                rejected: formatCount(r.counts.rejected, locale),
              })}
              {r.error ? ` · ${r.error}` : ''}
            </div>
            <div class="inline-form">
              {r.counts.rejected > 0 && (
                <button
                  type="button"
                  class="btn"
                  onClick={() =>
                    downloadRejects(r, [
                      t('io.rejects.colLine'),
                      t('io.rejects.colField'),
                      t('io.rejects.colReason'),
                    ]).catch((e) => setError(errorText(e, t)))
                  }
                >
                  {t('io.rejects.download')}
                </button>
              )}
              {r.source &&
                (r.status === 'interrupted' || r.status === 'cancelled' || r.status === 'failed') && (
                  <button
                    type="button"
                    class="btn btn--primary"
                    data-testid="io-resume"
                    onClick={() => onResume(r)}
                  >
                    {t('io.history.resume')}
                  </button>
                )}
              {r.status !== 'running' && (
                <button
                  type="button"
                  class="btn btn--danger"
                  data-testid="io-discard"
                  onClick={() => discard(r)}
                >
                  {t('io.history.discard')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
