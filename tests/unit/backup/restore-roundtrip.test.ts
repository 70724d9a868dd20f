/**
 * Whole-database backup through the background: a database with every table populated, backed
 * up and restored (replace) into an empty database, comes back table for table; merge keeps
 * this machine's records; restored site rules get their content scripts synced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createBackupHandlers } from '@/core/background/backupHandlers';
import { type Rescorer, type ServiceDeps, SettingsCache } from '@/core/background/context';
import { createImportHandlers } from '@/core/background/importHandlers';
import { syncStoredRuleScripts, type TeachPlatform } from '@/core/background/ruleScripts';
import type { SenderInfo } from '@/core/background/sender';
import { defaultSettings } from '@/core/model';
import { defaultLexicon, emptyNeedsRecord } from '@/core/needs';
import { DEFAULT_ACTION_TEMPLATES } from '@/core/scoring/actions';
import type { CustomRule } from '@/core/sites/customRule';
import {
  BuyerTiersDB,
  getActionTemplates,
  saveActionTemplates,
  saveSettings,
  writeOrders,
} from '@/core/store';
import { loadLexicon, storeLexicon } from '@/core/store/needs';
import { UNROUTED } from '../../support/background';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);
const PAGE: SenderInfo = { kind: 'page' };
const STATUS = { running: false, done: 0, total: 0 };
const rescorer: Rescorer = {
  afterWrite: async () => {},
  full: async () => STATUS,
  status: () => STATUS,
  suggestActions: async () => [],
};

const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

function services(db: BuyerTiersDB) {
  const deps: ServiceDeps = { db, now: () => T0, browserLanguage: 'en', signal: () => {}, rescorer };
  const settings = new SettingsCache(db, 'en');
  const synced: string[][] = [];
  const backup = createBackupHandlers(deps, settings, async (d) => {
    synced.push((await d.siteRules.toArray()).map((r) => r.origin));
  });
  return { deps, settings, backup, imports: createImportHandlers(deps, settings), synced };
}

function fresh(): BuyerTiersDB {
  const db = new BuyerTiersDB(`backup-rt-${Math.random()}`);
  dbs.push(db);
  return db;
}

const RULE: CustomRule = {
  id: 'r1',
  origin: 'https://seller.example.com',
  label: 'Seller',
  chatBuyerSelector: '[data-buyer]',
  createdAt: 5,
};

/** A database with a record in every table a backup carries (and an undo copy, which it does not). */
async function populated(): Promise<BuyerTiersDB> {
  const db = fresh();
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  await writeOrders(
    db,
    [
      makeOrder({ orderId: '1', buyer: 'ann', total: 1234, importId: 'i1' }),
      makeOrder({ orderId: '2', buyer: 'bob', total: 500, currency: 'USD', status: 'refunded' }),
    ],
    CNY_CTX,
    T0,
  );
  await db.tags.put({ id: 't1', name: 'vip', color: '#3366ff', createdAt: 1 });
  await db.buyerTags.put({ buyerKey: 'taobao:ann', tagId: 't1', at: 2 });
  await db.notes.put({ buyerKey: 'taobao:ann', text: 'likes tea', updatedAt: 3 });
  await db.classChanges.add({
    buyerKey: 'taobao:ann',
    dimension: 'segment',
    from: 'new',
    to: 'loyal',
    at: 4,
  });
  await db.imports.put({
    id: 'i1',
    fileName: 'orders.csv',
    preset: 'taobao',
    startedAt: 1,
    finishedAt: 2,
    status: 'done',
    committedBytes: 10,
    totalBytes: 10,
    counts: { rows: 3, new: 1, duplicate: 0, updated: 0, rejected: 2 },
    rejects: [{ line: 2, reason: 'no buyer' }],
  });
  await db.siteRules.put(RULE);
  await db.selectorHealth.put({
    site: 'taobao',
    hits: 9,
    misses: 2,
    lastMissAt: 7,
    lastMissUrl: 'https://x/',
  });
  await db.needs.put({
    ...emptyNeedsRecord('taobao:ann', 8),
    chats: 2,
    seenChatDays: [19000, 19001],
    dayNeeds: [1, 3],
  });
  await db.importRejects.bulkAdd([
    { importId: 'i1', line: 2, reason: 'no buyer' },
    { importId: 'i1', line: 3, field: 'total', reason: 'not a number' },
  ]);
  const { imports } = services(db);
  await imports.savePreset(
    { name: 'My sheet', mapping: { buyerId: 'Kunde', date: 'Datum', total: 'Betrag' } },
    PAGE,
    UNROUTED,
  );
  await saveActionTemplates(db, [{ ...DEFAULT_ACTION_TEMPLATES[0], template: 'Hi {name}!' }]);
  const lexicon = defaultLexicon();
  lexicon.terms.price = ['bargain'];
  await storeLexicon(db, lexicon);
  return db;
}

/** Every table of a database, in key order. */
async function dump(db: BuyerTiersDB, skip: readonly string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (!skip.includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

describe('backup → restore (replace) into an empty database', () => {
  for (const passphrase of [undefined, 'correct horse']) {
    it(`gives back every table exactly${passphrase ? ' (encrypted)' : ''}`, async () => {
      const src = await populated();
      const before = await dump(src, ['importUndo']);
      for (const [name, rows] of Object.entries(before)) expect(rows.length, name).toBeGreaterThan(0);
      const { content, encrypted } = await services(src).backup.createBackup(
        passphrase ? { passphrase } : {},
        PAGE,
        UNROUTED,
      );
      expect(encrypted).toBe(passphrase !== undefined);

      const dst = fresh();
      const target = services(dst);
      const plan = await target.backup.planRestore({ content, passphrase, mode: 'replace' }, PAGE, UNROUTED);
      expect(plan.tables.siteRules).toMatchObject({ inBackup: 1, add: 1 });
      expect(plan.tables.importRejects).toMatchObject({ inBackup: 2, add: 2 });
      expect(plan.tables.importPresets).toMatchObject({ inBackup: 1, add: 1 });
      expect(plan.tables.actionTemplates).toMatchObject({ inBackup: 1, add: 1 });
      expect(plan.tables.needsLexicon).toMatchObject({ inBackup: 1, add: 1 });
      await target.backup.applyRestore({ content, passphrase, mode: 'replace' }, PAGE, UNROUTED);

      expect(await dump(dst, ['importUndo'])).toEqual(before);
      // Each owner reads its value back from the restored meta table.
      expect(await target.imports.listPresets({}, PAGE, UNROUTED)).toEqual(
        await services(src).imports.listPresets({}, PAGE, UNROUTED),
      );
      expect(await getActionTemplates(dst)).toEqual(await getActionTemplates(src));
      expect((await loadLexicon(dst)).terms.price).toEqual(['bargain']);
      // The restored rule's content script is synced once the data is committed.
      expect(target.synced).toEqual([[RULE.origin]]);
    });
  }

  it('replace removes this machine’s extra rules, rejects, presets and edited templates', async () => {
    const src = fresh();
    await saveSettings(src, defaultSettings('en'));
    const { content } = await services(src).backup.createBackup({}, PAGE, UNROUTED);
    const dst = await populated();
    const target = services(dst);
    await target.backup.applyRestore({ content, mode: 'replace' }, PAGE, UNROUTED);
    for (const t of ['siteRules', 'selectorHealth', 'needs', 'importRejects', 'orders', 'buyers'] as const)
      expect(await dst.table(t).count(), t).toBe(0);
    expect(await target.imports.listPresets({}, PAGE, UNROUTED)).toEqual([]);
    expect(await getActionTemplates(dst)).toEqual(DEFAULT_ACTION_TEMPLATES);
    expect(await loadLexicon(dst)).toEqual(defaultLexicon());
    expect(target.synced).toEqual([[]]);
  });
});

describe('merge', () => {
  it('keeps this machine’s records; rules match by origin, rejects by import line, presets by name', async () => {
    const src = await populated();
    const { content } = await services(src).backup.createBackup({}, PAGE, UNROUTED);
    const dst = fresh();
    await saveSettings(dst, defaultSettings('en'));
    // Same origin under another id, another origin, and a reject whose id the backup also uses.
    await dst.siteRules.bulkPut([
      { ...RULE, id: 'local', label: 'Local' },
      { ...RULE, id: 'r2', origin: 'https://other.example' },
    ]);
    await dst.importRejects.bulkAdd([
      { importId: 'mine', line: 1, reason: 'local reject' },
      { importId: 'i1', line: 3, reason: 'older copy' },
    ]);
    const target = services(dst);
    await target.imports.savePreset(
      { name: 'My sheet', mapping: { buyerId: 'a', date: 'b', total: 'c' } },
      PAGE,
      UNROUTED,
    );
    await target.imports.savePreset(
      { name: 'Local sheet', mapping: { buyerId: 'a', date: 'b', total: 'c' } },
      PAGE,
      UNROUTED,
    );

    const plan = await target.backup.planRestore({ content, mode: 'merge' }, PAGE, UNROUTED);
    expect(plan.tables.siteRules).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 1, remove: 0 });
    expect(plan.tables.importRejects).toEqual({ inBackup: 2, add: 1, replace: 1, keep: 1, remove: 0 });
    expect(plan.tables.importPresets).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 1, remove: 0 });
    await target.backup.applyRestore({ content, mode: 'merge' }, PAGE, UNROUTED);

    expect((await dst.siteRules.orderBy('origin').toArray()).map((r) => [r.origin, r.id])).toEqual([
      ['https://other.example', 'r2'],
      [RULE.origin, RULE.id],
    ]);
    const rejects = await dst.importRejects.toArray();
    expect(rejects.map((r) => `${r.importId}|${r.line}|${r.reason}`).sort()).toEqual([
      'i1|2|no buyer',
      'i1|3|not a number',
      'mine|1|local reject',
    ]);
    expect(new Set(rejects.map((r) => r.id)).size).toBe(3);
    const presets = await target.imports.listPresets({}, PAGE, UNROUTED);
    expect(presets.map((p) => p.name).sort()).toEqual(['Local sheet', 'My sheet']);
    expect(presets.find((p) => p.name === 'My sheet')?.mapping).toMatchObject({ buyerId: 'Kunde' });
    expect(await dst.needs.count()).toBe(1);
    expect(await dst.selectorHealth.count()).toBe(1);
    expect(target.synced).toHaveLength(1);
  });

  it('a failing script sync does not fail the restore', async () => {
    const src = await populated();
    const db = fresh();
    const deps: ServiceDeps = { db, now: () => T0, browserLanguage: 'en', signal: () => {}, rescorer };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handlers = createBackupHandlers(deps, new SettingsCache(db, 'en'), async () => {
      throw new Error('no scripting here');
    });
    const { content } = await services(src).backup.createBackup({}, PAGE, UNROUTED);
    await handlers.applyRestore({ content, mode: 'replace' }, PAGE, UNROUTED);
    expect(await db.siteRules.count()).toBe(1);
    expect(warn).toHaveBeenCalled();
  });
});

describe('syncStoredRuleScripts', () => {
  it('registers granted rules only; scripts of rules without permission or without a rule go', async () => {
    const db = fresh();
    await db.siteRules.bulkPut([RULE, { ...RULE, id: 'r2', origin: 'https://not-granted.example' }]);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([
      { id: 'rule-r2', matches: ['https://not-granted.example/*'], js: ['x.js'] },
      { id: 'rule-gone', matches: ['https://gone.example/*'], js: ['x.js'] },
    ] as never);
    const unregister = vi.spyOn(browser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
    const registered: string[] = [];
    const platform = {
      hasOriginPermission: async (origin: string) => origin === RULE.origin,
      registerRule: async (rule: CustomRule) => {
        registered.push(rule.id);
      },
    } as Partial<TeachPlatform> as TeachPlatform;
    await syncStoredRuleScripts(db, platform);
    expect(registered).toEqual(['r1']);
    expect(unregister).toHaveBeenCalledWith({ ids: ['rule-r2', 'rule-gone'] });
  });
});
