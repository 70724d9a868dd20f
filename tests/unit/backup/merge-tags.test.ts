/**
 * Merge-restore with clashing tag names. Audit regression: when both sides had a tag with the
 * same name and different ids, the merge failed as a whole (ConstraintError on the unique name
 * index, nothing written) after the plan screen had promised a merge.
 */
import { describe, expect, it } from 'vitest';
import { type BackupFile, mergeTagsByName } from '@/core/backup';
import { defaultSettings } from '@/core/model';
import { saveSettings, writeOrders } from '@/core/store';
import { testBackgrounds } from '../../support/background';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('merge-tags', { settle: true });

function backupWith(tags: BackupFile['tags'], buyerTags: BackupFile['buyerTags']): BackupFile {
  return { tags, buyerTags } as BackupFile;
}

describe('mergeTagsByName', () => {
  const tag = (id: string, name: string) => ({ id, name, color: '#3366ff', createdAt: 1 });
  const link = (buyerKey: string, tagId: string) => ({ buyerKey, tagId, at: 1 });

  it('a backup tag named like a local one takes the local id, and its links follow', () => {
    const out = mergeTagsByName(backupWith([tag('b-vip', 'VIP')], [link('taobao:ann', 'b-vip')]), [
      { id: 'l-vip', name: 'VIP' },
    ]);
    expect(out.tags.map((t) => [t.id, t.name])).toEqual([['l-vip', 'VIP']]);
    expect(out.buyerTags).toEqual([link('taobao:ann', 'l-vip')]);
  });

  it('a backup tag whose id a name match now uses gets a fresh id', () => {
    // Local: x = "gold". Backup: y = "gold" (→ x), x = "silver" (must not overwrite "gold").
    const out = mergeTagsByName(
      backupWith([tag('y', 'gold'), tag('x', 'silver')], [link('a:1', 'y'), link('a:1', 'x')]),
      [{ id: 'x', name: 'gold' }],
      () => 'fresh',
    );
    expect(out.tags.map((t) => [t.id, t.name])).toEqual([
      ['x', 'gold'],
      ['fresh', 'silver'],
    ]);
    expect(out.buyerTags.map((l) => l.tagId)).toEqual(['x', 'fresh']);
  });

  it('two links that become the same are kept once; nothing to fit returns the backup itself', () => {
    const b = backupWith([tag('b1', 'vip'), tag('b2', 'new')], [link('a:1', 'b1'), link('a:1', 'b1')]);
    expect(mergeTagsByName(b, [{ id: 'l1', name: 'vip' }]).buyerTags).toHaveLength(1);
    expect(mergeTagsByName(b, [{ id: 'other', name: 'other' }])).toBe(b);
  });
});

describe('applyRestore merge with a clashing tag name', () => {
  it('merges by name: one "VIP" tag, both sides\' buyers linked to it, the plan as promised', async () => {
    // Machine A: tags its buyers and backs up.
    const dbA = backgrounds.database();
    await saveSettings(dbA, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
    await writeOrders(dbA, [makeOrder({ orderId: '1', buyer: 'ann' })], CNY_CTX, T0);
    const a = await backgrounds.rescoredBackground(dbA, { now: T0 });
    const vipA = await a.call<{ id: string }>('createTag', { name: 'VIP' });
    await a.call('tagBuyers', { buyerKeys: ['taobao:ann'], tagId: vipA.id });
    const { content } = await a.call<{ content: string }>('createBackup', {});

    // Machine B: its own "VIP" (another id) on another buyer.
    const dbB = backgrounds.database();
    await saveSettings(dbB, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
    await writeOrders(dbB, [makeOrder({ orderId: '2', buyer: 'bob' })], CNY_CTX, T0);
    const b = await backgrounds.rescoredBackground(dbB, { now: T0 });
    const vipB = await b.call<{ id: string }>('createTag', { name: 'VIP' });
    expect(vipB.id).not.toBe(vipA.id);
    await b.call('tagBuyers', { buyerKeys: ['taobao:bob'], tagId: vipB.id });

    const plan = await b.call<{ plan?: unknown; tables: Record<string, { add: number; replace: number }> }>(
      'planRestore',
      { content, mode: 'merge' },
    );
    expect(plan.tables.tags).toMatchObject({ add: 0, replace: 1 });
    await b.call('applyRestore', { content, mode: 'merge' });

    const tags = await dbB.tags.toArray();
    expect(tags.map((t) => [t.id, t.name])).toEqual([[vipB.id, 'VIP']]);
    const links = (await dbB.buyerTags.toArray()).map((l) => [l.buyerKey, l.tagId]).sort();
    expect(links).toEqual([
      ['taobao:ann', vipB.id],
      ['taobao:bob', vipB.id],
    ]);
    expect(await dbB.buyers.get('taobao:ann')).toBeDefined();
  });
});
