import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScoreArgs } from '../../../core/cli/args';
import { main } from '../../../core/cli/score';
import { parseCsvText } from '../../../core/import/csv';
import { CDNOW, cdnowWorkDir } from './cdnowFiles';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function numbers(line: string): Record<string, number> {
  return Object.fromEntries([...line.matchAll(/(\w+)=(-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
}

describe('score CLI', () => {
  it('reproduces the published CDNOW BG/NBD and Gamma-Gamma fits', async () => {
    const { dir, map } = cdnowWorkDir('score-');
    const outCsv = join(dir, 'buyers.csv');
    const report = join(dir, 'report.json');
    const r = await run([
      '--in',
      CDNOW,
      '--map',
      map,
      '--as-of',
      '1997-09-30',
      '--unit',
      'weeks',
      '--out',
      outCsv,
      '--report',
      report,
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const bg = r.out.at(-2)!;
    const gg = r.out.at(-1)!;
    expect(bg).toMatch(/^bgnbd r=\S+ alpha=\S+ a=\S+ b=\S+ ll=\S+$/);
    const b = numbers(bg);
    expect(b.r).toBeCloseTo(0.2426, 3);
    expect(b.alpha).toBeCloseTo(4.4137, 2);
    expect(b.a).toBeCloseTo(0.793, 2);
    expect(b.b).toBeCloseTo(2.4262, 2);
    expect(b.ll).toBeCloseTo(-9582.43, 1);
    const g = numbers(gg);
    expect(g.p).toBeCloseTo(6.25, 1);
    expect(g.q).toBeCloseTo(3.74, 1);
    expect(g.v).toBeCloseTo(15.44, 1);

    const rows = parseCsvText(readFileSync(outCsv, 'utf8')).rows.map((x) => x.cells);
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        'buyer_id',
        'orders',
        'spend',
        'first_order',
        'last_order',
        'recency_days',
        'r',
        'f',
        'm',
        'segment',
        'value_tier',
        'loyalty',
        'lifecycle',
        'p_alive',
        'expected_orders_90d',
        'expected_order_value',
      ]),
    );
    expect(rows).toHaveLength(2358);
    const col = (name: string) => rows[0].indexOf(name);
    const buyer4 = rows.find((x) => x[col('buyer_id')] === '4')!;
    // Buyer 4: 1997-01-01 $29.33, 1997-01-18 $29.73, 1997-08-02 $14.96 before the as-of date.
    expect([
      buyer4[col('orders')],
      buyer4[col('spend')],
      buyer4[col('first_order')],
      buyer4[col('last_order')],
      buyer4[col('recency_days')],
    ]).toEqual(['3', '74.02', '1997-01-01', '1997-08-02', '59']);

    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep).toMatchObject({
      rowsRead: 6919,
      orders: 4960,
      ordersAfterAsOf: 1959,
      buyers: 2357,
      rejectedRows: 0,
      rejects: [],
    });
  });

  it('reports bad rows with line numbers and still scores the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const input = join(dir, 'in.csv');
    writeFileSync(
      input,
      'Name,Email,Financial Status,Created at,Total,Currency,Lineitem name,Lineitem quantity,Lineitem price\n#1,a@x.com,paid,2024-01-01 10:00:00 +0000,10.00,USD,Tea,1,10.00\n#2,b@x.com,paid,yesterday,5.00,USD,Tea,1,5.00\n#3,,paid,2024-01-02 10:00:00 +0000,5.00,USD,Tea,1,5.00\n',
    );
    const out = join(dir, 'out.csv');
    const report = join(dir, 'report.json');
    const r = await run(['--in', input, '--preset', 'shopify', '--out', out, '--report', report]);
    expect(r.code).toBe(0);
    expect(r.out.at(-2)).toBe('bgnbd not enough history');
    expect(r.out.at(-1)).toBe('gammagamma not enough history');
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep).toMatchObject({ rowsRead: 3, orders: 1, buyers: 1, rejectedRows: 2 });
    expect(rep.rejects.map((x: { line: number }) => x.line)).toEqual([3, 4]);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toMatch(/^a@x\.com,1,1,10\.00,2024-01-01,2024-01-01,0,/);
  });

  it('exits with 2 and a clear message for file-level problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ buyerId: 'customer', date: 'date', total: 'sales' }));
    const r = await run(['--in', CDNOW, '--map', map, '--out', join(dir, 'o.csv')]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/no header row|missing column 'customer'/);
    const bad = await run(['--in', CDNOW, '--preset', 'nope', '--out', join(dir, 'o.csv')]);
    expect([bad.code, bad.err[0]]).toEqual([2, "unknown preset 'nope'"]);
    expect(typeof parseScoreArgs(['--in', 'x'])).toBe('string');
    expect(typeof parseScoreArgs(['--in', 'x', '--out', 'y', '--map', 'm', '--preset', 'p'])).toBe('string');
  });
});

describe('score CLI without --preset or --map', () => {
  const FIXTURES = new URL('../../fixtures/import/', import.meta.url).pathname;

  it('detects the preset, says which, and reports money in the file currency', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const out = join(dir, 'out.csv');
    const report = join(dir, 'report.json');
    const r = await run([
      '--in',
      join(FIXTURES, 'shopify-orders-export.csv'),
      '--out',
      out,
      '--report',
      report,
    ]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('detected preset shopify (Orders) from the header on line 1');
    expect(r.out.find((l) => l.startsWith('as of '))).toMatch(/money in ZAR;/);
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep).toMatchObject({
      preset: 'shopify',
      presetDetected: true,
      currency: 'ZAR',
      unconvertedOrders: 0,
    });
    // Thandi: #1001 (395.00) and #1004 (230.00 less a 100.00 refund).
    const thandi = readFileSync(out, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('thandi@example.com,'));
    expect(thandi).toMatch(/^thandi@example\.com,2,2,525\.00,/);
  });

  it('--currency still forces the shop currency; orders in others are named as left out of spend', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const report = join(dir, 'report.json');
    const r = await run([
      '--in',
      join(FIXTURES, 'amazon-flat-file.txt'),
      '--currency',
      'USD',
      '--out',
      join(dir, 'out.csv'),
      '--report',
      report,
    ]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('detected preset amazon (Order report) from the header on line 1');
    expect(r.out).toContain(
      '  2 paid orders in CAD are left out of spend (no rate to USD); they still count as orders',
    );
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ currency: 'USD', unconvertedOrders: 2 });
    // Jordan's two CDN orders still count as two orders, with no spend.
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/\nm3x9z@marketplace\.amazon\.ca,2,2,0\.00,/);
  });

  it('names a report that cannot be imported and exits with 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const r = await run([
      '--in',
      join(FIXTURES, 'unusable/amazon-unshipped.txt'),
      '--out',
      join(dir, 'o.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/"Unshipped Orders" report: it has no price column/);
  });

  it('accepts neither --map nor --preset, refuses both', () => {
    expect(parseScoreArgs(['--in', 'x', '--out', 'y'])).toMatchObject({ input: 'x', out: 'y' });
    expect(parseScoreArgs(['--in', 'x', '--out', 'y', '--map', 'm', '--preset', 'p'])).toMatch(/not both/);
  });
});
