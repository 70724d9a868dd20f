import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternCovers } from '../../../core/sites/matchPattern';
import { ADAPTERS, adapterById, adapterForUrl } from '../../../core/sites/registry';
import { hostsForMode } from '../../../wxt.config';
import { FIXTURES_DIR, fixtureIds } from './harness';

describe('adapter registry (meta)', () => {
  it('has unique ids', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every registered adapter has a fixtures folder with expected.json', () => {
    for (const a of ADAPTERS) expect(existsSync(join(FIXTURES_DIR, a.id, 'expected.json')), a.id).toBe(true);
  });

  it('every fixtures folder belongs to a registered adapter', () => {
    for (const id of fixtureIds()) expect(adapterById(id), id).toBeDefined();
  });

  it("every adapter's match patterns are covered by the manifest host permissions", () => {
    // Unit tests see the demo build's adapters (the demo marketplace included), so its hosts.
    const hosts = hostsForMode('demo');
    const uncovered = ADAPTERS.flatMap((a) =>
      a.matches.filter((m) => !hosts.some((h) => patternCovers(h, m))).map((m) => `${a.id}: ${m}`),
    );
    expect(uncovered).toEqual([]);
  });

  it('selectors are dated (YYYY-MM-DD) and fallbacks say until when they were seen', () => {
    for (const a of ADAPTERS) {
      for (const [name, sel] of Object.entries(a.selectors)) {
        expect(sel.since, `${a.id}.${name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(sel.current.trim(), `${a.id}.${name}`).not.toBe('');
        for (const f of sel.fallbacks) expect(f.until, `${a.id}.${name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('picks the adapter for a URL', () => {
    expect(adapterForUrl('https://web.whatsapp.com/')?.id).toBe('whatsapp');
    expect(adapterForUrl('https://sellercentral.amazon.co.uk/orders-v3/mfn/unshipped')?.id).toBe('amazon');
    expect(adapterForUrl('https://sellercentral-japan.amazon.com/orders-v3')?.id).toBe('amazon');
    expect(adapterForUrl('https://www.etsy.com/your/orders/sold?page=2')?.id).toBe('etsy');
    expect(adapterForUrl('https://www.etsy.com/listing/123')).toBeUndefined();
    expect(adapterForUrl('https://myseller.taobao.com/home.htm/trade-platform/tp/sold')?.id).toBe('qianniu');
    expect(adapterForUrl('https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=x')?.id).toBe(
      'qianniu',
    );
    expect(adapterForUrl('http://127.0.0.1:8787/chat?buyer=x')?.id).toBe('demo');
    expect(adapterForUrl('https://example.com/')).toBeUndefined();
    expect(adapterForUrl('not a url')).toBeUndefined();
  });

  it('reports page kinds from the URL', () => {
    const demo = adapterById('demo')!;
    expect(demo.pageKinds(new URL('http://127.0.0.1:1/chat?buyer=a'))).toEqual(['chat']);
    expect(demo.pageKinds(new URL('http://127.0.0.1:1/orders?page=2'))).toEqual(['orders']);
    expect(demo.pageKinds(new URL('http://127.0.0.1:1/'))).toEqual([]);
    expect(adapterById('amazon')!.pageKinds(new URL('https://sellercentral.amazon.com/home'))).toEqual([]);
  });
});
