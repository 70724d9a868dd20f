import type { EncodingChoice, RunOptions } from '@/core/import';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { Review } from './ImportPanel';
import type { FileRead } from './rowSource';

interface Props {
  review: Review;
  shopCurrency: string;
  /** Read the file again another way (encoding, sheet). */
  onRead(read: FileRead): void;
  onRun(run: RunOptions): void;
  onEditMapping(): void;
}

/** How the file is read: sheet or encoding, day/month order, the file's currency, the mapping. */
export function ReadOptions({ review, shopCurrency, onRead, onRun, onEditMapping }: Props) {
  const { t, locale } = useI18n();
  const read = review.read;
  return (
    <div class="filters">
      {read.kind === 'workbook' && review.sheets && review.sheets.length > 1 && (
        <label class="filter">
          <span class="filter__label">{t('io.opt.sheet')}</span>
          <select
            class="select"
            data-testid="io-sheet"
            value={read.sheet}
            onChange={(e) => onRead({ kind: 'workbook', sheet: e.currentTarget.value })}
          >
            {review.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {t('io.opt.sheetRows', { name: s.name, rows: formatCount(s.rows, locale) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {read.kind === 'text' && (
        <label class="filter">
          <span class="filter__label">{t('io.opt.encoding')}</span>
          <select
            class="select"
            value={read.encoding}
            onChange={(e) => onRead({ kind: 'text', encoding: e.currentTarget.value as EncodingChoice })}
          >
            <option value="auto">{t('io.opt.auto', { found: review.sample.encoding })}</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
            <option value="utf-16le">UTF-16 LE</option>
            <option value="utf-16be">UTF-16 BE</option>
          </select>
        </label>
      )}
      <label class="filter">
        <span class="filter__label">{t('io.opt.dayFirst')}</span>
        <select
          class="select"
          value={review.run.dayFirst === undefined ? '' : String(review.run.dayFirst)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onRun({ ...review.run, dayFirst: v === '' ? undefined : v === 'true' });
          }}
        >
          <option value="">{t('io.opt.dayFirstAuto')}</option>
          <option value="true">{t('io.opt.dayFirstYes')}</option>
          <option value="false">{t('io.opt.dayFirstNo')}</option>
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">{t('io.opt.currency')}</span>
        <input
          class="input io-currency"
          maxLength={3}
          data-testid="io-file-currency"
          value={review.run.currency ?? ''}
          placeholder={review.base?.currency ?? shopCurrency}
          onInput={(e) => {
            const v = e.currentTarget.value.trim().toUpperCase();
            onRun({ ...review.run, currency: /^[A-Z]{3}$/.test(v) ? v : undefined });
          }}
        />
      </label>
      {!review.editing && (
        <button type="button" class="btn" data-testid="io-edit-mapping" onClick={onEditMapping}>
          {t('io.import.editMapping')}
        </button>
      )}
    </div>
  );
}
