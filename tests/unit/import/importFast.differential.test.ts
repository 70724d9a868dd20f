/**
 * The fast import path against the general one (issue: speed). Whatever the file, `importFast`
 * must give what `importText` gives: the same orders, the same rejects (lines and reasons), the
 * same counts and the same file-level errors; only the time differs. Checked on every import
 * fixture, on generated one-line-order files full of awkward cells, and on a fuzz corpus of
 * cut and mutated files. Separate checks prove the fast path really takes the common files
 * (so the comparison is not between two runs of the general path).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportTextOptions, importText, type MappingSpec } from '@/core/import';
import { fastImportOrders, importFast } from '@/core/import/fast/importFast';
import { seededRandom } from '@/core/scoring/cluster/random';

const FIXTURES = join(process.cwd(), 'tests/fixtures/import');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => /\.(csv|txt)$/.test(f));
const BASE: ImportTextOptions = {
  timeZone: 'Asia/Shanghai',
  now: 1_700_000_000_000,
  today: Date.UTC(2026, 0, 1),
  importId: 'diff',
};

type Outcome = { error: string } | { result: Record<string, unknown> };

function general(input: string | Uint8Array, options: ImportTextOptions): Outcome {
  try {
    const { orders, ...meta } = importText(input, options);
    return { result: { ...meta, orders } };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

function fast(input: string | Uint8Array, options: ImportTextOptions): Outcome & { path?: string } {
  try {
    const r = importFast(input, options);
    const orders = fastImportOrders(r);
    const { path, ...rest } = r;
    const meta: Record<string, unknown> = { ...rest };
    delete meta.columns;
    delete meta.orders;
    return { result: { ...meta, orders }, path };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Asserts both paths agree; returns the path the fast one took. */
function same(input: string | Uint8Array, options: ImportTextOptions = BASE): string | undefined {
  const want = general(input, options);
  const { path, ...got } = fast(input, options);
  expect(got).toEqual(want);
  if (path) paths[path] = (paths[path] ?? 0) + 1;
  return path;
}

/** How often each path ran, so a suite can prove it compared the fast path at all. */
const paths: Record<string, number> = {};
function countPaths<T>(run: () => T): Record<string, number> {
  for (const k of Object.keys(paths)) delete paths[k];
  run();
  return { ...paths };
}

describe('importFast gives what importText gives', () => {
  it.each(fixtureFiles)('on the fixture %s', (name) => {
    same(new Uint8Array(readFileSync(join(FIXTURES, name))));
  });

  it('on every fixture with the generic mapping forced (missing columns, odd cells)', () => {
    const mapping: MappingSpec = { orderId: 'order', buyerId: 'buyer', date: 'date', total: 'total' };
    for (const name of fixtureFiles)
      same(new Uint8Array(readFileSync(join(FIXTURES, name))), { ...BASE, mapping });
  });

  it('takes the fast path on a plain one-line-order export, with the same result', () => {
    const text = readFileSync(join(FIXTURES, 'generic-plain.csv'), 'utf8');
    expect(same(text)).toBe('columns');
  });
});

/** Cells a seller's file really has, good and bad, for each column. */
const CELLS = {
  buyer: ['u1', 'u2', 'U1 ', ' u3', '="u4"', "'u5", '', '\u200b', 'Ｕ６', '买家甲', 'x'.repeat(5001)],
  name: ['Ann', 'Bob Lee', '', '  ', '"quoted, name"', '李四', 'n'.repeat(400)],
  date: [
    '2024-05-01',
    '2024-05-01 13:45:00',
    '01/05/2024',
    '5/1/24',
    '2024/5/1',
    '1999-12-31',
    '1990-01-01',
    '2030-01-01',
    'yesterday',
    '',
    '45412',
    '2024-02-30',
  ],
  total: [
    '19.90',
    '5',
    '$12.00',
    '¥88',
    '€3,50',
    '1,234.56',
    '-7.00',
    '(4.00)',
    '',
    'abc',
    '0',
    '9'.repeat(30),
    'USD 4.20',
  ],
  currency: ['USD', 'CNY', 'EUR', 'usd', 'RMB', '', 'XYZ', 'dollars', 'MUR'],
  status: [
    'paid',
    'Paid',
    'completed',
    'refunded',
    'cancelled',
    'pending',
    'unpaid',
    '',
    'weird',
    '已付款',
    '交易关闭',
  ],
  country: ['US', 'United States', 'cn', '', 'Narnia', 'DE'],
};

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function csvCell(s: string, r: () => number): string {
  if (/[",\n\r]/.test(s) || r() < 0.1) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

interface Shape {
  columns: string[];
  rows: number;
  newline: '\n' | '\r\n';
  ids: 'rising' | 'mixed' | 'repeat';
  clean: boolean;
}

/** A one-line-order file: rising ids, or text ids, or a repeated id; clean or full of bad cells. */
function oneLineFile(seed: number, shape: Shape): string {
  const r = seededRandom(seed);
  const lines = [shape.columns.join(',')];
  for (let i = 0; i < shape.rows; i++) {
    const cells = shape.columns.map((c) => {
      const bad = !shape.clean && r() < 0.15;
      switch (c) {
        case 'order id': {
          if (shape.ids === 'repeat' && i === shape.rows - 1) return '1000';
          if (shape.ids === 'mixed') return r() < 0.5 ? `A-${i}` : `${5000 + i}`;
          return bad ? pick(r, ['', '1.23E+17', `CN-${i}`, `${1000 + i}`]) : `${1000 + i}`;
        }
        case 'customer id':
          return bad ? pick(r, CELLS.buyer) : pick(r, CELLS.buyer.slice(0, 6));
        case 'name':
          return pick(r, bad ? CELLS.name : CELLS.name.slice(0, 3));
        case 'date':
          return bad ? pick(r, CELLS.date) : pick(r, CELLS.date.slice(0, 2));
        case 'total':
          return bad ? pick(r, CELLS.total) : pick(r, CELLS.total.slice(0, 2));
        case 'currency':
          return bad ? pick(r, CELLS.currency) : pick(r, CELLS.currency.slice(0, 3));
        case 'status':
          return bad ? pick(r, CELLS.status) : pick(r, CELLS.status.slice(0, 3));
        default:
          return bad ? pick(r, CELLS.country) : pick(r, CELLS.country.slice(0, 2));
      }
    });
    lines.push(cells.map((c) => csvCell(c, r)).join(','));
    if (!shape.clean && r() < 0.03) lines.push(pick(r, ['', ',,,', '2 record(s) downloaded']));
  }
  return `${lines.join(shape.newline)}${shape.newline}`;
}

const COLUMN_SETS = [
  ['order id', 'customer id', 'date', 'total'],
  ['order id', 'customer id', 'name', 'date', 'total', 'currency', 'status', 'country'],
  ['date', 'total', 'order id', 'currency', 'customer id'],
];

describe('importFast on generated one-line-order files', () => {
  it('takes the fast path on clean files and agrees with importText', () => {
    COLUMN_SETS.forEach((columns, k) => {
      for (const newline of ['\n', '\r\n'] as const) {
        const text = oneLineFile(k * 10 + newline.length, {
          columns,
          rows: 300,
          newline,
          ids: 'rising',
          clean: true,
        });
        expect(same(text, { ...BASE, currency: k === 0 ? 'USD' : undefined, defaultCurrency: 'USD' })).toBe(
          'columns',
        );
      }
    });
  });

  it('agrees on files full of bad cells, text ids and a repeated id', () => {
    let seed = 100;
    const taken = countPaths(() => {
      for (const columns of COLUMN_SETS) {
        for (const ids of ['rising', 'mixed', 'repeat'] as const) {
          for (const currency of [undefined, 'EUR']) {
            const text = oneLineFile(seed++, { columns, rows: 400, newline: '\n', ids, clean: false });
            same(text, { ...BASE, currency });
            same(text, { ...BASE, defaultCurrency: 'CNY', timeZone: 'America/New_York' });
          }
        }
      }
    });
    // Rising and text ids take the fast path (bad rows one by one); a repeated id does not.
    expect(taken.columns).toBeGreaterThanOrEqual(20);
    expect(taken.general).toBeGreaterThanOrEqual(6);
  });

  it('agrees with a mapping that names statuses, a credit-note prefix and day-first dates', () => {
    const mapping: MappingSpec = {
      orderId: 'order id',
      buyerId: 'customer id',
      date: 'date',
      total: 'total',
      status: 'status',
      currency: 'GBP',
      dayFirst: true,
      creditNotePrefix: 'C',
      statusMap: { weird: 'refunded', pending: 'paid' },
    };
    const columns = ['order id', 'customer id', 'date', 'total', 'status'];
    const text = oneLineFile(7, { columns, rows: 300, newline: '\n', ids: 'mixed', clean: false });
    same(text.replace(/\nA-(\d)/g, '\nC$1'), { ...BASE, mapping });
    same(text, { ...BASE, mapping });
  });
});

describe('importFast on a fuzz corpus', () => {
  const plain = oneLineFile(3, {
    columns: COLUMN_SETS[1],
    rows: 60,
    newline: '\n',
    ids: 'rising',
    clean: false,
  });

  it('agrees on a file cut at every tenth character', () => {
    for (let cut = 0; cut < plain.length; cut += 10) same(plain.slice(0, cut));
  });

  it('agrees on randomly mutated files (quotes, newlines, delimiters, bytes)', () => {
    const r = seededRandom(42);
    const taken = countPaths(() => mutate(r));
    expect(taken.columns).toBeGreaterThan(50);
    expect(taken.general).toBeGreaterThan(50);
  });

  function mutate(r: () => number): void {
    const noise = ['"', '""', '\r', '\n', '\r\n', ',', ';', '\t', '\u0000', '\ufeff', 'é', '"a""b"', ' '];
    for (let n = 0; n < 300; n++) {
      let text = plain;
      const edits = 1 + Math.floor(r() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(r() * text.length);
        const del = Math.floor(r() * 3);
        text = text.slice(0, at) + pick(r, noise) + text.slice(at + del);
      }
      same(text);
    }
  }

  it('agrees on random bytes in every encoding guess', () => {
    const r = seededRandom(9);
    for (let n = 0; n < 50; n++) {
      const bytes = new Uint8Array(200 + Math.floor(r() * 300));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
      same(bytes);
      same(new Uint8Array([...new TextEncoder().encode(plain.slice(0, 200)), ...bytes]));
    }
  });

  it('fails fast and the same way on a 10 MB field and a 20,000-deep quote nest', () => {
    const header = 'order id,customer id,date,total\n';
    const huge = `${header}1,u1,2024-05-01,${'9'.repeat(10_000_000)}\n2,u2,2024-05-02,3.00\n`;
    const nest = `${header}1,u1,2024-05-01,${'"'.repeat(20_000)}x${'"'.repeat(20_000)}\n2,u2,2024-05-02,3.00\n`;
    const unclosed = `${header}1,u1,2024-05-01,"${'x'.repeat(10_000_000)}\n`;
    for (const text of [huge, nest, unclosed]) {
      const t0 = performance.now();
      same(text);
      expect(performance.now() - t0).toBeLessThan(20_000);
    }
  });
});
