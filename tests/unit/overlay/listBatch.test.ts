// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BadgeStore } from '../../../components/overlay/badgeStore';
import { planListPass } from '../../../components/overlay/listBatch';
import type { BadgeDto } from '../../../core/messaging';
import type { FoundBuyer } from '../../../core/sites/types';

function rows(n: number): FoundBuyer[] {
  return Array.from({ length: n }, (_, i) => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    return { buyerId: `b${i % 150}`, name: `Buyer ${i}`, anchor };
  });
}
const keyOf = (f: FoundBuyer) => `demo:${f.buyerId}`;

describe('list batching', () => {
  it('plans one fetch of the distinct keys of every new anchor', () => {
    const found = rows(200);
    const plan = planListPass(found, keyOf, new Map(), () => true);
    expect(plan.toMount).toHaveLength(200);
    expect(plan.keysToFetch).toHaveLength(150);
  });

  it('skips anchors already badged for the same buyer, re-badges recycled or stripped rows', () => {
    const found = rows(3);
    const host = document.createElement('i');
    const mounted = new Map([
      [found[0].anchor, { key: 'demo:b0', host }],
      [found[1].anchor, { key: 'demo:someone-else', host }],
      [found[2].anchor, { key: 'demo:b2', host }],
    ]);
    const placed = (a: Element) => a !== found[2].anchor; // the page removed row 2's badge
    const plan = planListPass(found, keyOf, mounted, placed);
    expect(plan.toMount.map((e) => e.key)).toEqual(['demo:b1', 'demo:b2']);
  });

  it('leaves out the anchor the chat badge already uses', () => {
    const found = rows(2);
    const plan = planListPass(
      found,
      keyOf,
      new Map(),
      () => true,
      (a) => a === found[0].anchor,
    );
    expect(plan.toMount.map((e) => e.key)).toEqual(['demo:b1']);
  });

  it('the store asks once per batch, never twice for a key in flight or cached', async () => {
    const fetch = vi.fn(async (keys: string[]) =>
      Object.fromEntries(keys.filter((k) => k !== 'demo:new').map((k) => [k, { key: k } as BadgeDto])),
    );
    const store = new BadgeStore(fetch);
    const keys = Array.from({ length: 200 }, (_, i) => `demo:b${i}`);
    await Promise.all([store.load([...keys, 'demo:new']), store.load(keys.slice(0, 50))]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.get('demo:b7')?.key).toBe('demo:b7');
    expect(store.get('demo:new')).toBeNull();
    await store.load(keys);
    expect(fetch).toHaveBeenCalledTimes(1);
    store.invalidate(['demo:b7']);
    await store.load(keys);
    expect(fetch).toHaveBeenLastCalledWith(['demo:b7']);
  });
});
