import { differenceInCalendarDays } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { ago } from '@/components/overlay/format';

const HOUR = 3_600_000;
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

/** What `ago` said when it used date-fns: the reference for the library-free version. */
function reference(at: number, now: number): string {
  const days = differenceInCalendarDays(at, now);
  const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  const abs = Math.abs(days);
  if (abs < 45) return rtf.format(days, 'day');
  if (abs < 365) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

describe('ago counts local calendar days without a date library', () => {
  for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London']) {
    it(`matches date-fns in ${tz}, across midnight and DST changes`, () => {
      process.env.TZ = tz;
      const now = Date.UTC(2026, 2, 29, 0, 30); // the night Europe moves its clocks
      for (let h = -24 * 400; h <= 24 * 3; h += 7) {
        const at = now + h * HOUR;
        expect(ago(at, now, 'en')).toBe(reference(at, now));
      }
      expect(ago(now - 1 * HOUR, now, 'en')).toBe(reference(now - HOUR, now));
    });
  }
});
