/**
 * "Delete everything" gives back what teach mode took. Audit regression: it cleared the
 * database but left the taught sites' content scripts registered and their origin permissions
 * granted, so a deleted install kept running on, and keeping access to, those sites.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { testBackgrounds } from '../../support/background';

const T0 = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('delete-everything');
const BUILT_IN = ['https://web.whatsapp.com/*', 'https://www.etsy.com/your/*'];

afterEach(() => {
  vi.restoreAllMocks();
});

function fakeTeachAccess() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Buyer Tiers',
    version: '0.1.0',
    host_permissions: BUILT_IN,
  });
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([
    { id: 'rule-r1', matches: ['https://shop.example/*'], js: ['content-scripts/content.js'] },
    { id: 'rule-r2', matches: ['https://crm.example/*'], js: ['content-scripts/content.js'] },
    { id: 'someone-else', matches: ['https://x.example/*'] },
  ] as never);
  const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue();
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
    permissions: ['storage'],
    origins: [...BUILT_IN, 'https://shop.example/*', 'https://crm.example/*'],
  } as never);
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
  return { unregister, remove };
}

describe('deleteEverything', () => {
  it('unregisters every taught script and releases every granted optional origin', async () => {
    const { unregister, remove } = fakeTeachAccess();
    const db = backgrounds.database();
    await db.siteRules.put({ id: 'r1', origin: 'https://shop.example' } as never);
    const { call } = backgrounds.background(db, { now: T0 });
    await call('deleteEverything', { confirm: 'DELETE' });

    expect(await db.siteRules.count()).toBe(0);
    expect(unregister).toHaveBeenCalledWith({ ids: ['rule-r1', 'rule-r2'] });
    // The built-in marketplaces are install-time permissions: not ours to give back.
    expect(remove).toHaveBeenCalledWith({ origins: ['https://shop.example/*', 'https://crm.example/*'] });
  });

  it('without the typed confirmation touches neither the scripts nor the permissions', async () => {
    const { unregister, remove } = fakeTeachAccess();
    const { call } = backgrounds.background(backgrounds.database(), { now: T0 });
    await expect(call('deleteEverything', { confirm: 'delete' })).rejects.toThrow();
    expect(unregister).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });
});
