import type { MappingField } from '@/core/import';
import type { MessageKey, Translate } from '../i18n';

/** The seller-facing name of each order field on the mapping screen. */
export function fieldLabel(t: Translate, field: MappingField): string {
  return t(`io.field.${field}` as MessageKey);
}
