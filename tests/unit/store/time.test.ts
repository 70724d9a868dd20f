import { describe, expect, it } from 'vitest';
import { epochDayInZone, zonedWallTimeToEpoch, zoneOffsetMinutes } from '@/core/model';

describe('shop calendar days', () => {
  it('counts days in the shop time zone, not the machine one', () => {
    const lateUtc = Date.UTC(2024, 0, 1, 17, 0); // 2024-01-02 01:00 in Shanghai
    expect(epochDayInZone(lateUtc, 'UTC')).toBe(Date.UTC(2024, 0, 1) / 86_400_000);
    expect(epochDayInZone(lateUtc, 'Asia/Shanghai')).toBe(Date.UTC(2024, 0, 2) / 86_400_000);
    expect(epochDayInZone(lateUtc, 'America/Los_Angeles')).toBe(Date.UTC(2024, 0, 1) / 86_400_000);
  });

  it('turns wall-clock times into instants across DST changes', () => {
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'Asia/Shanghai')).toBe(480);
    expect(zonedWallTimeToEpoch(2024, 1, 2, 13, 4, 5, 'Asia/Shanghai')).toBe(Date.UTC(2024, 0, 2, 5, 4, 5));
    // 2024-03-10 03:30 in New York is after the spring-forward jump (UTC-4).
    expect(zonedWallTimeToEpoch(2024, 3, 10, 3, 30, 0, 'America/New_York')).toBe(
      Date.UTC(2024, 2, 10, 7, 30),
    );
    expect(zonedWallTimeToEpoch(2024, 11, 3, 12, 0, 0, 'America/New_York')).toBe(
      Date.UTC(2024, 10, 3, 17, 0),
    );
  });
});
