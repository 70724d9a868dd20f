import { describe, expect, it } from 'vitest';
import type { ExportDto } from '@/core/importExportDtos';
import { defaultSettings } from '@/core/model';
import { saveSettings, writeOrders } from '@/core/store';
import { CONTENT, testBackgrounds } from '../../support/background';
import { CNY_CTX, makeOrder } from '../../support/orders';

const T0 = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('io', { settle: true });

async function setup() {
  const db = backgrounds.database();
  await saveSettings(db, { ...defaultSettings('en'), shopCurrency: 'CNY', timeZone: 'Asia/Shanghai' });
  await writeOrders(
    db,
    [
      makeOrder({ orderId: '1', buyer: 'ann', total: 1234 }),
      makeOrder({ orderId: '2', buyer: 'bob', total: 500 }),
      makeOrder({ orderId: '3', buyer: '=cmd', total: 100 }),
    ],
    CNY_CTX,
    T0,
  );
  const { call } = await backgrounds.rescoredBackground(db, { now: T0 });
  return { db, call };
}

describe('export', () => {
  it('exports a tag as CSV with a BOM, neutralised cells and notes; ids for the clipboard', async () => {
    const { call } = await setup();
    const tag = await call<{ id: string }>('createTag', { name: 'vip' });
    await call('tagBuyers', { buyerKeys: ['taobao:ann', 'taobao:=cmd'], tagId: tag.id });
    await call('saveNote', { buyerKey: 'taobao:ann', text: 'likes tea' });
    const out = await call<ExportDto>('exportBuyers', {
      selection: { tagId: tag.id },
      columns: ['platform', 'buyerId', 'tags', 'orders', 'spend', 'note'],
      format: 'csv',
      listName: 'vip',
    });
    expect(out.fileName).toBe('buyer-tiers_vip_2024-06-01.csv');
    expect(out.count).toBe(2);
    const lines = out.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFplatform,buyer_id,tags,orders,spend,note');
    expect(lines.slice(1, 3).sort()).toEqual([
      "taobao,'=cmd,vip,1,1.00,",
      'taobao,ann,vip,1,12.34,likes tea',
    ]);
    const ids = await call<ExportDto>('exportBuyers', {
      selection: { tagId: tag.id },
      columns: ['buyerId'],
      format: 'ids',
    });
    // The clipboard gets the same formula guard as the files (a pasted id must not run as a formula).
    expect(ids.content.split('\n').sort()).toEqual(["'=cmd", 'ann']);
    const json = await call<ExportDto>('exportBuyers', {
      selection: { filter: { text: 'bob' } },
      columns: ['buyerId', 'spend'],
      format: 'json',
    });
    expect(JSON.parse(json.content)).toEqual([{ buyer_id: 'bob', spend: '5.00' }]);
  });

  it('is refused to content scripts', async () => {
    const { call } = await setup();
    await expect(
      call('exportBuyers', { selection: {}, columns: ['buyerId'], format: 'csv' }, CONTENT),
    ).rejects.toThrow(/forbidden/);
    await expect(call('createBackup', {}, CONTENT)).rejects.toThrow(/forbidden/);
  });
});

describe('backup and restore', () => {
  it('restores a forgotten buyer by merge and replaces everything by replace', async () => {
    const { db, call } = await setup();
    const { content } = await call<{ content: string }>('createBackup', {});
    await call('forgetBuyer', { buyerKey: 'taobao:bob' });
    await writeOrders(db, [makeOrder({ orderId: '9', buyer: 'new' })], CNY_CTX, T0);
    const plan = await call<{ tables: Record<string, { add: number; replace: number; keep: number }> }>(
      'planRestore',
      {
        content,
        mode: 'merge',
      },
    );
    expect(plan.tables.buyers).toMatchObject({ add: 1, replace: 2, keep: 1 });
    await call('applyRestore', { content, mode: 'merge' });
    expect((await db.buyers.get('taobao:bob'))?.agg.orders).toBe(1);
    expect(await db.buyers.get('taobao:new')).toBeDefined();
    await call('applyRestore', { content, mode: 'replace' });
    expect(await db.buyers.get('taobao:new')).toBeUndefined();
    expect(await db.orders.count()).toBe(3);
  });

  it('an encrypted backup needs its passphrase; a wrong one or a bad record changes nothing', async () => {
    const { db, call } = await setup();
    const enc = await call<{ content: string; encrypted: boolean }>('createBackup', {
      passphrase: 'pa55 word lantern',
    });
    expect(enc.encrypted).toBe(true);
    // A name with a ':' (not a base64 letter), so random ciphertext cannot contain it by chance.
    expect(enc.content).not.toContain('taobao:ann');
    expect(enc.content).not.toContain('likes tea');
    await call('forgetBuyer', { buyerKey: 'taobao:bob' });
    await expect(call('applyRestore', { content: enc.content, mode: 'replace' })).rejects.toThrow(
      /enter its passphrase/,
    );
    await expect(
      call('applyRestore', { content: enc.content, passphrase: 'nope', mode: 'replace' }),
    ).rejects.toThrow(/passphrase is wrong/);
    expect(await db.buyers.get('taobao:bob')).toBeUndefined();
    expect(await db.buyers.count()).toBe(2);

    const plain = JSON.parse((await call<{ content: string }>('createBackup', {})).content);
    plain.orders[0].total = 'lots';
    await expect(call('applyRestore', { content: JSON.stringify(plain), mode: 'replace' })).rejects.toThrow(
      /orders\[0\]\.total/,
    );
    expect(await db.buyers.count()).toBe(2);
    await call('applyRestore', { content: enc.content, passphrase: 'pa55 word lantern', mode: 'merge' });
    expect(await db.buyers.get('taobao:bob')).toBeDefined();
  });
});
