import { describe, expect, it } from 'vitest';
import { dispatch } from '@/core/background/router';
import type { ClusteringDto, ClusteringStatusDto } from '@/core/scoring/cluster';
import { CONTENT, env, seedSyntheticShop, testBackgrounds } from '../../support/background';

const NOW = Date.UTC(2024, 5, 1);
const backgrounds = testBackgrounds('groups');

async function setup(buyers = 300) {
  const db = backgrounds.database();
  await seedSyntheticShop(db, { buyers, now: NOW });
  const { call, service, restart } = await backgrounds.rescoredBackground(db, { now: NOW });
  return { db, call, service, restart };
}

describe('discovered-groups messages', () => {
  it('cluster the shop, open a group and save it as a tag; the result survives a restart', async () => {
    const { call, restart, service } = await setup();
    expect((await call<ClusteringStatusDto>('getClusteringStatus', {})).last).toBeNull();
    const res = await call<ClusteringDto>('runClustering', { seed: 3 });
    expect(res.k).toBeGreaterThanOrEqual(2);
    // Buyers without a paid order (all refunded) are not clustered.
    expect(res.clustered).toBeGreaterThan(280);
    expect(res.groups.reduce((s, g) => s + g.size, 0)).toBe(res.clustered);
    expect(res.crossTable.counts.flat().reduce((s, x) => s + x, 0)).toBe(res.clustered);
    expect(res.groups[0].description.en.length).toBeGreaterThan(0);
    expect(res.groups[0].description.zh_CN.length).toBeGreaterThan(0);

    const page = await call<{ total: number; rows: Array<{ key: string; spend: number }> }>('groupBuyers', {
      groupIndex: 0,
      offset: 0,
      limit: 10,
    });
    expect(page.total).toBe(res.groups[0].size);
    expect(page.rows[0].spend).toBeGreaterThanOrEqual(page.rows[page.rows.length - 1].spend);

    const saved = await call<{ tag: { id: string }; tagged: number }>('saveGroupAsTag', {
      groupIndex: 0,
      tagName: 'group-1',
    });
    expect(saved.tagged).toBe(res.groups[0].size);
    const tagged = await call<{ total: number }>('queryBuyers', {
      filters: { tagId: saved.tag.id },
      sort: { by: 'spend', dir: 'desc' },
      offset: 0,
      limit: 5,
    });
    expect(tagged.total).toBe(res.groups[0].size);

    restart();
    const status = await call<ClusteringStatusDto>('getClusteringStatus', {});
    expect(status.running).toBe(false);
    expect(status.last).toEqual(res);
    const again = await call<{ total: number }>('groupBuyers', { groupIndex: 0, offset: 0, limit: 10 });
    expect(again.total).toBe(res.groups[0].size);

    const denied = await dispatch('runClustering', {}, CONTENT, env, service);
    expect(denied.ok || denied.error.code).toBe('forbidden');
  });

  it('is deterministic for a seed, honours k, and reports unknown groups', async () => {
    const { call } = await setup(120);
    const a = await call<ClusteringDto>('runClustering', { seed: 5, k: 3 });
    const b = await call<ClusteringDto>('runClustering', { seed: 5, k: 3 });
    expect(a.k).toBe(3);
    expect(b.groups).toEqual(a.groups);
    await expect(call('groupBuyers', { groupIndex: 6, offset: 0, limit: 5 })).rejects.toThrow(/not-found/);
  });
});
