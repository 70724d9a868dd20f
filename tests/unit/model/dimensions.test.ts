/**
 * The dimension registry (core/model/dimensions.ts) against everything that must agree with it:
 * the model's zod enums, the message schemas, diff, the catalogues both surfaces translate with,
 * and the overlay's copy of the ranks.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CARD_AREAS } from '@/components/card/i18n';
import { CATALOGUES } from '@/components/i18n/catalogues';
import type { Catalogue } from '@/components/i18n/define';
import { direction } from '@/components/overlay/labels';
import { REQUESTS } from '@/core/messageSchemas';
import {
  BUYER_FILTER_FIELDS,
  BUYER_SORT_FIELDS,
  BuyerClasses,
  CLASS_DIMENSION_IDS,
  CLASS_DIMENSIONS,
  ClassChange,
  type ClassDimension,
  DIMENSION_ORDERS,
  type LabelSurface,
  labelsOf,
  rankOf,
  TRACKED_DIMENSIONS,
} from '@/core/model';
import { ActionCondition, diffClasses } from '@/core/scoring';

const values = (d: ClassDimension): readonly string[] => CLASS_DIMENSIONS[d].values;

/** BuyerClasses' enum fields that are not classification dimensions. */
const NOT_DIMENSIONS = new Set(['scheme']);

describe('the registry and the model', () => {
  const enumFields: [string, readonly string[]][] = Object.entries(BuyerClasses.shape).flatMap(
    ([field, schema]): [string, readonly string[]][] =>
      schema instanceof z.ZodEnum && !NOT_DIMENSIONS.has(field) ? [[field, schema.options]] : [],
  );

  it('has exactly the enum-valued classes of BuyerClasses, in their field order as `model`', () => {
    expect(enumFields.length).toBeGreaterThan(5);
    expect([...CLASS_DIMENSION_IDS].sort()).toEqual(enumFields.map(([k]) => k).sort());
    expect(DIMENSION_ORDERS.model).toEqual(enumFields.map(([k]) => k));
  });

  it('lists the same values, in the same order, as the zod enums', () => {
    for (const [field, options] of enumFields) {
      expect(values(field as ClassDimension), field).toEqual(options);
    }
  });

  it('each order lists every dimension once; each rank orders exactly the values', () => {
    for (const [name, order] of Object.entries(DIMENSION_ORDERS)) {
      expect([...order].sort(), name).toEqual([...CLASS_DIMENSION_IDS].sort());
    }
    for (const d of CLASS_DIMENSION_IDS) {
      const spec = CLASS_DIMENSIONS[d];
      if ('rank' in spec) expect([...spec.rank].sort(), d).toEqual([...values(d)].sort());
    }
  });

  it('gives the tracked dimensions to the class-change schemas', () => {
    expect(ClassChange.shape.dimension.options).toEqual([...TRACKED_DIMENSIONS]);
    expect(REQUESTS.getMovers.data.shape.dimension.unwrap().options).toEqual([...TRACKED_DIMENSIONS]);
  });

  it('gives the buyer list its class filters and sort keys, and actions their dimensions', () => {
    const query = REQUESTS.queryBuyers.data.shape;
    expect(Object.keys(query.filters.shape)).toEqual(['platform', 'tagId', ...BUYER_FILTER_FIELDS, 'text']);
    expect(BUYER_FILTER_FIELDS).toEqual(['tier', 'segment', 'lifecycle']);
    expect(query.sort.shape.by.options).toEqual([
      'name',
      'lastOrderAt',
      'orders',
      'spend',
      ...BUYER_SORT_FIELDS,
    ]);
    const byDimension = ActionCondition.options[0];
    expect(byDimension.shape.dimension.options).toEqual([...CLASS_DIMENSION_IDS, 'geography']);
  });
});

describe('diff and the tracked dimensions', () => {
  /** Classes whose every registry dimension holds its first value (or, with `at`, its second). */
  function classesWith(at: 0 | 1, only?: ClassDimension): BuyerClasses {
    const dims = Object.fromEntries(
      CLASS_DIMENSION_IDS.map((d) => [d, values(d)[only === undefined || only === d ? at : 0]]),
    );
    return BuyerClasses.parse({
      asOf: 0,
      scheme: 'rfm-grid',
      keyAccount: false,
      preferences: { priceSensitive: false, qualityOriented: false, topCategories: [] },
      geography: { scope: 'unknown' },
      prediction: { status: 'not-enough-history' },
      reasons: {},
      ...dims,
    });
  }

  it('diff reports exactly the tracked dimensions, in the registry order', () => {
    expect(diffClasses(classesWith(0), classesWith(1)).map((c) => c.dimension)).toEqual([
      ...TRACKED_DIMENSIONS,
    ]);
    expect(TRACKED_DIMENSIONS).toEqual(['segment', 'valueTier', 'lifecycle', 'loyalty']);
  });

  it('a change in an untracked dimension alone is not recorded', () => {
    for (const d of CLASS_DIMENSION_IDS) {
      const changed = diffClasses(classesWith(0), classesWith(1, d)).map((c) => c.dimension);
      expect(changed, d).toEqual(CLASS_DIMENSIONS[d].tracked ? [d] : []);
    }
  });
});

describe('labels', () => {
  const merged = (areas: readonly Catalogue<string>[], locale: 'en' | 'zh_CN'): Record<string, string> =>
    Object.assign({}, ...areas.map((a) => a[locale]));
  const SURFACES: Record<LabelSurface, readonly Catalogue<string>[]> = {
    dashboard: CATALOGUES,
    card: CARD_AREAS,
  };

  it('every dimension and value has a label in English and Chinese, on the dashboard and the card', () => {
    const missing: string[] = [];
    for (const [surface, areas] of Object.entries(SURFACES) as [
      LabelSurface,
      readonly Catalogue<string>[],
    ][]) {
      for (const locale of ['en', 'zh_CN'] as const) {
        const table = merged(areas, locale);
        for (const d of CLASS_DIMENSION_IDS) {
          const labels = labelsOf(d, surface);
          const keys = [labels.dimension, ...values(d).map((v) => `${labels.valuePrefix}${v}`)];
          for (const k of keys) if (!table[k]?.trim()) missing.push(`${surface} ${locale} ${k}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the card has its own wording only where it differs from the dashboard’s', () => {
    const en = merged(CATALOGUES, 'en');
    const zh = merged(CATALOGUES, 'zh_CN');
    const same = (a: string, b: string) => en[a] === en[b] && zh[a] === zh[b];
    for (const d of CLASS_DIMENSION_IDS) {
      const card = labelsOf(d, 'card');
      const dash = labelsOf(d, 'dashboard');
      if (card.dimension !== dash.dimension) expect(same(card.dimension, dash.dimension), d).toBe(false);
      if (card.valuePrefix !== dash.valuePrefix) {
        const all = values(d).every((v) => same(`${card.valuePrefix}${v}`, `${dash.valuePrefix}${v}`));
        expect(all, d).toBe(false);
      }
    }
  });
});

describe('the overlay badge’s arrows', () => {
  it('rank every segment and tier change exactly as the registry does', () => {
    for (const dimension of ['segment', 'valueTier'] as const) {
      const rank = CLASS_DIMENSIONS[dimension].rank;
      for (const from of rank)
        for (const to of rank) {
          const want = Math.sign((rankOf(dimension, to) ?? 0) - (rankOf(dimension, from) ?? 0));
          expect(direction(dimension, from, to), `${dimension} ${from} → ${to}`).toBe(want);
        }
    }
  });
});
