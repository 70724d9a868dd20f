import { MessageFailure } from '@/core/messaging';
import type { Translate } from '../i18n';

/** A failed request as one line the seller can read; typed errors keep the background's wording. */
export function errorText(e: unknown, t: Translate): string {
  if (e instanceof MessageFailure) {
    const details = e.error.details?.length ? ` (${e.error.details.slice(0, 3).join('; ')})` : '';
    return `${e.error.message}${details}`;
  }
  return e instanceof Error ? e.message : t('ui.error.unknown');
}
