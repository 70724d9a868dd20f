import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { classifyMessage, DEFAULT_LEXICON, defaultLexicon, Lexicon, NEEDS, type Need } from '@/core/needs';
import { CONDITION_NEEDS, type ConditionNeed } from '@/core/scoring/actions';

const needs = (text: string) => [...classifyMessage(text, DEFAULT_LEXICON)].sort();

describe('classifyMessage', () => {
  it('matches Chinese terms as substrings and English ones as whole words', () => {
    expect(needs('能便宜点吗')).toEqual(['price']);
    expect(needs('Any DISCOUNTS today?')).toEqual(['price']);
    expect(needs('coupons please')).toEqual(['price']);
    expect(needs('How   to use this?')).toEqual(['function']);
    // "customer" is not "custom"; "prices" is a plural of "price"; "sizes" of "size".
    expect(needs('I am a loyal customer')).toEqual([]);
    expect(needs('prices and sizes')).toEqual(['function', 'price']);
    // Full-width letters fold to ASCII before matching.
    expect(needs('ＤＩＳＣＯＵＮＴ')).toEqual(['price']);
  });

  it('handles mixed languages, with Chinese characters acting as word boundaries', () => {
    expect(needs('这个有discount吗')).toEqual(['price']);
    expect(needs('shipping要几天，材质是什么')).toEqual(['quality', 'service']);
  });

  it('never crashes on bad input: empty, emoji only, control characters, 100 KB', () => {
    expect(needs('')).toEqual([]);
    expect(needs('😀🙏👍🏻🎄')).toEqual([]);
    expect(needs('\u0000\u200b\ufeff')).toEqual([]);
    const long = `${'好'.repeat(50_000)}包邮${'a '.repeat(25_000)}refund`;
    expect(long.length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    expect(needs(long)).toEqual(['price', 'service']);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(classifyMessage(undefined as unknown as string, DEFAULT_LEXICON).size).toBe(0);
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (s) => {
        for (const n of classifyMessage(s, DEFAULT_LEXICON)) expect(NEEDS).toContain(n);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('uses an edited lexicon, and treats regex characters in terms literally', () => {
    const lex = defaultLexicon();
    lex.terms.special.push('c++ kit', '刻章');
    const parsed = Lexicon.parse(lex);
    expect([...classifyMessage('do you sell a C++ kit?', parsed)]).toEqual(['special']);
    expect([...classifyMessage('可以刻章吗', parsed)]).toEqual(['special']);
    expect(Lexicon.safeParse({ version: 1, terms: { price: [''] } }).success).toBe(false);
  });

  it('keeps the action condition needs equal to the needs list', () => {
    expectTypeOf<ConditionNeed>().toEqualTypeOf<Need>();
    expect([...CONDITION_NEEDS]).toEqual([...NEEDS]);
  });
});
