import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS } from '../../../core/model';
import { rfmGridSegment, value8Segment } from '../../../core/scoring/segments';

/** The DESIGN text, rule by rule: [R range, F range, segment]. */
const DESIGN_RULES: Array<[[number, number], [number, number], string]> = [
  [[1, 2], [1, 2], 'hibernating'],
  [[1, 2], [3, 4], 'at-risk'],
  [[1, 2], [5, 5], 'cannot-lose'],
  [[3, 3], [1, 2], 'about-to-sleep'],
  [[3, 3], [3, 3], 'need-attention'],
  [[3, 4], [4, 5], 'loyal'],
  [[4, 4], [1, 1], 'promising'],
  [[5, 5], [1, 1], 'new'],
  [[4, 5], [2, 3], 'potential-loyalist'],
  [[5, 5], [4, 5], 'champions'],
];

describe('rfm-grid', () => {
  it('covers all 25 cells, each by exactly one DESIGN rule, with that rule’s segment', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const rules = DESIGN_RULES.filter(([[r0, r1], [f0, f1]]) => r >= r0 && r <= r1 && f >= f0 && f <= f1);
        expect(rules, `R${r}F${f}`).toHaveLength(1);
        expect(rfmGridSegment(r, f), `R${r}F${f}`).toBe(rules[0][2]);
      }
    }
  });

  it('uses every rfm segment', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) used.add(rfmGridSegment(r, f));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
});

describe('value-8', () => {
  it.each([
    [true, true, true, 'important-value'],
    [true, false, true, 'important-develop'],
    [false, true, true, 'important-keep'],
    [false, false, true, 'important-retain'],
    [true, true, false, 'general-value'],
    [true, false, false, 'general-develop'],
    [false, true, false, 'general-keep'],
    [false, false, false, 'general-retain'],
  ])('R high %s, F high %s, M high %s → %s', (r, f, m, want) => {
    expect(value8Segment(r, f, m)).toBe(want);
  });
});
