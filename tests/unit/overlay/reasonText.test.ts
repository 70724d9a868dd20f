import { describe, expect, it } from 'vitest';
import { cardTranslator } from '../../../components/card/i18n';
import { reasonText } from '../../../components/card/reasonText';
import { REASON_CODE_LIST, REASON_CODES } from '../../../core/scoring/reasons';

const en = { t: cardTranslator('en'), locale: 'en' as const, currency: 'CNY' };
const zh = { t: cardTranslator('zh_CN'), locale: 'zh_CN' as const, currency: 'CNY' };

describe('reasonText', () => {
  it('turns a reason code and its numbers into a sentence in the UI language', () => {
    const r = { code: 'rfm.r.quantile', values: { days: 3, rank: 12, maxRank: 480, score: 5 } };
    expect(reasonText(r, en)).toBe('Recency 3 days, rank 12 of 480 → R5');
    expect(reasonText(r, zh)).toBe('最近一次下单 3 天前，按最近度排名第 12/480 → R5');
  });

  it('formats money, shares and ratios by value name', () => {
    const yuan = (v: number) =>
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'CNY',
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      }).format(v);
    expect(
      reasonText({ code: 'rfm.m.absolute', values: { spend: 1230000, score: 4, windowDays: 0 } }, en),
    ).toBe(`Spent ${yuan(12300)} → M4`);
    expect(reasonText({ code: 'loyalty.refunds-high', values: { refundShare: 0.5, limit: 0.3 } }, en)).toBe(
      '50% of orders refunded (limit 30%)',
    );
    expect(
      reasonText({ code: 'spend-band', values: { spend: 5000, mediumAbove: 10000, highAbove: 50000 } }, en),
    ).toBe(`Spent ${yuan(50)}`);
    expect(
      reasonText(
        {
          code: 'loyalty.lapsed',
          values: { repeat: 2, daysSince: 90, medianInterval: 30, rhythmRatio: 3, lapseFactor: 2 },
        },
        en,
      ),
    ).toBe('90 days since the last order, 3× the usual 30 days');
  });

  it('has an English and a Chinese sentence for every code the scorer emits, using every placeholder it names', () => {
    for (const code of REASON_CODE_LIST.filter((c) => !c.startsWith('shop.'))) {
      const values = Object.fromEntries(REASON_CODES[code].values.map((v, i) => [v, i + 1]));
      for (const f of [en, zh]) {
        const s = reasonText({ code, values }, f);
        expect(s, code).not.toContain(code);
        expect(s, code).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('still shows the numbers of a code this build does not know', () => {
    expect(reasonText({ code: 'future.thing', values: { n: 2 } }, en)).toBe('future.thing: n 2');
  });
});
