import { describe, expect, it } from 'vitest';
import { buyerIdsText, buyersToCsv, buyersToJson, type ExportRow } from '../../../core/export/buyers';
import { neutralizeCell, quoteCell } from '../../../core/export/cells';
import { exportFileName, sanitizeFileNamePart } from '../../../core/export/filename';
import { parseCsvText } from '../../../core/import/csv';

const ROWS: ExportRow[] = [
  {
    platform: 'taobao',
    buyerId: '小明的店',
    name: '王小明',
    tags: ['wholesale', 'birthday-May'],
    tier: 'high',
    segment: 'important-value',
    r: 5,
    f: 4,
    m: 5,
    orders: 7,
    spendMinor: 1230050,
    currency: 'CNY',
    lastOrderAt: Date.UTC(2024, 0, 2, 17, 0),
    country: 'CN',
    note: 'likes "green" tea,\nasks for invoices',
  },
  {
    platform: 'amazon',
    buyerId: '=HYPERLINK("http://evil")',
    tags: [],
    tier: 'low',
    segment: 'new',
    orders: 1,
    spendMinor: -350,
    currency: 'JPY',
    note: '@SUM(A1)',
  },
];

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-3.50', '-3.50'],
    ['-12', '-12'],
    ['plain', 'plain'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  it('quotes per RFC 4180', () => {
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell(' x')).toBe('" x"');
    expect(quoteCell('x')).toBe('x');
  });
});

describe('buyersToCsv', () => {
  it('writes a BOM, CRLF, decimal money, shop-zone dates and safe cells that read back', () => {
    const csv = buyersToCsv(ROWS, { timeZone: 'Asia/Shanghai' });
    expect(
      csv.startsWith(
        '\uFEFFplatform,buyer_id,name,tags,tier,segment,R,F,M,orders,spend,currency,last_order,country,note\r\n',
      ),
    ).toBe(true);
    const rows = parseCsvText(csv).rows.map((r) => r.cells);
    expect(rows[1]).toEqual([
      'taobao',
      '小明的店',
      '王小明',
      'wholesale; birthday-May',
      'high',
      'important-value',
      '5',
      '4',
      '5',
      '7',
      '12300.50',
      'CNY',
      '2024-01-03',
      'CN',
      'likes "green" tea,\nasks for invoices',
    ]);
    expect(rows[2]).toEqual([
      'amazon',
      `'=HYPERLINK("http://evil")`,
      '',
      '',
      'low',
      'new',
      '',
      '',
      '',
      '1',
      '-350',
      'JPY',
      '',
      '',
      "'@SUM(A1)",
    ]);
  });

  it('writes chosen columns with Chinese headers; UTF-8 bytes start with EF BB BF', () => {
    const csv = buyersToCsv(ROWS, {
      columns: ['buyerId', 'spend', 'tags'],
      language: 'zh_CN',
      tagSeparator: '|',
    });
    expect(csv).toBe(
      `\uFEFF买家ID,消费金额,标签\r\n小明的店,12300.50,wholesale|birthday-May\r\n"'=HYPERLINK(""http://evil"")",-350,\r\n`,
    );
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('buyersToJson and clipboard ids', () => {
  it('keeps values exact in JSON', () => {
    const json = JSON.parse(buyersToJson(ROWS, { columns: ['buyerId', 'tags', 'spend', 'r', 'note'] }));
    expect(json).toEqual([
      {
        buyer_id: '小明的店',
        tags: ['wholesale', 'birthday-May'],
        spend: '12300.50',
        R: 5,
        note: ROWS[0].note,
      },
      { buyer_id: '=HYPERLINK("http://evil")', tags: [], spend: '-350', note: '@SUM(A1)' },
    ]);
  });

  it('lists buyer ids one per line, each once', () => {
    expect(buyerIdsText([{ buyerId: 'a' }, { buyerId: 'b' }, { buyerId: 'a' }])).toBe('a\nb');
  });
});

describe('file names', () => {
  it('carry the sanitised list name and the shop-zone date', () => {
    expect(exportFileName('VIP 客户/五月:活动?', Date.UTC(2024, 4, 31, 20), 'csv', 'Asia/Shanghai')).toBe(
      'buyer-tiers_VIP-客户-五月-活动_2024-06-01.csv',
    );
    expect(exportFileName('  ../..  ', 0, 'json')).toBe('buyer-tiers_buyers_1970-01-01.json');
    expect(sanitizeFileNamePart('CON')).toBe('_CON');
    expect(sanitizeFileNamePart('a'.repeat(200)).length).toBe(60);
  });
});
