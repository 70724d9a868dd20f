import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvRowStream } from '../../../core/import/csv';
import { ChunkDecoder } from '../../../core/import/encoding';
import { ImportError } from '../../../core/import/errors';
import { createImporter, presetFromSaved } from '../../../core/import/importer';
import { type MappingSpec, SavedPreset } from '../../../core/import/mapping';
import { BUILT_IN_PRESETS } from '../../../core/import/presets';
import { previewMapping } from '../../../core/import/preview';
import { mapStatus } from '../../../core/import/status';
import { importText } from '../../../core/import/text';
import { Order } from '../../../core/model';
import { encodeGbk } from './gbk';

const BASE = { timeZone: 'UTC', now: 5, importId: 'test' } as const;
const MAP: MappingSpec = {
  buyerId: 'buyer',
  date: 'date',
  orderId: 'order',
  total: 'total',
  item: 'item',
  currency: 'USD',
};

function catchImportError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('file-level errors', () => {
  it('names the missing column', () => {
    const e = catchImportError(() =>
      importText('buyer,date,item\na,2024-01-01,x\n', { ...BASE, mapping: MAP }),
    );
    expect(e.code).toBe('missing-columns');
    expect(e.missing).toEqual(["'order' (the order number)", "'total' (the order total)"]);
    expect(e.message).toContain("missing column 'order' (the order number)");
  });

  it('names what a chosen preset lacks', () => {
    const text = 'Name,Financial Status,Created at,Total,Lineitem name\n#1,paid,2024-01-01,1.00,x\n';
    const e = catchImportError(() => importText(text, { ...BASE, preset: 'shopify' }));
    expect(e.code).toBe('missing-columns');
    expect(e.message).toContain(
      "no column for the buyer (id, username, e-mail or phone) (looked for 'Email')",
    );
  });

  it('auto-detection reports the closest preset when a required column is missing', () => {
    const text =
      'amazon-order-id\tpurchase-date\titem-price\tsku\tasin\tproduct-name\n1\t2024-01-01\t1.00\ts\ta\tp\n';
    const e = catchImportError(() => importText(text, BASE));
    expect(e.code).toBe('missing-columns');
    expect(e.message).toMatch(/buyer-email/);
  });

  it('garbage, empty and binary files say there is no header', () => {
    for (const input of [
      '',
      'hello world\njust text\n',
      new Uint8Array(4096).map((_, i) => (i * 7919) % 256),
    ]) {
      const e = catchImportError(() => importText(input, BASE));
      expect(e.code).toBe('no-header');
    }
  });

  it('refuses an invalid mapping and an unknown preset', () => {
    expect(
      catchImportError(() =>
        importText('a,b\n', { ...BASE, mapping: { buyerId: 'a', date: 'b' } as MappingSpec }),
      ).code,
    ).toBe('invalid-mapping');
    expect(catchImportError(() => importText('a,b\n', { ...BASE, preset: 'nope' })).code).toBe(
      'unknown-preset',
    );
  });
});

describe('rows', () => {
  it('reports a broken line and imports the rest, with physical line numbers', () => {
    const text = [
      'order,buyer,date,total,item',
      '1,alice,2024-01-01,10.00,"multi',
      'line item"',
      '2,bob,not a date,5.00,x',
      '3,carol,2024-01-03,abc,x',
      '4,,2024-01-04,1.00,x',
      '5,dave,2024-01-05,2.00,x',
    ].join('\n');
    const r = importText(text, { ...BASE, mapping: MAP });
    expect(r.orders.map((o) => o.orderId)).toEqual(['1', '5']);
    expect(r.rowsRead).toBe(5);
    expect(r.rejects).toEqual([
      {
        line: 4,
        field: 'date',
        reason: "date: 'not a date': not a date we recognise (set a date format in the mapping)",
      },
      { line: 5, field: 'total', reason: "total: 'abc' is not an amount" },
      {
        line: 6,
        field: 'buyerId',
        reason: 'the buyer (buyer) is empty: this line cannot be given to a buyer',
      },
    ]);
    for (const o of r.orders) expect(Order.parse(o)).toEqual(o);
  });

  it('reports a truncated file (unterminated quote) instead of failing', () => {
    const r = importText('order,buyer,date,total,item\n1,a,2024-01-01,1.00,x\n2,b,2024-01-02,2.00,"cut off', {
      ...BASE,
      mapping: MAP,
    });
    expect(r.orders.map((o) => o.orderId)).toEqual(['1']);
    expect(r.rejects).toEqual([
      { line: 3, reason: 'a quoted field is never closed (truncated or broken file?)' },
    ]);
  });

  it('rejects a 10 MB cell in a mapped column and keeps going', () => {
    const big = 'y'.repeat(10 * 1024 * 1024);
    const r = importText(
      `order,buyer,date,total,item\n1,a,2024-01-01,1.00,"${big}"\n2,b,2024-01-02,2.00,ok\n`,
      {
        ...BASE,
        mapping: MAP,
      },
    );
    expect(r.orders.map((o) => o.orderId)).toEqual(['2']);
    expect(r.rejects).toEqual([
      { line: 2, field: 'item', reason: 'item: item is longer than 5000 characters' },
    ]);
  });

  it('rejects duplicate order ids with conflicting data, naming both lines', () => {
    const text = [
      'order,buyer,date,total,item',
      '1,alice,2024-01-01,10.00,a',
      '1,bob,2024-01-01,10.00,b',
      '1,alice,2024-01-02,10.00,c',
      '1,alice,2024-01-01,11.00,d',
      '1,alice,2024-01-01,10.00,a',
      '1,alice,2024-01-01,10.00,e',
    ].join('\n');
    const r = importText(text, { ...BASE, mapping: MAP });
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0].items.map((i) => i.title)).toEqual(['a', 'e']);
    expect(r.orders[0].total).toBe(1000);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [3, 'buyerId'],
      [4, 'date'],
      [5, 'total'],
      [6, 'row'],
    ]);
    expect(r.rejects[0].reason).toBe(
      "order 1 on line 3 conflicts with line 2: buyer 'import:bob' vs 'import:alice'",
    );
    expect(r.rejects[3].reason).toBe('duplicate of line 2; skipped');
  });

  it('merges an order whose rows are not adjacent', () => {
    const text =
      'order,buyer,date,item,price,qty\n1,a,2024-01-01,x,1.00,1\n2,b,2024-01-01,y,2.00,1\n1,,,z,3.00,2\n';
    const r = importText(text, {
      ...BASE,
      mapping: {
        buyerId: 'buyer',
        date: 'date',
        orderId: 'order',
        item: 'item',
        unitPrice: 'price',
        quantity: 'qty',
        currency: 'EUR',
      },
    });
    expect(r.orders.map((o) => [o.orderId, o.total, o.items.length])).toEqual([
      ['1', 700, 2],
      ['2', 200, 1],
    ]);
  });

  it('derives order ids without an order column deterministically (idempotent re-import)', () => {
    const text = 'buyer,date,total\na,2024-01-01,1.00\na,2024-01-01,1.00\nb,2024-01-02,2.00\n';
    const mapping: MappingSpec = { buyerId: 'buyer', date: 'date', total: 'total', currency: 'USD' };
    const first = importText(text, { ...BASE, mapping });
    const again = importText('buyer,date,total\nb,2024-01-02,2.00\na,2024-01-01,1.00\na,2024-01-01,1.00\n', {
      ...BASE,
      mapping,
    });
    expect(first.orders).toHaveLength(3);
    expect(new Set(first.orders.map((o) => o.key)).size).toBe(3);
    expect(first.orders[1].key).toBe(`${first.orders[0].key}-2`);
    // Same rows in another order or position still give the same keys.
    expect(new Set(again.orders.map((o) => o.key))).toEqual(new Set([...first.orders.map((o) => o.key)]));
  });

  it('negative amounts and quantities are refunds stored as positive amounts', () => {
    const r = importText('order,buyer,date,total\n1,a,2024-01-01,-3.00\n2,a,2024-01-01,(4.00)\n', {
      ...BASE,
      mapping: { buyerId: 'buyer', date: 'date', orderId: 'order', total: 'total', currency: 'USD' },
    });
    expect(r.orders.map((o) => [o.total, o.status])).toEqual([
      [300, 'refunded'],
      [400, 'refunded'],
    ]);
  });

  it('imports the CDNOW sample with the documented mapping', () => {
    const text = readFileSync(
      new URL('../../../../shared/data/cdnow_sample_elog.csv', import.meta.url),
      'utf8',
    );
    const r = importText(text, {
      ...BASE,
      mapping: { buyerId: 'masterid', date: 'date', dateFormat: 'yyyyMMdd', total: 'sales', currency: 'USD' },
    });
    expect(r.rowsRead).toBe(6919);
    expect(r.rejects).toEqual([]);
    expect(r.orders).toHaveLength(6919);
    expect(new Set(r.orders.map((o) => o.buyerKey)).size).toBe(2357);
    expect(r.orders[0]).toMatchObject({
      buyerKey: 'import:4',
      placedAt: Date.UTC(1997, 0, 1),
      total: 2933,
      currency: 'USD',
    });
  });
});

describe('streaming', () => {
  it('bytes → ChunkDecoder → CsvRowStream → createImporter gives what importText gives', () => {
    const lines = ['订单编号,买家会员名,订单创建时间,买家实际支付金额,订单状态,宝贝标题'];
    for (let i = 0; i < 3000; i++) {
      lines.push(`${1000 + i},买家${i % 97},2024-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,${i}.50,交易成功,"商品
第${i}件"`);
    }
    const bytes = encodeGbk(lines.join('\r\n'));
    const opts = { ...BASE, timeZone: 'Asia/Shanghai', batchSize: 100 };
    const whole = importText(bytes, opts);
    const decoder = new ChunkDecoder();
    const csv = new CsvRowStream();
    const importer = createImporter(opts);
    const orders: Order[] = [];
    let batches = 0;
    const feed = (text: string) => {
      for (const row of csv.push(text)) {
        const b = importer.push(row);
        if (b) {
          batches++;
          orders.push(...b.orders);
        }
      }
    };
    for (let i = 0; i < bytes.length; i += 777) feed(decoder.push(bytes.subarray(i, i + 777)));
    feed(decoder.end());
    for (const row of csv.end()) orders.push(...(importer.push(row)?.orders ?? []));
    orders.push(...importer.finish().orders);
    expect(batches).toBeGreaterThan(10);
    expect(orders).toEqual(whole.orders);
    expect(whole.orders).toHaveLength(3000);
    expect(whole.orders[2].items[0].title).toBe('商品\n第2件');
  });
});

describe('preview and saved presets', () => {
  it('previews the first 20 rows with per-field errors and the resulting orders', () => {
    const rows = ['order,buyer,date,total'];
    for (let i = 1; i <= 30; i++)
      rows.push(`${i},b${i},${i === 3 ? '31/31/2024' : `0${(i % 9) + 1}/12/2024`},${i}.00`);
    const p = previewMapping(rows.join('\n'), {
      ...BASE,
      mapping: { buyerId: 'buyer', date: 'date', orderId: 'order', total: 'total', currency: 'GBP' },
    });
    expect(p.rows).toHaveLength(20);
    expect(p.rows[2].errors[0].field).toBe('date');
    expect(p.rows[0].values).toMatchObject({
      orderId: '1',
      buyerKey: 'import:b1',
      total: 100,
      currency: 'GBP',
    });
    expect(p.orders).toHaveLength(19);
    expect(p.rejects.map((r) => r.line)).toEqual([4]);
    expect(p.suggestedDayFirst).toBeUndefined();
  });

  it('saved presets validate and take part in auto-detection', () => {
    const saved = SavedPreset.parse({
      id: 'mine',
      name: 'My sheet',
      createdAt: 1,
      mapping: {
        buyerId: 'Kunde',
        date: 'Datum',
        total: 'Betrag',
        currency: 'EUR',
        decimal: ',',
        dayFirst: true,
      },
    });
    expect(SavedPreset.safeParse({ ...saved, mapping: { buyerId: 'x', date: 'y' } }).success).toBe(false);
    const r = importText('Kunde;Datum;Betrag\nanna;03.04.2024;1.234,50\n', {
      ...BASE,
      presets: [...BUILT_IN_PRESETS, presetFromSaved(saved)],
    });
    expect(r.preset).toBe('saved:mine');
    expect(r.orders[0]).toMatchObject({
      buyerKey: 'import:anna',
      total: 123450,
      currency: 'EUR',
      placedAt: Date.UTC(2024, 3, 3),
    });
  });
});

describe('status mapping', () => {
  it.each([
    ['交易成功', 'paid'],
    ['卖家已发货，等待买家确认', 'paid'],
    ['等待买家确认收货', 'paid'],
    ['已发货', 'paid'],
    ['Shipped', 'paid'],
    ['completed', 'paid'],
    ['partially_refunded', 'paid'],
    ['退款成功', 'refunded'],
    ['已退款', 'refunded'],
    ['Refunded', 'refunded'],
    ['returned', 'refunded'],
    ['交易关闭', 'cancelled'],
    ['已取消', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['cancelled', 'cancelled'],
    ['等待买家付款', 'unpaid'],
    ['Pending', 'unpaid'],
    ['', 'paid'],
  ])('%s → %s', (raw, status) => {
    expect(mapStatus(raw)).toBe(status);
  });

  it('unknown statuses are undefined unless mapped', () => {
    expect(mapStatus('wibble')).toBeUndefined();
    expect(mapStatus('Wibble', { wibble: 'refunded' })).toBe('refunded');
  });
});
