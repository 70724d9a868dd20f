import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRowStream, detectDelimiter, parseCsvText } from '../../../core/import/csv';

describe('delimiter detection', () => {
  it('picks comma, tab or semicolon by consistency', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n"x";1,5;2\n3;4,25;5\n')).toBe(';');
    // A title line without delimiters (Taobao preamble) does not confuse it.
    expect(detectDelimiter('订单报表\n导出时间\na;b\n1;2\n')).toBe(';');
  });
});

describe('CsvRowStream', () => {
  const TEXT = 'id,note\r\n1,"two\r\nlines"\r\n\r\n2,"a ""quote"""\r\n3,"x\ny\nz"\r\n4,last';

  it('reports the physical line where each record starts', () => {
    const { rows, newline } = parseCsvText(TEXT);
    expect(newline).toBe('\r\n');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'two\r\nlines']],
      [5, ['2', 'a "quote"']],
      [6, ['3', 'x\ny\nz']],
      [9, ['4', 'last']],
    ]);
  });

  it('gives the same rows however the text is chunked', () => {
    const whole = parseCsvText(TEXT).rows;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const s = new CsvRowStream();
        const rows = [];
        let at = 0;
        let i = 0;
        while (at < TEXT.length) {
          const n = sizes[i++ % sizes.length];
          rows.push(...s.push(TEXT.slice(at, at + n)));
          at += n;
        }
        rows.push(...s.end());
        expect(rows).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('flags a truncated file (quote never closed) on the record where it starts', () => {
    const { rows } = parseCsvText('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(rows[2].line).toBe(3);
    expect(rows[2].error).toMatch(/never closed/);
  });

  it('reads a 10 MB single field in chunks without re-parsing it per chunk', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = `a,b\n1,"${big}"\n2,ok\n`;
    const s = new CsvRowStream();
    const rows = [];
    const started = performance.now();
    for (let i = 0; i < text.length; i += 64 * 1024) rows.push(...s.push(text.slice(i, i + 64 * 1024)));
    rows.push(...s.end());
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(rows[1].cells[1].length).toBe(big.length);
  });

  it('handles a lone CR as line break and strips a BOM', () => {
    const { rows } = parseCsvText('\uFEFFa,b\r1,2\r');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
});
