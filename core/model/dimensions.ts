/**
 * The one registry of classification dimensions: the classes a buyer holds exactly one value of
 * (flags such as `keyAccount` are not dimensions). For each: its values in display order, how
 * its values rank, its i18n keys, whether class changes are recorded, how the buyer list and the
 * exports carry it. Diff, movers, the card, the buyer detail, filters, exports and action
 * conditions read it; core/model/classes.ts builds the zod enums from these value lists.
 *
 * Plain data with no zod: the in-page buyer card reads it without carrying a validator.
 * tests/unit/model/dimensions.test.ts ties it to BuyerClasses, the catalogues and diff.
 */

import { SEGMENT_RANK, VALUE_TIER_RANK } from './ranks';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cannot-lose',
  'hibernating',
] as const;
export const VALUE8_SEGMENTS = [
  'important-value',
  'important-develop',
  'important-keep',
  'important-retain',
  'general-value',
  'general-develop',
  'general-keep',
  'general-retain',
] as const;
/** Best first within each scheme, the way a seller reads a menu of them. */
export const SEGMENTS = [...RFM_SEGMENTS, ...VALUE8_SEGMENTS, 'prospect'] as const;
export const VALUE_TIERS = ['high', 'medium', 'low', 'none'] as const;
/** Shared by frequencyBand and spendBand. */
export const BANDS = ['high', 'medium', 'low'] as const;
export const LOYALTIES = ['loyal', 'fairly-loyal', 'average', 'disloyal'] as const;
export const LIFECYCLES = ['prospect', 'new', 'growing', 'mature', 'declining'] as const;
export const CUSTOMER_TYPES = ['consumer', 'business', 'reseller'] as const;

/** i18n keys: the dimension's own name, and the prefix of its values' keys (prefix + value). */
export interface DimensionLabels {
  dimension: string;
  valuePrefix: string;
}

interface DimensionSpec {
  values: readonly string[];
  /** The values worst to best, so a change can show ↑ or ↓; absent: a change has no direction. */
  rank?: readonly string[];
  /** The dashboard's (and popup's) wording. */
  labels: DimensionLabels;
  /** The in-page card's wording, where it is shorter than the dashboard's. */
  cardLabels?: Partial<DimensionLabels>;
  /** A change is recorded in the class-change history (diffClasses, movers, badges' arrows). */
  tracked: boolean;
  /**
   * The buyer record's indexed copy (`Buyer.tier`…), which the buyer list filters and/or sorts
   * on under that name; absent when the list does neither.
   */
  buyerList?: { field: string; filter: boolean; sort: boolean };
  /** Column id in the buyer export (core/export), which is also the export row's field. */
  exportColumn?: string;
  /** Column of the score CLI's CSV (core/cli/buyersCsv). */
  scoreColumn?: string;
}

/*
 * Key order is the order scoring reports dimensions in: a rescoring records its changes in it
 * (history lists one rescoring's changes that way), and the movers menu and the action
 * conditions' schema list them so. Every class dimension can be an action condition.
 */
export const CLASS_DIMENSIONS = {
  segment: {
    values: SEGMENTS,
    rank: SEGMENT_RANK,
    labels: { dimension: 'cls.dim.segment', valuePrefix: 'segment.' },
    cardLabels: { dimension: 'ov.dim.segment' },
    tracked: true,
    buyerList: { field: 'segment', filter: true, sort: true },
    exportColumn: 'segment',
    scoreColumn: 'segment',
  },
  valueTier: {
    values: VALUE_TIERS,
    rank: VALUE_TIER_RANK,
    labels: { dimension: 'cls.dim.valueTier', valuePrefix: 'tier.' },
    tracked: true,
    buyerList: { field: 'tier', filter: true, sort: true },
    exportColumn: 'tier',
    scoreColumn: 'value_tier',
  },
  lifecycle: {
    values: LIFECYCLES,
    rank: ['prospect', 'declining', 'new', 'growing', 'mature'],
    labels: { dimension: 'cls.dim.lifecycle', valuePrefix: 'cls.lifecycle.' },
    tracked: true,
    buyerList: { field: 'lifecycle', filter: true, sort: false },
    scoreColumn: 'lifecycle',
  },
  loyalty: {
    values: LOYALTIES,
    rank: ['disloyal', 'average', 'fairly-loyal', 'loyal'],
    labels: { dimension: 'cls.dim.loyalty', valuePrefix: 'cls.loyalty.' },
    tracked: true,
    scoreColumn: 'loyalty',
  },
  customerType: {
    values: CUSTOMER_TYPES,
    labels: { dimension: 'cls.dim.customerType', valuePrefix: 'cls.customerType.' },
    cardLabels: { valuePrefix: 'ov.ctype.' },
    tracked: false,
  },
  frequencyBand: {
    values: BANDS,
    labels: { dimension: 'cls.dim.frequencyBand', valuePrefix: 'cls.frequencyBand.' },
    // The card's row already names the dimension: "Frequency: High".
    cardLabels: { valuePrefix: 'ov.band.' },
    tracked: false,
  },
  spendBand: {
    values: BANDS,
    labels: { dimension: 'cls.dim.spendBand', valuePrefix: 'cls.spendBand.' },
    cardLabels: { valuePrefix: 'ov.band.' },
    tracked: false,
  },
} as const satisfies Record<string, DimensionSpec>;

type Registry = typeof CLASS_DIMENSIONS;
export type ClassDimension = keyof Registry;
export type TrackedDimension = {
  [D in ClassDimension]: Registry[D]['tracked'] extends true ? D : never;
}[ClassDimension];
/** Buyer-list filter names (`BuyerFilters` keys), e.g. `tier`. */
export type BuyerFilterField = {
  [D in ClassDimension]: Registry[D] extends { buyerList: { field: infer F; filter: true } } ? F : never;
}[ClassDimension];
/** Buyer-list sort keys a dimension adds, e.g. `segment`. */
export type BuyerSortField = {
  [D in ClassDimension]: Registry[D] extends { buyerList: { field: infer F; sort: true } } ? F : never;
}[ClassDimension];
export type ExportClassColumn = {
  [D in ClassDimension]: Registry[D] extends { exportColumn: infer C } ? C : never;
}[ClassDimension];

/** Every dimension's spec as the common shape (optional parts readable on any dimension). */
function spec(d: ClassDimension): DimensionSpec {
  return CLASS_DIMENSIONS[d];
}

export const CLASS_DIMENSION_IDS = Object.keys(CLASS_DIMENSIONS) as readonly ClassDimension[];

/**
 * Surfaces that list dimensions in another order than the registry's; each lists every
 * dimension once (the test checks), so a new one is placed on purpose.
 */
export const DIMENSION_ORDERS = {
  /** BuyerClasses' field order: the buyer card's rows and the score CLI's columns. */
  model: ['segment', 'valueTier', 'frequencyBand', 'spendBand', 'loyalty', 'lifecycle', 'customerType'],
  /** The dashboard leads with the value tier: buyer detail, the filter bar, export columns. */
  dashboard: ['valueTier', 'segment', 'lifecycle', 'loyalty', 'frequencyBand', 'spendBand', 'customerType'],
} as const satisfies Record<string, readonly ClassDimension[]>;

export function isClassDimension(d: string): d is ClassDimension {
  return Object.hasOwn(CLASS_DIMENSIONS, d);
}

/** Recorded on change, in the registry's order (diffClasses, the movers menu, ClassChange). */
export const TRACKED_DIMENSIONS = CLASS_DIMENSION_IDS.filter((d): d is TrackedDimension => spec(d).tracked);

/** The buyer list's class filters, in the filter bar's order. */
export const BUYER_FILTERS: readonly { dimension: ClassDimension; field: BuyerFilterField }[] =
  DIMENSION_ORDERS.dashboard.flatMap((dimension) => {
    const list = spec(dimension).buyerList;
    return list?.filter ? [{ dimension, field: list.field as BuyerFilterField }] : [];
  });
export const BUYER_FILTER_FIELDS = BUYER_FILTERS.map((f) => f.field);

export const BUYER_SORT_FIELDS: readonly BuyerSortField[] = CLASS_DIMENSION_IDS.flatMap((d) => {
  const list = spec(d).buyerList;
  return list?.sort ? [list.field as BuyerSortField] : [];
});

/** The buyer export's class columns, in column order. */
export const EXPORT_CLASS_COLUMNS: readonly ExportClassColumn[] = DIMENSION_ORDERS.dashboard.flatMap((d) => {
  const column = spec(d).exportColumn;
  return column ? [column as ExportClassColumn] : [];
});

/** The score CLI's class columns, in column order. */
export const SCORE_CLASS_COLUMNS: readonly { dimension: ClassDimension; column: string }[] =
  DIMENSION_ORDERS.model.flatMap((dimension) => {
    const column = spec(dimension).scoreColumn;
    return column ? [{ dimension, column }] : [];
  });

/** Position of `value` from worst (0) up; -1 when unknown, undefined when the dimension has no rank. */
export function rankOf(dimension: string, value: string): number | undefined {
  return isClassDimension(dimension) ? spec(dimension).rank?.indexOf(value) : undefined;
}

export type LabelSurface = 'dashboard' | 'card';

/** The i18n keys a surface names a dimension and its values with. */
export function labelsOf(dimension: ClassDimension, surface: LabelSurface = 'dashboard'): DimensionLabels {
  const s = spec(dimension);
  return surface === 'card' ? { ...s.labels, ...s.cardLabels } : s.labels;
}
