/**
 * Fuzzed CSV import: random bytes, real fixtures cut at every byte, wrong encodings, a 10 MB
 * field, deeply nested quotes and random delimiters. Whatever the input, `importText` either
 * returns orders that satisfy the Order schema (integer minor units, valid keys) plus rejects
 * with a line and a reason, or throws an ImportError with a clear message: never anything else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ChunkDecoder,
  CsvRowStream,
  createImporter,
  type EncodingChoice,
  ImportError,
  type ImportTextOptions,
  type ImportTextResult,
  importText,
  type MappingSpec,
} from '@/core/import';
import { Order } from '@/core/model';
import { encodeGbk } from '../import/gbk';
import { count, params, RUNS, report, scaled, TIMEOUT } from './budget';

const FIXTURES = join(process.cwd(), 'tests/fixtures/import');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, f))) }));

const BASE: ImportTextOptions = { timeZone: 'Asia/Shanghai', now: 1_700_000_000_000, importId: 'fuzz' };
const MAPPING: MappingSpec = {
  buyerId: 'buyer',
  date: 'date',
  orderId: 'order',
  total: 'total',
  item: 'item',
  currency: 'USD',
};
const ERROR_CODES = new Set([
  'no-header',
  'missing-columns',
  'unknown-preset',
  'invalid-mapping',
  'unusable-report',
]);

afterAll(report);

/** Runs one import and checks the contract; returns the result or the ImportError. */
function checkImport(
  input: string | Uint8Array,
  options: ImportTextOptions = BASE,
): ImportTextResult | ImportError {
  let res: ImportTextResult;
  try {
    res = importText(input, options);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(ERROR_CODES.has(e.code)).toBe(true);
    expect(e.message.length).toBeGreaterThan(10);
    return e;
  }
  for (const o of res.orders) {
    const parsed = Order.safeParse(o);
    if (!parsed.success)
      throw new Error(`invalid order ${JSON.stringify(o).slice(0, 300)}: ${parsed.error.message}`);
    expect(Number.isSafeInteger(o.total)).toBe(true);
    for (const item of o.items) expect(Number.isSafeInteger(item.unitPrice)).toBe(true);
  }
  for (const r of res.rejects) {
    expect(r.line).toBeGreaterThanOrEqual(1);
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason.length).toBeLessThanOrEqual(500);
  }
  expect(res.rowsRead).toBeGreaterThanOrEqual(0);
  return res;
}

/** A fixture's text: UTF-8 when valid, else GBK (the Chinese marketplace exports). */
function textOf(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** GBK bytes of `text`, or its UTF-8 bytes when GBK cannot represent it (€, emoji…). */
function gbkOrUtf8(text: string): Uint8Array {
  try {
    return encodeGbk(text);
  } catch {
    return new TextEncoder().encode(text);
  }
}

const ENCODINGS: EncodingChoice[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

describe('CSV import under fuzzed input', { timeout: TIMEOUT }, () => {
  it('random bytes in any declared encoding: orders valid or a clear ImportError', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(...ENCODINGS),
        fc.boolean(),
        (bytes, encoding, withMapping) => {
          count('importText: random bytes');
          checkImport(bytes, { ...BASE, encoding, ...(withMapping ? { mapping: MAPPING } : {}) });
        },
      ),
      params(),
    );
  });

  it('random bytes after a real header still import row by row', () => {
    const header = new TextEncoder().encode('buyer,date,order,total,item\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (tail) => {
        count('importText: header + random bytes');
        const bytes = new Uint8Array(header.length + tail.length);
        bytes.set(header);
        bytes.set(tail, header.length);
        const res = checkImport(bytes, { ...BASE, mapping: MAPPING });
        expect(res).not.toBeInstanceOf(ImportError);
      }),
      params(),
    );
  });

  // Every cut point once FUZZ_RUNS >= 420; in CI every 7th byte, shifted per fixture.
  const CUT_STEP = Math.max(1, Math.round(420 / RUNS));

  it('every fixture cut at every byte (mid-character, mid-quote, mid-row)', () => {
    let cuts = 0;
    for (const [i, f] of fixtures.entries()) {
      const full = checkImport(f.bytes);
      expect(full, f.name).not.toBeInstanceOf(ImportError);
      for (let cut = i % CUT_STEP; cut <= f.bytes.length; cut += CUT_STEP) {
        const part = checkImport(f.bytes.subarray(0, cut));
        // A prefix never invents more orders than the whole file holds, plus the one cut short.
        if (!(part instanceof ImportError) && !(full instanceof ImportError)) {
          expect(part.orders.length).toBeLessThanOrEqual(full.orders.length + 1);
        }
        cuts++;
      }
    }
    count('importText: truncated fixtures (every cut point)', cuts);
    expect(cuts).toBeGreaterThan(6778 / CUT_STEP - 20);
  });

  it('fixtures with a random byte region replaced by garbage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        (f, at, junk) => {
          count('importText: fixtures with corrupted bytes');
          const bytes = Uint8Array.from(f.bytes);
          bytes.set(junk.subarray(0, Math.max(0, bytes.length - (at % bytes.length))), at % bytes.length);
          checkImport(bytes);
        },
      ),
      params(),
    );
  });

  it('wrong encodings: GBK read as UTF-16, UTF-16 read as GBK, UTF-8 read as UTF-16BE', () => {
    const texts = fixtures.map((f) => textOf(f.bytes));
    let n = 0;
    for (const text of texts) {
      // Only texts GBK can represent (no €, no emoji) get a GBK version.
      const gbk = gbkOrUtf8(text);
      const utf16 = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
      const utf8 = new TextEncoder().encode(text);
      for (const [bytes, wrong] of [
        [gbk, 'utf-16le'],
        [gbk, 'utf-16be'],
        [utf16, 'gb18030'],
        [utf16, 'utf-8'],
        [utf8, 'utf-16be'],
        [utf8, 'utf-16le'],
      ] as const) {
        checkImport(bytes, { ...BASE, encoding: wrong });
        n++;
      }
      // The right encoding, declared or detected, reads the file.
      // (A text GBK cannot represent, e.g. with ¥ U+00A5, was encoded as UTF-8: not a GBK file.)
      const isGbk =
        gbk.length !== utf8.length || !gbk.every((b, i) => b === utf8[i]) || /^[\x00-\x7f]*$/.test(text);
      if (isGbk) expect(checkImport(gbk, { ...BASE, encoding: 'gb18030' })).not.toBeInstanceOf(ImportError);
      expect(checkImport(utf16)).not.toBeInstanceOf(ImportError);
      n += 2;
    }
    count('importText: wrong encodings', n);
  });

  it('a 10 MB single field (quoted and unquoted, in the buyer, item and amount columns) finishes fast', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const started = Date.now();
    const variants = [
      `buyer,date,order,total,item\nalice,2024-01-02,o1,12.50,"${big}"\n`,
      `buyer,date,order,total,item\n${big},2024-01-02,o1,12.50,mug\n`,
      `buyer,date,order,total,item\nalice,2024-01-02,o1,${big.replace(/x/g, '9')},mug\n`,
      `buyer,date,order,total,item\nalice,2024-01-02,o1,12.50,"${big}`, // never closed
    ];
    for (const text of variants) {
      const res = checkImport(text, { ...BASE, mapping: MAPPING });
      expect(res).not.toBeInstanceOf(ImportError);
      if (res instanceof ImportError) continue;
      expect(res.orders.length + res.rejects.length).toBe(1);
      for (const o of res.orders) expect(JSON.stringify(o).length).toBeLessThan(10_000);
    }
    count('importText: 10 MB fields', variants.length);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a 10 MB field streamed in 64 KB chunks costs one parse, not one per chunk', () => {
    const text = `buyer,date,order,total,item\nalice,2024-01-02,o1,12.50,"${'y'.repeat(10 * 1024 * 1024)}"\nbob,2024-01-03,o2,3,cup\n`;
    const bytes = new TextEncoder().encode(text);
    const started = Date.now();
    const decoder = new ChunkDecoder('auto');
    const stream = new CsvRowStream();
    const importer = createImporter({ ...BASE, mapping: MAPPING });
    let orders = 0;
    const feed = (rows: ReturnType<CsvRowStream['push']>) => {
      for (const r of rows) orders += importer.push(r)?.orders.length ?? 0;
    };
    for (let i = 0; i < bytes.length; i += 64 * 1024)
      feed(stream.push(decoder.push(bytes.subarray(i, i + 64 * 1024))));
    feed(stream.push(decoder.end()));
    feed(stream.end());
    const last = importer.finish();
    orders += last.orders.length;
    expect(orders + last.rejects.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(20_000);
    count('streaming import: 10 MB field');
  });

  it('deeply nested and unbalanced quotes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom('"', '""', '"a', 'a"', '""""'),
        (n, unit) => {
          count('importText: nested quotes');
          const cell = unit.repeat(n);
          checkImport(
            `buyer,date,order,total,item\nalice,2024-01-02,o1,1,${cell}\nbob,2024-01-02,o2,1,"${cell}"\n`,
            {
              ...BASE,
              mapping: MAPPING,
            },
          );
        },
      ),
      params(scaled(30, 5)),
    );
  });

  it('random tables with random delimiters, quoting and line ends', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '2024-01-02',
        '02/01/2024 13:00',
        '¥1,234.50',
        '1.234,50 €',
        '-3',
        '=1+1',
        '"',
        '',
        '張伟',
        '\u202e',
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(',', '\t', ';', '|', ' ', ':'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        (sep, eol, rows, quoteAll, withMapping) => {
          count('importText: random delimiters');
          const q = (c: string) => (quoteAll || /[",;\t|\r\n ]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          const header = ['buyer', 'date', 'order', 'total', 'item'];
          const text = [header, ...rows].map((r) => r.map(q).join(sep)).join(eol);
          checkImport(text, withMapping ? { ...BASE, mapping: MAPPING } : BASE);
          // A delimiter the detector cannot pick (|, space, :) must not be forced on the file.
          if (sep === ',' || sep === '\t' || sep === ';')
            checkImport(text, { ...BASE, delimiter: sep, mapping: MAPPING });
        },
      ),
      params(),
    );
  });

  it('streaming a text in random chunks gives exactly the rows of a single parse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 40 }),
        (f, sizes) => {
          count('CsvRowStream: random chunking');
          const text = textOf(f.bytes);
          const whole = new CsvRowStream();
          const expected = [...whole.push(text), ...whole.end()];
          const chunked = new CsvRowStream();
          const got = [];
          let at = 0;
          for (let i = 0; at < text.length; i++) {
            const size = sizes[i % sizes.length];
            got.push(...chunked.push(text.slice(at, at + size)));
            at += size;
          }
          got.push(...chunked.end());
          expect(got).toEqual(expected);
        },
      ),
      params(),
    );
  });

  it('documents the budget', () => {
    expect(RUNS).toBeGreaterThan(0);
  });
});
