import type { BuyerAggregate } from '../../model';
import { crossTable } from './crossTable';
import { describeTraits, traitsOf } from './describe';
import { buildFeatures, type FeatureColumn } from './features';
import { countDistinct, fitKmeans } from './kmeans';
import { sampleIndices } from './random';
import { selectK } from './selectK';
import { standardise } from './standardise';
import type { ClusterGroup, ClusteringSummary, GroupCentre } from './types';

export interface ClusterInput {
  agg: BuyerAggregate;
  /** The buyer's rule-based segment, for the cross-table. */
  segment?: string;
}

export interface ClusterOptions {
  /** Shop-zone epoch day the recency is measured to. */
  asOfDay: number;
  seed?: number;
  /** Fit exactly this many groups instead of choosing k by silhouette. */
  k?: number;
  kMin?: number;
  kMax?: number;
  topCategories?: number;
  /**
   * k is chosen on a seeded sample of at most this many buyers (default 2,000): silhouette is
   * quadratic in points, and 2,000 buyers are plenty to tell 3 groups from 5. The chosen
   * centres then seed one k-means run over every buyer.
   */
  sampleSize?: number;
  /** k-means++ restarts per candidate k on the sample (default 3). */
  restarts?: number;
  /** Iteration cap of the full fit (default 30; it starts from good centres). */
  maxIterations?: number;
}

export interface ClusterResult {
  summary: ClusteringSummary;
  /** Input indices of each group's buyers, by group id. */
  members: number[][];
}

function featureName(c: FeatureColumn): string {
  return c.kind === 'category' ? `category:${c.category}` : c.kind;
}

function centreOf(columns: readonly FeatureColumn[], mean: readonly number[]): GroupCentre {
  const centre: GroupCentre = {
    recencyDays: 0,
    orders: 0,
    spend: 0,
    avgOrderValue: 0,
    discountShare: 0,
    categories: {},
  };
  columns.forEach((c, j) => {
    if (c.kind === 'category') centre.categories[c.category ?? ''] = mean[j];
    else centre[c.kind] = mean[j];
  });
  return centre;
}

/**
 * Discovered groups: k-means over standardised, log-transformed buyer features, k chosen by
 * silhouette on a sample, described in plain words. Deterministic for a given seed.
 */
export function clusterBuyers(buyers: readonly ClusterInput[], options: ClusterOptions): ClusterResult {
  const seed = (options.seed ?? 1) >>> 0;
  const table = buildFeatures(
    buyers.map((b) => b.agg),
    options.asOfDay,
    { topCategories: options.topCategories },
  );
  const width = table.columns.length;
  const z = standardise(table.transformed, width);
  const n = z.rows.length;
  const sampleIdx = sampleIndices(n, options.sampleSize ?? 2000, seed);
  const sample = sampleIdx.map((i) => z.rows[i]);
  const distinct = countDistinct(sample, (options.kMax ?? 8) + 1);
  const choice = selectK(sample, distinct, {
    seed,
    kMin: options.kMin,
    kMax: options.kMax,
    restarts: options.restarts,
    fixedK: options.k,
  });
  const fit =
    n === 0
      ? { labels: [], centres: [] }
      : sampleIdx.length === n
        ? choice.fit
        : fitKmeans(z.rows, choice.k, {
            seed,
            initial: choice.fit.centres,
            maxIterations: options.maxIterations ?? 30,
          });

  // Aggregate members per raw cluster, then drop empty ones and number by revenue.
  const kRaw = fit.centres.length;
  const size = new Array<number>(kRaw).fill(0);
  const revenue = new Array<number>(kRaw).fill(0);
  const rawSum = Array.from({ length: kRaw }, () => new Array<number>(width).fill(0));
  const zSum = Array.from({ length: kRaw }, () => new Array<number>(width).fill(0));
  let totalRevenue = 0;
  for (let i = 0; i < n; i++) {
    const c = fit.labels[i];
    size[c]++;
    const spend = table.raw[i][2];
    revenue[c] += spend;
    totalRevenue += spend;
    for (let j = 0; j < width; j++) {
      rawSum[c][j] += table.raw[i][j];
      zSum[c][j] += z.rows[i][j];
    }
  }
  const order = [...Array(kRaw).keys()]
    .filter((c) => size[c] > 0)
    .sort((a, b) => revenue[b] - revenue[a] || size[b] - size[a] || a - b);
  const newId = new Map(order.map((c, i) => [c, i]));
  const groups: ClusterGroup[] = order.map((c, id) => {
    const centre = centreOf(
      table.columns,
      rawSum[c].map((s) => s / size[c]),
    );
    const zc = zSum[c].map((s) => s / size[c]);
    const traits = traitsOf(table.columns, zc, centre);
    return {
      id,
      size: size[c],
      revenueShare: totalRevenue > 0 ? revenue[c] / totalRevenue : size[c] / n,
      centre,
      z: zc,
      traits,
      description: describeTraits(traits),
    };
  });
  const labels = fit.labels.map((c) => newId.get(c)!);
  const members: number[][] = groups.map(() => []);
  labels.forEach((g, i) => {
    members[g].push(table.buyerIndex[i]);
  });
  const segments = table.buyerIndex.map((bi) => buyers[bi].segment ?? 'unscored');
  return {
    summary: {
      k: groups.length,
      silhouette: groups.length > 1 ? choice.silhouette : 0,
      scores: choice.scores,
      groups,
      crossTable: crossTable(labels, segments, groups.length),
      featureNames: table.columns.map(featureName),
      clustered: n,
      sampleSize: sample.length,
      seed,
    },
    members,
  };
}
