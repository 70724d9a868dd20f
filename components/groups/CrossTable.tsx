import type { CrossTable as CrossTableDto } from '@/core/scoring/cluster/types';
import type { Translate, UiLocale } from '../i18n';
import { formatCount } from '../ui/format';
import { classLabel } from '../ui/labels';

/** Groups × rule-based segments: where the discovered groups agree or disagree with the rules. */
export function CrossTable({ table, t, locale }: { table: CrossTableDto; t: Translate; locale: UiLocale }) {
  if (table.segments.length === 0) return null;
  return (
    <section class="groups-cross">
      <h2>{t('groups.cross')}</h2>
      <div class="table-wrap">
        <table class="table" data-testid="groups-cross">
          <thead>
            <tr>
              <th scope="col">{t('groups.cross.group')}</th>
              {table.segments.map((s) => (
                <th key={s} scope="col">
                  {classLabel(t, 'segment', s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.counts.map((row, g) => (
              <tr key={g}>
                <th scope="row">{t('groups.group', { n: g + 1 })}</th>
                {row.map((n, j) => (
                  <td key={table.segments[j]} class={n === 0 ? 'muted' : undefined}>
                    {formatCount(n, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
