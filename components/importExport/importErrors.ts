import type { Translate } from '../i18n';
import { errorText } from '../ui/errors';

const WORKBOOK_KEYS = {
  damaged: 'io.wb.damaged',
  locked: 'io.wb.locked',
  'no-sheets': 'io.wb.noSheets',
  'unknown-sheet': 'io.wb.unknownSheet',
} as const;

/**
 * A failure of the import screen in the seller's language. Workbook errors are recognised by
 * name and code (the workbook module is loaded lazily, so `instanceof` would pull it in).
 */
export function importFailureText(e: unknown, t: Translate): string {
  if (e instanceof Error && e.name === 'WorkbookError') {
    const code = (e as Error & { code?: string }).code;
    if (code && code in WORKBOOK_KEYS) {
      const name = /'(.*)'/.exec(e.message)?.[1] ?? '';
      return t(WORKBOOK_KEYS[code as keyof typeof WORKBOOK_KEYS], { name });
    }
  }
  return errorText(e, t);
}
