import { describe, expect, it } from 'vitest';
import { NO_MATCH } from '@/core/sites/strategy';
import { listSelectorHealth, recordFieldStrategies, recordSelectorCheck } from '@/core/store/health';
import { testBackgrounds } from '../../support/background';

const shops = testBackgrounds('health');
const freshDb = () => shops.database();

describe('selector health store', () => {
  it('counts hits and misses per site, keeping only the origin and path of a miss', async () => {
    const db = freshDb();
    expect(await recordSelectorCheck(db, 'etsy', true, 'https://www.etsy.com/a?b=c', 1)).toEqual({
      misses: 0,
    });
    expect(await recordSelectorCheck(db, 'etsy', false, 'https://www.etsy.com/your/orders?q=Ann', 5)).toEqual(
      {
        misses: 1,
      },
    );
    expect(await recordSelectorCheck(db, 'etsy', false, 'not a url', 7)).toEqual({ misses: 2 });
    const [row] = await listSelectorHealth(db);
    expect(row).toEqual({ site: 'etsy', hits: 1, misses: 2, lastMissAt: 7, lastMissUrl: '' });
    await recordSelectorCheck(db, 'etsy', false, 'https://www.etsy.com/your/orders?q=Ann', 9);
    expect((await listSelectorHealth(db))[0].lastMissUrl).toBe('https://www.etsy.com/your/orders');
  });

  it('merges per-field strategy counts into the same row without touching hits and misses', async () => {
    const db = freshDb();
    await recordSelectorCheck(db, 'amazon', true, 'https://sellercentral.amazon.com/', 1);
    expect(await recordFieldStrategies(db, 'amazon', { buyer: { a: 2, [NO_MATCH]: 1 } }, 10)).toEqual({
      fields: 1,
    });
    expect(await recordFieldStrategies(db, 'amazon', { buyer: { b: 1 }, total: { a: 3 } }, 20)).toEqual({
      fields: 2,
    });
    const [row] = await listSelectorHealth(db);
    expect(row.hits).toBe(1);
    expect(row.fieldsAt).toBe(20);
    expect(row.fields).toEqual({ buyer: { a: 2, b: 1, [NO_MATCH]: 1 }, total: { a: 3 } });
    // NO_MATCH stays last, as mergeFieldCounts promises.
    expect(Object.keys(row.fields?.buyer ?? {})).toEqual(['a', 'b', NO_MATCH]);
  });

  it('starts a site with field counts only, and lists sites in order', async () => {
    const db = freshDb();
    await recordFieldStrategies(db, 'whatsapp', { phone: { [NO_MATCH]: 4 } }, 3);
    await recordSelectorCheck(db, 'amazon', false, 'https://sellercentral.amazon.com/orders', 4);
    const rows = await listSelectorHealth(db);
    expect(rows.map((r) => r.site)).toEqual(['amazon', 'whatsapp']);
    expect(rows[1]).toEqual({
      site: 'whatsapp',
      hits: 0,
      misses: 0,
      fields: { phone: { [NO_MATCH]: 4 } },
      fieldsAt: 3,
    });
  });

  it('loses no count when reports for one site arrive at once', async () => {
    const db = freshDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? recordSelectorCheck(db, 'etsy', i % 4 === 0, 'https://www.etsy.com/', i)
          : recordFieldStrategies(db, 'etsy', { buyer: { a: 1 } }, i),
      ),
    );
    const [row] = await listSelectorHealth(db);
    expect(row.hits + row.misses).toBe(10);
    expect(row.fields).toEqual({ buyer: { a: 10 } });
  });
});
