import { describe, expect, it } from 'vitest';
import { distributionsOf, queryRows, RowSnapshot, rowOfBuyer } from '@/core/background/buyerQuery';
import { syntheticBuyers } from './syntheticBuyers';

const buyers = syntheticBuyers(5000);
const rows = buyers.map((b, i) =>
  rowOfBuyer(b, i % 10 === 0 ? ['t_vip'] : i % 7 === 0 ? ['t_x', 't_vip'] : []),
);
const snap = new RowSnapshot(rows);

describe('buyer table query', () => {
  it('filters by every field at once and counts all matches, returning only the window', () => {
    const filters = { platform: 'amazon', segment: 'champions', tier: 'high' };
    const expected = rows.filter(
      (r) => r.platform === 'amazon' && r.segment === 'champions' && r.tier === 'high',
    );
    const res = queryRows(snap, filters, { by: 'spend', dir: 'desc' }, 0, 10);
    expect(res.total).toBe(expected.length);
    expect(res.rows).toHaveLength(Math.min(10, expected.length));
    for (const r of res.rows)
      expect([r.platform, r.segment, r.tier]).toEqual(['amazon', 'champions', 'high']);
  });

  it('sorts numerically in both directions and pages without overlap', () => {
    const all = queryRows(snap, {}, { by: 'spend', dir: 'desc' }, 0, 5000).rows.map((r) => r.spend);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const p1 = queryRows(snap, {}, { by: 'spend', dir: 'desc' }, 0, 50).rows.map((r) => r.key);
    const p2 = queryRows(snap, {}, { by: 'spend', dir: 'desc' }, 50, 50).rows.map((r) => r.key);
    expect(new Set([...p1, ...p2]).size).toBe(100);
    const asc = queryRows(snap, {}, { by: 'lastOrderAt', dir: 'asc' }, 0, 5000).rows.map(
      (r) => r.lastOrderAt,
    );
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });

  it('filters by tag and by text over name or id, case-insensitively', () => {
    const tagged = queryRows(snap, { tagId: 't_x' }, { by: 'name', dir: 'asc' }, 0, 5000);
    expect(tagged.total).toBe(rows.filter((r) => r.tagIds.includes('t_x')).length);
    expect(tagged.rows.every((r) => r.tagIds.includes('t_x'))).toBe(true);
    const byName = queryRows(snap, { text: 'ACME' }, { by: 'name', dir: 'asc' }, 0, 5000);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.name?.includes('Acme'))).toBe(true);
    const byId = queryRows(snap, { text: buyers[123].buyerId }, { by: 'name', dir: 'asc' }, 0, 5000);
    expect(byId.rows.map((r) => r.key)).toContain(buyers[123].key);
    expect(queryRows(snap, { text: '杭州' }, { by: 'name', dir: 'asc' }, 0, 1).total).toBeGreaterThan(0);
  });

  it('returns nothing past the end and an empty result for no match', () => {
    expect(queryRows(snap, {}, { by: 'name', dir: 'asc' }, 10_000, 10)).toEqual({ total: 5000, rows: [] });
    expect(queryRows(snap, { segment: 'nope' }, { by: 'name', dir: 'asc' }, 0, 10)).toEqual({
      total: 0,
      rows: [],
    });
  });
});

describe('distributions', () => {
  it('counts buyers and revenue per segment, tiers, lifecycles, platforms and the R×F grid in one pass', () => {
    const d = distributionsOf(
      rows.map((r, i) => ({ ...r, r: (i % 5) + 1, f: ((i >> 1) % 5) + 1 })),
      'rfm-grid',
      'CNY',
    );
    expect(d.total).toBe(5000);
    expect(d.segments.reduce((s, x) => s + x.buyers, 0)).toBe(5000);
    expect(d.segments.reduce((s, x) => s + x.revenue, 0)).toBe(rows.reduce((s, r) => s + r.spend, 0));
    expect(d.segments.map((s) => s.buyers)).toEqual(
      [...d.segments.map((s) => s.buyers)].sort((a, b) => b - a),
    );
    expect(d.rf.flat().reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Object.values(d.valueTiers).reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Object.values(d.lifecycles).reduce((a, b) => a + b, 0)).toBe(5000);
    expect(d.platforms.amazon).toBe(rows.filter((r) => r.platform === 'amazon').length);
  });

  it('leaves unscored buyers out of the grid', () => {
    const d = distributionsOf(rows.slice(0, 10), 'value-8', 'USD');
    expect(d.rf.flat().every((x) => x === 0)).toBe(true);
    expect(d.scheme).toBe('value-8');
  });
});
