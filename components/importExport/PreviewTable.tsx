import { type LineValues, MAPPING_FIELDS, type MappingField, type MappingPreview } from '@/core/import';
import { bcp47, formatMoney, type UiLocale } from '../i18n';
import { useI18n } from '../ui/i18nContext';
import { fieldLabel } from './fieldLabels';

/** A parsed field as it will be stored: buyer key, local date-time, money, status. */
function shown(field: MappingField, v: LineValues, locale: UiLocale, timeZone: string): string {
  const money = (minor: number | undefined) =>
    minor === undefined ? '' : v.currency ? formatMoney(minor, v.currency, locale) : String(minor);
  switch (field) {
    case 'buyerId':
      return v.buyerKey ?? '';
    case 'date':
      return v.placedAt === undefined
        ? ''
        : new Intl.DateTimeFormat(bcp47(locale), {
            timeZone,
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(v.placedAt);
    case 'orderId':
      return v.orderId ?? '';
    case 'total':
      return money(v.total);
    case 'lineTotal':
      return money(v.lineTotal);
    case 'unitPrice':
      return money(v.unitPrice);
    case 'discount':
      return money(v.discount);
    case 'quantity':
      return v.qty === undefined ? '' : String(v.qty);
    case 'status':
    case 'cancelled':
      return v.status ?? '';
    case 'item':
      return v.item ?? '';
    case 'sku':
      return v.sku ?? '';
    case 'category':
      return v.category ?? '';
    case 'country':
      return v.country ?? '';
    case 'buyerName':
      return v.buyerName ?? '';
    case 'currencyColumn':
      return v.currency ?? '';
  }
}

/**
 * The first rows of the file exactly as the import will read them; a cell that cannot be read
 * is highlighted with its reason (also announced to screen readers through `aria-invalid` and
 * the cell's text).
 */
export function PreviewTable({ preview, timeZone }: { preview: MappingPreview; timeZone: string }) {
  const { t, locale } = useI18n();
  const fields = MAPPING_FIELDS.filter((f) => preview.mapping.columns[f] !== undefined);
  return (
    <div class="io-preview" data-testid="io-preview">
      <table class="plain-table io-preview__table">
        <caption class="sr-only">{t('io.preview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('io.preview.line')}</th>
            {fields.map((f) => (
              <th scope="col" key={f}>
                {fieldLabel(t, f)}
                <span class="io-preview__col muted">{preview.mapping.columnNames[f]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => {
            // Rows the importer rejects as a whole (empty buyer id, conflicting order) count too.
            const rowErrors = [...r.errors, ...preview.rejects.filter((x) => x.line === r.line)];
            return (
              <tr key={r.line} class={rowErrors.length > 0 ? 'row--warn' : undefined}>
                <td class="num">{r.line}</td>
                {fields.map((f) => {
                  const err = rowErrors.find((e) => e.field === f);
                  if (err) {
                    const raw = r.cells[preview.mapping.columns[f] ?? -1] ?? '';
                    return (
                      <td
                        key={f}
                        class="io-cell--error"
                        aria-invalid="true"
                        title={err.reason}
                        data-testid="io-cell-error"
                      >
                        <span class="io-cell__raw">{raw}</span>
                        <span class="io-cell__why">{err.reason}</span>
                      </td>
                    );
                  }
                  return <td key={f}>{shown(f, r.values, locale, timeZone)}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
