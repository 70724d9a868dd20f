import type { PreviewCountsDto } from '@/core/adminDtos';
import type { ClassDimension } from '@/core/model/dimensions';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { classLabel } from '../ui/labels';

type Group = 'segments' | 'valueTiers' | 'lifecycles' | 'frequencyBands' | 'spendBands';
/** The preview's count groups are fields the background fills (PreviewCountsDto), each of one dimension. */
const GROUPS: ReadonlyArray<[Group, ClassDimension]> = [
  ['segments', 'segment'],
  ['valueTiers', 'valueTier'],
  ['lifecycles', 'lifecycle'],
  ['frequencyBands', 'frequencyBand'],
  ['spendBands', 'spendBand'],
];

/**
 * Live counts per class for the settings being edited. Keeps its size while a new preview is
 * computed (the old numbers dim instead of disappearing), so the form below never jumps.
 */
export function PreviewPanel({ preview, busy }: { preview: PreviewCountsDto | null; busy: boolean }) {
  const { t, locale } = useI18n();
  return (
    <section
      class={`preview ${busy ? 'preview--busy' : ''}`}
      aria-labelledby="preview-title"
      aria-busy={busy}
    >
      <h3 id="preview-title" class="preview__title">
        {t('set.preview.title')}
        <span class="preview__total" data-testid="preview-total">
          {preview ? t('set.preview.total', { n: formatCount(preview.total, locale) }) : ''}
        </span>
      </h3>
      {preview?.method === 'absolute-fallback' && <p class="preview__note">{t('set.preview.fallback')}</p>}
      <div class="preview__groups" aria-live="polite">
        {GROUPS.map(([group, dimension]) => {
          const counts = preview?.[group] ?? {};
          const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
          return (
            <div class="preview__group" key={group}>
              <h4 class="preview__group-title">{t(`set.preview.${group}`)}</h4>
              <ul class="preview__list" data-testid={`preview-${group}`}>
                {entries.map(([value, n]) => (
                  <li key={value} data-class={value}>
                    <span>{classLabel(t, dimension, value)}</span>
                    <span class="num" data-testid="preview-count">
                      {formatCount(n, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <div class="preview__group">
          <h4 class="preview__group-title">{t('set.preview.keyAccounts')}</h4>
          <p class="num" data-testid="preview-keyAccounts">
            {preview ? formatCount(preview.keyAccounts, locale) : ''}
          </p>
        </div>
      </div>
    </section>
  );
}
