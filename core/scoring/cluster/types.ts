/** What a clustering run produces, as plain data (the background stores it and sends it to pages). */

/** A group's centre in original units (means of its members). */
export interface GroupCentre {
  recencyDays: number;
  orders: number;
  /** Paid spend, shop minor units. */
  spend: number;
  /** Spend per paid order, shop minor units. */
  avgOrderValue: number;
  discountShare: number;
  /** Share of the group's categorised spend per top shop category. */
  categories: Record<string, number>;
}

/** A stable code per plain-word trait, so a UI can restyle or filter them. */
export type TraitCode =
  | 'recent'
  | 'lapsed'
  | 'frequent'
  | 'infrequent'
  | 'high-spend'
  | 'low-spend'
  | 'large-orders'
  | 'small-orders'
  | 'discount-driven'
  | 'full-price'
  | 'mostly-category'
  | 'leans-category'
  | 'typical';

export interface Trait {
  code: TraitCode;
  category?: string;
}

export interface ClusterGroup {
  /** 0-based; groups are numbered by revenue share, largest first. */
  id: number;
  size: number;
  revenueShare: number;
  centre: GroupCentre;
  /** The centre as z-scores of the (log-)features, same order as `featureNames`. */
  z: number[];
  traits: Trait[];
  description: { en: string; zh_CN: string };
}

export interface CrossTable {
  /** Rule-based segments present, in a stable order. */
  segments: string[];
  /** counts[group][segment index]. */
  counts: number[][];
}

export interface ClusteringSummary {
  k: number;
  /** Mean silhouette on the sample (0 when k < 2). */
  silhouette: number;
  /** Silhouette per tried k (empty when k was given or the data allow one group only). */
  scores: Array<{ k: number; silhouette: number }>;
  groups: ClusterGroup[];
  crossTable: CrossTable;
  featureNames: string[];
  /** Buyers with a paid order that were clustered; prospects are left out. */
  clustered: number;
  /** Points the k choice was made on. */
  sampleSize: number;
  seed: number;
}

/** A clustering run as the background keeps it and pages receive it. */
export interface ClusteringDto extends ClusteringSummary {
  /** When it ran (epoch ms) and how long it took. */
  computedAt: number;
  tookMs: number;
  /** Shop currency of the centres' money values. */
  currency: string;
}

export interface ClusteringStatusDto {
  running: boolean;
  /** The last finished run (kept in memory and in db.meta across reloads), or null. */
  last: ClusteringDto | null;
}
