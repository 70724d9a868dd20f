import type { FeatureColumn } from './features';
import type { GroupCentre, Trait, TraitCode } from './types';

/**
 * Plain-word descriptions of a group from its centre. A feature counts as notably high or low
 * when the centre's z-score is at least `Z_NOTABLE` away from the shop mean (half a standard
 * deviation: visible to a seller, not noise). Category wording uses the raw share, because
 * "mostly tea" must mean most of the spend, whatever other groups do.
 */
export const Z_NOTABLE = 0.5;
/** Share of the group's spend in one category that reads as "mostly". */
export const MOSTLY_SHARE = 0.5;
/** A category share this high and z ≥ 1 reads as "leans to". */
export const LEANS_SHARE = 0.3;

const PAIRS: Record<string, [low: TraitCode, high: TraitCode]> = {
  // Fewer days since the last order is "recent", so the pair is reversed.
  recencyDays: ['recent', 'lapsed'],
  orders: ['infrequent', 'frequent'],
  spend: ['low-spend', 'high-spend'],
  avgOrderValue: ['small-orders', 'large-orders'],
  discountShare: ['full-price', 'discount-driven'],
};

export function traitsOf(
  columns: readonly FeatureColumn[],
  z: readonly number[],
  centre: GroupCentre,
): Trait[] {
  const traits: Trait[] = [];
  columns.forEach((col, j) => {
    if (col.kind === 'category') return;
    const pair = PAIRS[col.kind];
    if (z[j] <= -Z_NOTABLE) traits.push({ code: pair[0] });
    else if (z[j] >= Z_NOTABLE) traits.push({ code: pair[1] });
  });
  if (traits.length === 0) traits.push({ code: 'typical' });
  let top: { category: string; share: number; z: number } | undefined;
  columns.forEach((col, j) => {
    if (col.kind !== 'category' || !col.category) return;
    const share = centre.categories[col.category] ?? 0;
    if (!top || share > top.share) top = { category: col.category, share, z: z[j] };
  });
  if (top && top.share >= MOSTLY_SHARE) traits.push({ code: 'mostly-category', category: top.category });
  else if (top && top.share >= LEANS_SHARE && top.z >= 1)
    traits.push({ code: 'leans-category', category: top.category });
  return traits;
}

const WORDS: Record<
  Exclude<TraitCode, 'mostly-category' | 'leans-category'>,
  { en: string; zh_CN: string }
> = {
  recent: { en: 'recent', zh_CN: '近期活跃' },
  lapsed: { en: 'lapsed', zh_CN: '久未购买' },
  frequent: { en: 'frequent', zh_CN: '高频' },
  infrequent: { en: 'infrequent', zh_CN: '低频' },
  'high-spend': { en: 'high spend', zh_CN: '高消费' },
  'low-spend': { en: 'low spend', zh_CN: '低消费' },
  'large-orders': { en: 'large orders', zh_CN: '客单价高' },
  'small-orders': { en: 'small orders', zh_CN: '客单价低' },
  'discount-driven': { en: 'buys on discount', zh_CN: '偏爱折扣' },
  'full-price': { en: 'pays full price', zh_CN: '少用折扣' },
  typical: { en: 'typical buyers', zh_CN: '普通买家' },
};

/** "recent, frequent, high spend; mostly home" / "近期活跃、高频、高消费；以home为主". */
export function describeTraits(traits: readonly Trait[]): { en: string; zh_CN: string } {
  const en: string[] = [];
  const zh: string[] = [];
  let catEn = '';
  let catZh = '';
  for (const t of traits) {
    if (t.code === 'mostly-category') {
      catEn = `mostly ${t.category}`;
      catZh = `以${t.category}为主`;
    } else if (t.code === 'leans-category') {
      catEn = `leans to ${t.category}`;
      catZh = `偏好${t.category}`;
    } else {
      en.push(WORDS[t.code].en);
      zh.push(WORDS[t.code].zh_CN);
    }
  }
  const join = (words: string[], cat: string, sep: string, catSep: string) =>
    words.length && cat ? `${words.join(sep)}${catSep}${cat}` : words.join(sep) || cat;
  return { en: join(en, catEn, ', ', '; '), zh_CN: join(zh, catZh, '、', '；') };
}
