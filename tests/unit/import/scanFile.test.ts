import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileRows, isWorkbookFile } from '@/components/importExport/rowSource';
import { scanFile } from '@/components/importExport/scanFile';

const ETSY = readFileSync(new URL('../../fixtures/import/etsy.csv', import.meta.url));
const XLSX_BYTES = readFileSync(new URL('../../fixtures/import/excel/taobao-orders.xlsx', import.meta.url));
const OPTS = { timeZone: 'Asia/Shanghai', defaultCurrency: 'USD' } as const;
const TEXT = { kind: 'text', encoding: 'auto' } as const;

describe('dry run of a whole file (nothing written)', () => {
  it('tallies orders per currency, buyers, the date range and rejects with their lines', async () => {
    const csv =
      'Sale Date,Order ID,Buyer User ID,Full Name,Number of Items,Ship Country,Currency,Order Value,Discount Amount,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Buyer\n' +
      '03/15/24,1,1,A,1,United States,USD,10.00,0,10.00,Completed,0,10,10,ann\n' +
      '03/16/24,2,2,B,1,Canada,CAD,20.00,0,20.00,Completed,0,20,20,bob\n' +
      '03/17/24,3,1,A,1,United States,USD,5.00,0,5.00,Completed,0,5,5,ann\n' +
      'not a date,4,3,C,1,United States,USD,5.00,0,5.00,Completed,0,5,5,cy\n';
    const scan = await scanFile(new Blob([csv]), TEXT, OPTS, new AbortController().signal);
    expect(scan).toMatchObject({
      rows: 4,
      orders: 3,
      buyers: 2,
      byCurrency: { USD: 2, CAD: 1 },
      paidByCurrency: { USD: 2, CAD: 1 },
      rejected: 1,
    });
    expect(scan?.rejects[0].line).toBe(5);
    expect(scan!.lastAt! - scan!.firstAt!).toBe(2 * 86_400_000);
  });

  it('reads the Etsy fixture as the import would', async () => {
    const scan = await scanFile(new Blob([ETSY]), TEXT, OPTS, new AbortController().signal);
    expect(scan?.orders).toBeGreaterThan(0);
    expect(Object.keys(scan!.byCurrency).sort()).toEqual(['EUR', 'USD']);
  });

  it('reads a workbook sheet through the same path (the library loads on demand)', async () => {
    const file = new File([XLSX_BYTES], 'orders.xlsx');
    expect(await isWorkbookFile(file)).toBe(true);
    // Recognised by its bytes even when renamed.
    expect(await isWorkbookFile(new File([XLSX_BYTES], 'orders.csv'))).toBe(true);
    expect(await isWorkbookFile(new File([ETSY], 'orders.csv'))).toBe(false);
    const scan = await scanFile(
      file,
      { kind: 'workbook', sheet: '订单报表' },
      OPTS,
      new AbortController().signal,
    );
    expect(scan).toMatchObject({ orders: 4, buyers: 3, byCurrency: { CNY: 4 }, paidByCurrency: { CNY: 3 } });
  });

  it('gives nothing when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    expect(await scanFile(new Blob([ETSY]), TEXT, OPTS, ctrl.signal)).toBeUndefined();
  });

  it('streams a text file in chunks whose rows keep their physical line numbers', async () => {
    const lines: number[] = [];
    for await (const c of fileRows(new Blob(['a,b\n1,2\n"x\ny",3\n4,5\n']), TEXT))
      lines.push(...c.rows.map((r) => r.line));
    expect(lines).toEqual([1, 2, 3, 5]);
  });
});
