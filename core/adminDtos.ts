/**
 * Answers of the dashboard / popup ("admin") messages. Kept apart from `messaging.ts` so the
 * shared protocol file only gains one import and a few lines; type-only, no run-time code.
 */
import type { TagRef } from './messaging';
import type { BuyerFilterField, BuyerSortField } from './model/dimensions';
import type { FieldCounts } from './sites/fieldHealth';

export type { ActionTemplate } from './scoring/actions';

/** The fixed sort keys, plus the class dimensions the registry makes sortable (`segment`, `tier`). */
export type BuyerSortKey = 'name' | 'lastOrderAt' | 'orders' | 'spend' | BuyerSortField;

/** Platform and tag, plus one filter per filterable class dimension (`tier`, `segment`, `lifecycle`). */
export interface BuyerFilters extends Partial<Record<BuyerFilterField, string>> {
  platform?: string;
  tagId?: string;
  /** Case-insensitive substring of the buyer's name or id. */
  text?: string;
}

export interface BuyerSort {
  by: BuyerSortKey;
  dir: 'asc' | 'desc';
}

/** What the buyer table shows of a buyer: shared by the table's line and the background's query row. */
export interface BuyerRowFields {
  key: string;
  platform: string;
  buyerId: string;
  name?: string;
  segment: string;
  tier: string;
  lifecycle: string;
  keyAccount: boolean;
  paidOrders: number;
  spend: number;
  /** 0 for buyers without a paid order. */
  lastOrderAt: number;
}

/** One line of the buyer table. */
export interface BuyerRowDto extends BuyerRowFields {
  tags: TagRef[];
}

export interface BuyerPageDto {
  /** Buyers matching the filters (all pages). */
  total: number;
  offset: number;
  rows: BuyerRowDto[];
  currency: string;
  /** How long the background took, for the benchmark line in the table footer. */
  tookMs: number;
}

export type Counts = Record<string, number>;

export interface DistributionsDto {
  total: number;
  currency: string;
  scheme: 'rfm-grid' | 'value-8';
  /** Buyers and paid revenue per segment. */
  segments: Array<{ segment: string; buyers: number; revenue: number }>;
  /** `rf[r-1][f-1]` = buyers with that R and F score (scored buyers only). */
  rf: number[][];
  valueTiers: Counts;
  lifecycles: Counts;
  platforms: Counts;
  keyAccounts: number;
}

export interface MoverDto {
  buyerKey: string;
  name?: string;
  dimension: string;
  from: string;
  to: string;
  at: number;
}

export interface PreviewCountsDto {
  total: number;
  scored: number;
  method: 'quantile' | 'absolute' | 'absolute-fallback';
  segments: Counts;
  valueTiers: Counts;
  lifecycles: Counts;
  frequencyBands: Counts;
  spendBands: Counts;
  keyAccounts: number;
  tookMs: number;
}

export interface ActionTemplatesDto {
  templates: import('./scoring/actions').ActionTemplate[];
  isDefault: boolean;
}

export interface SiteRuleDto {
  id: string;
  origin: string;
  /** Whatever else the teach-mode rule stores, shown as a short summary. */
  summary: string;
  /** The built-in adapter this rule replaces on its site (an imported rule), if any. */
  overrides?: string;
}

/** What importing a site-rule file did. */
export interface SiteRuleImportDto {
  rule: import('./sites/customRule').CustomRule;
  /** True when the site already had a rule, which this one replaced. */
  replaced: boolean;
  /** The built-in adapter this rule now replaces on its site, if any. */
  overrides?: string;
}

export interface SelectorHealthDto {
  site: string;
  hits: number;
  misses: number;
  lastMissAt?: number;
  lastMissUrl?: string;
  /** Per field: which strategy read it (see core/sites/fieldHealth.ts). */
  fields?: FieldCounts;
  fieldsAt?: number;
}
