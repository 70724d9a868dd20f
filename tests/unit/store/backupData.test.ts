/**
 * The store side of backup and restore: what a backup reads (invalid rows left out), the keys a
 * restore plan compares against, and that a failed restore leaves the database as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupFile, createBackup, META_KEYS } from '@/core/backup';
import { defaultSettings } from '@/core/model';
import type { CustomRule } from '@/core/sites/customRule';
import { BuyerTiersDB, saveSettings } from '@/core/store';
import { currentBackupKeys, readBackupData, restoreBackupData } from '@/core/store/backupData';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);

const RULE: CustomRule = {
  id: 'r1',
  origin: 'https://seller.example.com',
  label: 'Seller',
  chatBuyerSelector: '[data-buyer]',
  createdAt: 5,
};

const dbs: BuyerTiersDB[] = [];
function freshDb(): BuyerTiersDB {
  const db = new BuyerTiersDB(`backup-data-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function backupOf(parts: Partial<BackupFile>): BackupFile {
  return {
    ...createBackup(
      {
        settings: defaultSettings('en'),
        buyers: [],
        orders: [],
        tags: [],
        buyerTags: [],
        notes: [],
        classChanges: [],
        imports: [],
      },
      T0,
    ),
    ...parts,
  };
}

describe('readBackupData', () => {
  it('reads every table, leaving out rows the extension ignores and unset meta values', async () => {
    const db = freshDb();
    await db.tags.put({ id: 't1', name: 'vip', color: '#3366ff', createdAt: 1 });
    await db.siteRules.bulkPut([RULE, { ...RULE, id: 'bad', origin: 'not a url' } as CustomRule]);
    await db.meta.put({ key: META_KEYS.importPresets, value: [{ nonsense: true }] });
    const data = await readBackupData(db, 'en');
    expect(data.tags.map((t) => t.id)).toEqual(['t1']);
    expect(data.siteRules.map((r) => r.id)).toEqual(['r1']);
    expect(data.importPresets).toEqual([]);
    expect(data.actionTemplates).toBeNull();
    expect(data.needsLexicon).toBeNull();
    expect(data.settings).toEqual(defaultSettings('en'));
  });
});

describe('currentBackupKeys', () => {
  it('keys records as backupKeyOf does: links and rejects joined, rules by origin', async () => {
    const db = freshDb();
    await db.buyerTags.put({ buyerKey: 'taobao:ann', tagId: 't1', at: 2 });
    await db.importRejects.add({ importId: 'i1', line: 2, reason: 'no buyer' });
    await db.siteRules.put(RULE);
    const keys = await currentBackupKeys(db);
    expect([...keys.buyerTags]).toEqual(['taobao:ann|t1']);
    expect([...keys.importRejects]).toEqual(['i1|2']);
    expect([...keys.siteRules]).toEqual([RULE.origin]);
    expect(keys.actionTemplates.size).toBe(0);
  });
});

describe('restoreBackupData', () => {
  it('merge: a reject for a line this machine has takes its local id', async () => {
    const db = freshDb();
    const localId = await db.importRejects.add({ importId: 'i1', line: 2, reason: 'old' });
    const backup = backupOf({
      importRejects: [
        { id: 99, importId: 'i1', line: 2, reason: 'new' },
        { id: 100, importId: 'i1', line: 3, reason: 'other' },
      ],
    });
    await restoreBackupData(db, backup, 'merge', CNY_CTX, T0);
    const rows = await db.importRejects.toArray();
    expect(rows.find((r) => r.line === 2)).toMatchObject({ id: localId, reason: 'new' });
    expect(rows.find((r) => r.line === 3)?.id).not.toBe(99);
    expect(rows).toHaveLength(2);
  });

  it('a failed replace leaves every table as it was (one transaction)', async () => {
    const db = freshDb();
    await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY' });
    await db.tags.put({ id: 'local', name: 'mine', color: '#3366ff', createdAt: 1 });
    await db.importUndo.put({ importId: 'i1', key: 'k', order: makeOrder({ orderId: '1', buyer: 'ann' }) });
    await db.meta.put({ key: META_KEYS.actionTemplates, value: [] });
    const before = await Promise.all(db.tables.map((t) => t.toArray()));
    // Two tags with one name break the unique name index midway through the writes.
    const backup = backupOf({
      tags: [
        { id: 'a', name: 'same', color: '#3366ff', createdAt: 1 },
        { id: 'b', name: 'same', color: '#3366ff', createdAt: 2 },
      ],
    });
    await expect(restoreBackupData(db, backup, 'replace', CNY_CTX, T0)).rejects.toThrow();
    expect(await Promise.all(db.tables.map((t) => t.toArray()))).toEqual(before);
  });
});
