import { useState } from 'preact/hooks';
import { rejectsToCsv } from '@/core/export';
import { request } from '@/core/messaging';
import type { ImportRecord, RejectedRow } from '@/core/model';
import { errorText } from '../ui/errors';
import { useI18n } from '../ui/i18nContext';
import { saveText } from './download';

const PAGE = 50_000;

/** Reads every reject of an import (paged) and saves them as a CSV next to the original file. */
export async function downloadRejects(
  record: ImportRecord,
  headers: [string, string, string],
): Promise<void> {
  const rows: RejectedRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await request('getImportRejects', { importId: record.id, offset, limit: PAGE });
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.total) break;
  }
  const base = record.fileName.replace(/\.[^.]+$/, '') || 'import';
  saveText(`${base}_rejected.csv`, 'text/csv;charset=utf-8', rejectsToCsv(rows, headers));
}

/** The first rejected lines with their reasons, and a download of all of them. */
export function RejectsList({ record }: { record: ImportRecord }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const shown = record.rejects.slice(0, 20);
  return (
    <div class="io-rejects">
      <ul class="io-rejects__list" data-testid="io-rejects">
        {shown.map((r) => (
          <li key={`${r.line}-${r.field ?? ''}`} data-testid="io-reject" data-line={r.line}>
            <span class="io-rejects__line">{t('io.rejects.line', { line: r.line })}</span> {r.reason}
          </li>
        ))}
      </ul>
      {record.counts.rejected > shown.length && (
        <p class="muted">{t('io.rejects.more', { n: record.counts.rejected - shown.length })}</p>
      )}
      <button
        type="button"
        class="btn"
        data-testid="io-rejects-download"
        onClick={() =>
          downloadRejects(record, [
            t('io.rejects.colLine'),
            t('io.rejects.colField'),
            t('io.rejects.colReason'),
          ]).catch((e) => setError(errorText(e, t)))
        }
      >
        {t('io.rejects.download')}
      </button>
      {error && <p class="io-error">{error}</p>}
    </div>
  );
}
