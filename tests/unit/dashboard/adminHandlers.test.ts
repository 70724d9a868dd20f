import { describe, expect, it } from 'vitest';
import { dispatch } from '@/core/background/router';
import { CONTENT, env, seedSyntheticShop, testBackgrounds } from '../../support/background';

const NOW = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('admin');

async function setup(buyers = 200) {
  const db = backgrounds.database();
  const settings = await seedSyntheticShop(db, { buyers, now: NOW, batch: 1000 });
  const { service, call, rescorer } = await backgrounds.rescoredBackground(db, { now: NOW });
  return { db, service, call, settings, rescorer };
}

describe('control-room messages', () => {
  it('are refused to content scripts', async () => {
    const { service } = await setup(5);
    const res = await dispatch('queryBuyers', {}, CONTENT, env, service);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('forbidden');
  });

  it('queries the buyer table and sees a tag applied afterwards (index stays fresh)', async () => {
    const { call } = await setup();
    const q = { filters: {}, sort: { by: 'spend', dir: 'desc' }, offset: 0, limit: 20 };
    const first = await call<{ total: number; rows: Array<{ key: string; spend: number }> }>(
      'queryBuyers',
      q,
    );
    expect(first.total).toBe(200);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].spend).toBeGreaterThanOrEqual(first.rows[19].spend);

    const tag = await call<{ id: string }>('createTag', { name: 'wholesale' });
    const keys = first.rows.slice(0, 3).map((r) => r.key);
    await call('tagBuyers', { buyerKeys: keys, tagId: tag.id });
    const tagged = await call<{ total: number; rows: Array<{ key: string; tags: Array<{ name: string }> }> }>(
      'queryBuyers',
      { ...q, filters: { tagId: tag.id } },
    );
    expect(tagged.total).toBe(3);
    expect(tagged.rows.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(tagged.rows[0].tags[0].name).toBe('wholesale');

    // A merge is an un-keyed tag change: the links are reloaded.
    const other = await call<{ id: string }>('createTag', { name: 'b2b' });
    await call('mergeTags', { fromId: tag.id, intoId: other.id });
    const merged = await call<{ total: number }>('queryBuyers', { ...q, filters: { tagId: other.id } });
    expect(merged.total).toBe(3);

    const all = await call<{ tagged: number }>('tagMatching', { filters: { tier: 'high' }, tagId: other.id });
    const after = await call<{ total: number }>('queryBuyers', { ...q, filters: { tagId: other.id } });
    expect(after.total).toBeGreaterThanOrEqual(all.tagged);

    await call('forgetBuyer', { buyerKey: keys[0] });
    const gone = await call<{ total: number }>('queryBuyers', q);
    expect(gone.total).toBe(199);
  });

  it('distributions add up to the buyer count', async () => {
    const { call } = await setup();
    const d = await call<{
      total: number;
      segments: Array<{ segment: string; buyers: number }>;
      rf: number[][];
    }>('getDistributions', {});
    expect(d.total).toBe(200);
    expect(d.segments.reduce((s, x) => s + x.buyers, 0)).toBe(200);
    const prospects = d.segments.find((s) => s.segment === 'prospect')?.buyers ?? 0;
    expect(d.rf.flat().reduce((a, b) => a + b, 0)).toBe(200 - prospects);
  });

  it('previews class counts for unsaved settings without writing, and rejects impossible ones', async () => {
    const { call, settings, db } = await setup();
    const before = await db.buyers.toArray();
    const base = await call<{ total: number; segments: Record<string, number> }>('previewSettings', {
      settings,
    });
    expect(base.total).toBe(200);
    expect(Object.values(base.segments).reduce((a, b) => a + b, 0)).toBe(200);
    const strict = {
      ...settings,
      scheme: 'rfm-grid',
      rfm: { ...settings.rfm, method: 'absolute', recencyCuts: [1, 2, 3, 4] },
    };
    const changed = await call<{ segments: Record<string, number> }>('previewSettings', { settings: strict });
    expect(changed.segments).not.toEqual(base.segments);
    expect(await db.buyers.toArray()).toEqual(before);
    const bad = { ...settings, valueTier: { ...settings.valueTier, weights: { r: 0, f: 0, m: 0 } } };
    await expect(call('previewSettings', { settings: bad })).rejects.toThrow(/weights cannot all be zero/);
  });

  it('lists movers with names, and edits, previews and resets action templates', async () => {
    const { call, db } = await setup(30);
    const b = (await db.buyers.limit(1).toArray())[0];
    await db.classChanges.add({
      buyerKey: b.key,
      dimension: 'segment',
      from: 'champions',
      to: 'at-risk',
      at: NOW - 86_400_000,
    });
    await db.classChanges.add({
      buyerKey: b.key,
      dimension: 'segment',
      from: 'loyal',
      to: 'champions',
      at: NOW - 40 * 86_400_000,
    });
    const m = await call<Array<{ name?: string; from: string }>>('getMovers', { days: 7 });
    expect(m.map((x) => x.from)).toContain('champions');
    expect(m.map((x) => x.from)).not.toContain('loyal');
    expect(m[0].name).toBe(b.name);

    const t = await call<{ templates: Array<{ id: string; reply: { en: string } }>; isDefault: boolean }>(
      'getActionTemplates',
      {},
    );
    expect(t.isDefault).toBe(true);
    const edited = t.templates.map((x) => ({
      ...x,
      when: [{ dimension: 'segment', in: [b.segment] }],
      reply: { ...x.reply, en: 'Hello {name}!' },
    }));
    const preview = await call<Array<{ reply: string }>>('previewActions', {
      buyerKey: b.key,
      templates: edited,
      locale: 'en',
    });
    expect(preview[0].reply).toBe(`Hello ${b.name ?? 'there'}!`);
    await expect(
      call('saveActionTemplates', { templates: [{ ...edited[0], reply: { en: '{bogus}', zh_CN: 'x' } }] }),
    ).rejects.toThrow(/placeholders/);
    expect((await call<{ isDefault: boolean }>('saveActionTemplates', { templates: edited })).isDefault).toBe(
      false,
    );
    expect((await call<{ isDefault: boolean }>('getActionTemplates', {})).isDefault).toBe(false);
    expect((await call<{ isDefault: boolean }>('resetActionTemplates', {})).isDefault).toBe(true);
  });

  it('deletes everything only with the typed confirmation', async () => {
    const { call, db } = await setup(20);
    await expect(call('deleteEverything', { confirm: 'delete' })).rejects.toThrow();
    expect(await db.buyers.count()).toBe(20);
    await call('deleteEverything', { confirm: 'DELETE' });
    expect(await db.buyers.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    const q = await call<{ total: number }>('queryBuyers', {
      filters: {},
      sort: { by: 'name', dir: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(q.total).toBe(0);
    const s = await call<{ shopCurrency: string; demoLoaded: boolean }>('getSettings', {});
    expect(s.demoLoaded).toBe(false);
  });
});
