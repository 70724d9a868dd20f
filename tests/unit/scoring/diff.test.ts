import { describe, expect, it } from 'vitest';
import { diffClasses } from '../../../core/scoring/diff';
import { scoreAll } from '../../../core/scoring/index';
import { ASOF, aggOf, testSettings } from './helpers';

const classify = (agg: ReturnType<typeof aggOf>, scheme: 'rfm-grid' | 'value-8' = 'rfm-grid', asOf = ASOF) =>
  scoreAll([{ key: 't:1', agg }], testSettings({ scheme }), asOf).classes.get('t:1')!;

describe('diffClasses', () => {
  it('lists the tracked dimensions that changed, with from and to', () => {
    const before = classify(aggOf([[5, 400_000, 8]])); // R5 F5 → champions, high
    const after = classify(aggOf([[5, 400_000, 8]]), 'rfm-grid', ASOF + 400 * 86_400_000); // R1 F5 → cannot-lose
    expect(before.segment).toBe('champions');
    expect(after.segment).toBe('cannot-lose');
    // Value tier stays high: R1 F5 M5 → .2 + 1.5 + 2.5 = 4.2. One purchase day 5 → 405 days ago:
    // lifecycle new → declining, loyalty average → disloyal (single purchase over 365 days).
    expect(diffClasses(before, after)).toEqual([
      { dimension: 'segment', from: 'champions', to: 'cannot-lose' },
      { dimension: 'lifecycle', from: 'new', to: 'declining' },
      { dimension: 'loyalty', from: 'average', to: 'disloyal' },
    ]);
  });

  it('nothing changed, first scoring and scheme switches are not moves', () => {
    const c = classify(aggOf([[5, 1000]]));
    expect(diffClasses(c, c)).toEqual([]);
    expect(diffClasses(undefined, c)).toEqual([]);
    const v8 = classify(aggOf([[5, 1000]]), 'value-8');
    expect(diffClasses(c, v8).map((d) => d.dimension)).not.toContain('segment');
  });
});
