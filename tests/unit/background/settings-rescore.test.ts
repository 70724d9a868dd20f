/**
 * The settings change and the rescore it owes are one transaction. Audit regression: they were
 * two, so a worker stopped between them left new settings (say a new shop currency) with no
 * marker, and the aggregates and classes stayed computed for the old ones for good.
 */
import { describe, expect, it } from 'vitest';
import type { Rescorer } from '@/core/background/context';
import { RESCORE_PENDING_KEY } from '@/core/background/rescorer';
import { defaultSettings, type Settings } from '@/core/model';
import { type BuyerTiersDB, getSettings, saveSettings } from '@/core/store';
import { testBackgrounds } from '../../support/background';

const T0 = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('settings-rescore');

/** A rescorer that never gets to run: the worker stops right after the handler's writes. */
const stoppedRescorer: Rescorer = {
  afterWrite: async () => {},
  full: () => new Promise(() => {}),
  status: () => ({ running: false, done: 0, total: 0 }),
  suggestActions: async () => [],
};

async function setup() {
  const db = backgrounds.database();
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  const bg = backgrounds.background(db, { now: T0, rescorer: stoppedRescorer });
  const current = await bg.call<Settings>('getSettings', {});
  return { db, bg, next: { ...current, shopCurrency: 'USD', timeZone: 'America/New_York' } };
}

const marker = (db: BuyerTiersDB) => db.meta.get(RESCORE_PENDING_KEY);

describe('saveSettings and its owed rescore', () => {
  it('are written together: the new settings and the marker owing a rebuild', async () => {
    const { db, bg, next } = await setup();
    await bg.call('saveSettings', { settings: next });
    expect((await getSettings(db, 'en')).shopCurrency).toBe('USD');
    expect((await marker(db))?.value).toEqual({ since: T0, rebuildAggregates: true });
  });

  it('a failure writing the marker (the worker dying there) leaves neither', async () => {
    const { db, bg, next } = await setup();
    db.meta.hook('creating', (_key, row) => {
      if (row.key === RESCORE_PENDING_KEY) throw new Error('worker stopped');
    });
    const res = await bg.raw('saveSettings', { settings: next });
    expect(res.ok).toBe(false);
    const stored = await getSettings(db, 'en');
    const owed = await marker(db);
    // Both or neither; here neither, and the seller is told the save failed.
    expect({ currency: stored.shopCurrency, zone: stored.timeZone, owed }).toEqual({
      currency: 'CNY',
      zone: 'Asia/Shanghai',
      owed: undefined,
    });
    // The background's cached settings did not move either.
    expect((await bg.call<Settings>('getSettings', {})).shopCurrency).toBe('CNY');
  });
});
