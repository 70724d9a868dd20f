/**
 * The formula guard against what spreadsheets skip before a trigger. Audit regression: a
 * leading line feed, space, `"`, zero-width space, BOM or a full-width ＝＋－＠ got through,
 * and "Copy buyer ids" copied raw ids such as `=HYPERLINK(…)`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buyerIdsText } from '../../../core/export/buyers';
import { neutralizeCell } from '../../../core/export/cells';

const LEADS = ['\n', '\r', '\t', ' ', '  ', '"', '\u200B', '\uFEFF', '\u3000', '\u00A0', ' "\u200B'];
const TRIGGERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

describe('formula guard: skipped leading characters and full-width triggers', () => {
  it.each(TRIGGERS)('a bare full-width or ASCII trigger %j is neutralised', (t) => {
    expect(neutralizeCell(`${t}HYPERLINK("http://x","y")`)).toBe(`'${t}HYPERLINK("http://x","y")`);
  });

  it.each(LEADS.flatMap((lead) => TRIGGERS.map((t) => [lead, t])))(
    'a trigger after %j (%j) is neutralised',
    (lead, t) => {
      const v = `${lead}${t}1+1`;
      expect(neutralizeCell(v)).toBe(`'${v}`);
    },
  );

  it('a leading line feed, CR or tab is neutralised even without a trigger', () => {
    for (const v of ['\nx', '\rx', '\tx']) expect(neutralizeCell(v)).toBe(`'${v}`);
  });

  it('plain text, quoted names and plain numbers stay as they are', () => {
    for (const v of ['Alice', ' Alice', '"Bob" Smith', '-3.50', '12', 'a=b', '王乐', 'x@y.com']) {
      expect(neutralizeCell(v)).toBe(v);
    }
  });

  it('property: whatever the skipped prefix, a trigger behind it is never left first', () => {
    const lead = fc.array(fc.constantFrom(...LEADS), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(lead, fc.constantFrom(...TRIGGERS), fc.string(), (l, t, rest) => {
        expect(neutralizeCell(`${l}${t}${rest}`).startsWith("'")).toBe(true);
      }),
    );
  });
});

describe('Copy buyer ids', () => {
  it('goes through the same guard, one id per line, each once', () => {
    const text = buyerIdsText([
      { buyerId: '=HYPERLINK("http://evil","x")' },
      { buyerId: 'alice' },
      { buyerId: '\uFEFF@SUM(A1)' },
      { buyerId: 'alice' },
      { buyerId: '＝1+1' },
    ]);
    expect(text.split('\n')).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      'alice',
      "'\uFEFF@SUM(A1)",
      "'＝1+1",
    ]);
  });
});
