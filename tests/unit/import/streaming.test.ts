import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/import/csv';
import { createImporter, OPEN_WINDOW } from '../../../core/import/importer';
import { previewMapping } from '../../../core/import/preview';
import { importText } from '../../../core/import/text';

const BASE = { timeZone: 'UTC', now: 5, importId: 'test' } as const;
const MAP = {
  buyerId: 'buyer',
  date: 'date',
  orderId: 'order',
  total: 'total',
  item: 'item',
  currency: 'USD',
} as const;

describe('bounded-memory importer', () => {
  it('still catches a duplicate or conflicting row of an order emitted long ago', () => {
    const lines = ['order,buyer,date,total,item', '1,alice,2024-01-01,10.00,a'];
    for (let i = 0; i < OPEN_WINDOW + 5; i++) lines.push(`x${i},b${i},2024-01-02,1.00,i`);
    const late = lines.length + 1;
    lines.push('1,alice,2024-01-01,10.00,a', '1,bob,2024-01-01,10.00,b', '1,alice,2024-01-01,10.00,c');
    const r = importText(lines.join('\n'), { ...BASE, mapping: MAP });
    expect(r.orders).toHaveLength(OPEN_WINDOW + 6);
    expect(r.orders[0].items.map((i) => i.title)).toEqual(['a']);
    expect(r.rejects).toEqual([
      { line: late, field: 'row', reason: 'duplicate of line 2; skipped' },
      {
        line: late + 1,
        field: 'buyerId',
        reason: `order 1 on line ${late + 1} conflicts with line 2: buyer 'import:bob' vs 'import:alice'`,
      },
      {
        line: late + 2,
        field: 'orderId',
        reason: `order 1 on line ${late + 2} continues the order started on line 2, which was already complete (more than ${OPEN_WINDOW} orders in between); keep each order's lines together`,
      },
    ]);
  });

  it('emits batches of exactly the batch size, also when only rejects pile up', () => {
    const { item: _item, ...noItem } = MAP;
    const importer = createImporter({ ...BASE, mapping: noItem, batchSize: 10 });
    const rows = parseCsvText(
      ['order,buyer,date,total', ...Array.from({ length: 35 }, (_, i) => `${i},b,not-a-date,1`)].join('\n'),
    ).rows;
    const sizes = rows.flatMap((row) => {
      const b = importer.push(row);
      return b ? [b.rejects.length] : [];
    });
    expect(sizes).toEqual([10, 10, 10]);
    expect(importer.finish().rejects).toHaveLength(5);
  });

  it('a continuation line without a currency inherits its order’s, not the shop currency', () => {
    const text = readFileSync(
      new URL('../../fixtures/import/shopify-bad-lines.csv', import.meta.url),
      'utf8',
    );
    const r = importText(text, { ...BASE, defaultCurrency: 'USD' });
    expect(r.orders.map((o) => o.currency)).toEqual(['CNY', 'CNY', 'CNY', 'CNY', 'CNY', 'CNY']);
    expect(r.rejects.map((x) => x.line)).toEqual([5, 7, 9]);
    const p = previewMapping(parseCsvText(text).rows, { ...BASE, defaultCurrency: 'USD' });
    expect(p.rejects.map((x) => x.line)).toEqual([5, 7, 9]);
    // With no currency anywhere, the shop currency is the last resort.
    const bare = importText('order,buyer,date,total\n1,a,2024-01-01,2.00\n', {
      ...BASE,
      defaultCurrency: 'EUR',
      mapping: { buyerId: 'buyer', date: 'date', orderId: 'order', total: 'total' },
    });
    expect(bare.orders[0].currency).toBe('EUR');
  });
});
