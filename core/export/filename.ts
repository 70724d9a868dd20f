import { isoDayInZone } from '../model/time';

/**
 * Export file names: `buyer-tiers_<list>_<yyyy-MM-dd>.<ext>`. The list name is the seller's
 * own text (Chinese allowed), cleaned of characters that Windows, macOS or the browser's
 * download API refuse, and of names Windows reserves.
 */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function sanitizeFileNamePart(name: string, maxLength = 60): string {
  let s = name.normalize('NFKC').replace(FORBIDDEN, ' ').replace(/\s+/g, '-');
  s = s.replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  s = Array.from(s).slice(0, maxLength).join('');
  s = s.replace(/[-.]+$/g, '');
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** `date` is formatted in `timeZone` (the shop's) so the name matches the seller's calendar. */
export function exportFileName(
  listName: string,
  date: number,
  ext: 'csv' | 'json' | 'txt',
  timeZone = 'UTC',
): string {
  const day = isoDayInZone(date, timeZone);
  const list = sanitizeFileNamePart(listName) || 'buyers';
  return `buyer-tiers_${list}_${day}.${ext}`;
}
