import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { createImporter } from '../../../core/import/importer';
import {
  defaultSheet,
  isWorkbookName,
  looksLikeWorkbook,
  readWorkbook,
  type Workbook,
  WorkbookError,
} from '../../../core/import/workbook';
import { excelSerialToIso } from '../../../core/import/workbookDates';
import { headerRowIndex, isDateHeader, isIdHeader } from '../../../core/import/workbookHeader';
import type { Order, RejectedRow } from '../../../core/model';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/import/excel/${name}`, import.meta.url)));

function importSheet(wb: Workbook, sheet: string) {
  const importer = createImporter({ timeZone: 'Asia/Shanghai', now: 1, importId: 'wb' });
  const orders: Order[] = [];
  const rejects: RejectedRow[] = [];
  for (const row of wb.rows(sheet)) {
    const b = importer.push(row);
    if (!b) continue;
    orders.push(...b.orders);
    rejects.push(...b.rejects);
  }
  const last = importer.finish();
  orders.push(...last.orders);
  rejects.push(...last.rejects);
  return { orders, rejects, mapping: importer.mapping };
}

const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('Excel serial dates', () => {
  it('reads the 1900 system, including the phantom 1900-02-29', () => {
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(59, false)).toBe('1900-02-28');
    expect(excelSerialToIso(60, false)).toBeUndefined();
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    expect(excelSerialToIso(46082.5, false)).toBe('2026-03-01 12:00:00');
  });
  it('reads the 1904 system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(44620.5, true)).toBe('2026-03-01 12:00:00');
  });
  it('does not roll back a day on float noise', () => {
    expect(excelSerialToIso(46082.99999999, false)).toBe('2026-03-02 00:00:00');
  });
});

describe('header detection', () => {
  it('skips a title row and finds the first full-width text row', () => {
    expect(headerRowIndex([['Shop report 2026'], ['Order', 'Buyer', 'Total'], ['#', 'a', '#']])).toBe(1);
  });
  it('does not take a data row (numbers) for a header', () => {
    expect(headerRowIndex([['#', '#', '#']])).toBeUndefined();
  });
  it('names id and date columns in both languages', () => {
    expect(isIdHeader('订单编号')).toBe(true);
    expect(isIdHeader('Order Number')).toBe(true);
    expect(isIdHeader('Billing Phone')).toBe(true);
    expect(isIdHeader('买家实际支付金额')).toBe(false);
    expect(isDateHeader('订单创建时间')).toBe(true);
    expect(isDateHeader('Paid at')).toBe(true);
    expect(isDateHeader('Total')).toBe(false);
  });
});

describe('Taobao .xlsx fixture', () => {
  const wb = readWorkbook(fixture('taobao-orders.xlsx'));

  it('lists both sheets and offers the order sheet first', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['订单报表', '汇总']);
    expect(defaultSheet(wb)).toBe('订单报表');
    expect(wb.date1904).toBe(false);
  });

  it('keeps long numeric order ids and zero-padded codes as text', () => {
    const rows = wb.rows('订单报表');
    expect(rows[2].line).toBe(3);
    expect(rows[2].cells[0]).toBe('3012345678901234');
    expect(rows[2].cells[11]).toBe('001012');
  });

  it('imports through the ordinary pipeline with serial dates read as shop wall-clock time', () => {
    const { orders, rejects, mapping } = importSheet(wb, '订单报表');
    expect(mapping?.presetId).toBe('taobao');
    expect(rejects).toEqual([]);
    expect(orders.map((o) => [o.orderId, o.buyerKey, o.total, o.currency, o.status])).toEqual([
      ['3012345678901234', 'taobao:小雨滴滴', 11850, 'CNY', 'paid'],
      ['3012345678901235', 'taobao:风吹麦浪', 5990, 'CNY', 'paid'],
      ['3012345678901236', 'taobao:小雨滴滴', 8800, 'CNY', 'paid'],
      ['3012345678901237', 'taobao:路人甲乙', 0, 'CNY', 'cancelled'],
    ]);
    expect(orders[0].placedAt).toBe(shanghai('2026-03-02T13:04:00'));
  });
});

describe('1688 .xls (BIFF8, 1904 dates) fixture', () => {
  const wb = readWorkbook(fixture('1688-orders.xls'));

  it('reads the legacy format and its 1904 date system', () => {
    expect(wb.date1904).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['订单导出', '说明']);
  });

  it('merges line items into orders with their dates intact', () => {
    const { orders, rejects, mapping } = importSheet(wb, defaultSheet(wb));
    expect(mapping?.presetId).toBe('1688');
    expect(rejects).toEqual([]);
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({ orderId: '1234567890123456', total: 11000, currency: 'CNY' });
    expect(orders[0].items.map((i) => i.sku)).toEqual(['0007', '0008']);
    expect(orders[0].placedAt).toBe(shanghai('2026-02-01T10:00:00'));
    expect(orders[1].placedAt).toBe(shanghai('2026-02-14T16:00:00'));
  });

  it('a sheet without orders fails with the importer’s no-header error, not a crash', () => {
    expect(() => importSheet(wb, '说明')).toThrow(/no header row/);
  });
});

describe('recognising and refusing files', () => {
  it('knows workbook names and magic bytes', () => {
    expect(isWorkbookName('订单.XLSX')).toBe(true);
    expect(isWorkbookName('orders.xls')).toBe(true);
    expect(isWorkbookName('orders.csv')).toBe(false);
    expect(looksLikeWorkbook(fixture('taobao-orders.xlsx'))).toBe(true);
    expect(looksLikeWorkbook(fixture('1688-orders.xls'))).toBe(true);
    expect(looksLikeWorkbook(new TextEncoder().encode('a,b,c'))).toBe(false);
  });

  it('explains a damaged workbook in seller words', () => {
    const cut = fixture('taobao-orders.xlsx').slice(0, 2000);
    expect(() => readWorkbook(cut)).toThrow(WorkbookError);
    try {
      readWorkbook(cut);
    } catch (e) {
      expect((e as WorkbookError).code).toBe('damaged');
    }
  });

  it('reads a General-format date column by its header and keeps amounts without float noise', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['order_id', 'buyer_id', 'date', 'total'],
      ['A-1', 'b1', 46082.25, 0.1 + 0.2],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const rows = readWorkbook(bytes).rows('Sheet1');
    expect(rows[1].cells).toEqual(['A-1', 'b1', '2026-03-01 06:00:00', '0.3']);
  });
});
