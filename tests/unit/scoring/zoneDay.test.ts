import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayInZone } from '../../../core/model';
import { epochDayInZoneFast } from '../../../core/scoring/zoneDay';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
];

describe('epochDayInZoneFast', () => {
  it('agrees with epochDayInZone for any instant 1970–2040 in zones with DST, odd offsets and midnight transitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (at, zone) => {
          expect(epochDayInZoneFast(at, zone)).toBe(epochDayInZone(at, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees minute by minute across DST transition days', () => {
    const days = [
      ['America/New_York', Date.UTC(2025, 2, 9)],
      ['America/New_York', Date.UTC(2025, 10, 2)],
      ['America/Santiago', Date.UTC(2025, 3, 5)],
      ['America/Santiago', Date.UTC(2025, 8, 6)],
      ['Australia/Lord_Howe', Date.UTC(2025, 3, 5)],
    ] as const;
    for (const [zone, start] of days) {
      for (let at = start - 86_400_000; at < start + 2 * 86_400_000; at += 60_000) {
        expect(epochDayInZoneFast(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(
          epochDayInZone(at, zone),
        );
      }
    }
  });
});
