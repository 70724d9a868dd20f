import type { BuyerAggregate, CustomerType, Reason, Settings } from '../model';
import { NO_REASONS, reason, round3 } from './reasons';

export interface Preferences {
  priceSensitive: boolean;
  qualityOriented: boolean;
  topCategories: string[];
}

/**
 * Price-sensitive: more than `discountShare` of paid orders discounted, or a mean unit price at
 * or below `lowUnitPriceRatio` × the shop median. Quality-oriented: mean unit price at or above
 * `highUnitPriceRatio` × the shop median with few refunds, and not price-sensitive (a buyer who
 * waits for discounts on expensive items is chasing the price). The shop median covers buyers
 * with a known unit price; without one, only the discount rule applies.
 */
export function preferencesOf(
  agg: BuyerAggregate,
  shopMedianUnitPrice: number,
  refundShare: number,
  s: Settings['preferences'],
  explain = true,
): { preferences: Preferences; reasons: Reason[] } {
  const reasons: Reason[] = explain ? [] : NO_REASONS;
  const orders = agg.paidOrders;
  const discountShare = orders > 0 ? agg.discountedOrders / orders : 0;
  const discounted = orders > 0 && discountShare > s.discountShare;
  if (discounted && explain) {
    reasons.push(
      reason('preference.discounted-orders', {
        discounted: agg.discountedOrders,
        orders,
        share: round3(discountShare),
        limit: s.discountShare,
      }),
    );
  }
  const priced = orders > 0 && agg.avgUnitPrice > 0 && shopMedianUnitPrice > 0;
  const ratio = priced ? agg.avgUnitPrice / shopMedianUnitPrice : 1;
  const cheap = priced && ratio <= s.lowUnitPriceRatio;
  if (cheap && explain) {
    reasons.push(
      reason('preference.low-unit-price', {
        avgUnitPrice: agg.avgUnitPrice,
        shopMedian: shopMedianUnitPrice,
        ratio: round3(ratio),
      }),
    );
  }
  const priceSensitive = discounted || cheap;
  const qualityOriented =
    !priceSensitive && priced && ratio >= s.highUnitPriceRatio && refundShare <= s.qualityMaxRefundShare;
  if (qualityOriented && explain) {
    reasons.push(
      reason('preference.high-unit-price', {
        avgUnitPrice: agg.avgUnitPrice,
        shopMedian: shopMedianUnitPrice,
        ratio: round3(ratio),
        refundShare: round3(refundShare),
      }),
    );
  }
  const top = topCategories(agg.categorySpend, s.topCategories);
  const names: string[] = new Array(top.length);
  for (let i = 0; i < top.length; i++) {
    const [category, spend] = top[i];
    names[i] = category;
    if (explain) reasons.push(reason('preference.top-category', { category, spend }));
  }
  return { preferences: { priceSensitive, qualityOriented, topCategories: names }, reasons };
}

/** Categories by spend, largest first (ties by name, so the order is stable); "" and ≤ 0 skipped. */
export function topCategories(categorySpend: Record<string, number>, n: number): Array<[string, number]> {
  if (n <= 0) return [];
  // Insertion into short scratch lists: runs for every buyer on every rescore, so no per-candidate
  // tuples, splices or sorts; only the winners become tuples.
  const names = topNames;
  const values = topValues;
  let len = 0;
  for (const c in categorySpend) {
    const v = categorySpend[c];
    if (c === '' || !(v > 0)) continue;
    let i = len;
    while (i > 0 && (values[i - 1] < v || (values[i - 1] === v && names[i - 1] > c))) i--;
    if (i >= n) continue;
    if (len < n) len++;
    for (let j = len - 1; j > i; j--) {
      names[j] = names[j - 1];
      values[j] = values[j - 1];
    }
    names[i] = c;
    values[i] = v;
  }
  const top: Array<[string, number]> = new Array(len);
  for (let i = 0; i < len; i++) top[i] = [names[i], values[i]];
  return top;
}

const topNames: string[] = [];
const topValues: number[] = [];

/** Main ship country (most paid orders; ties by code) and whether it is the shop's own country. */
export function geographyOf(
  agg: BuyerAggregate,
  shopCountry: string,
  explain = true,
): { geography: { country?: string; scope: 'domestic' | 'cross-border' | 'unknown' }; reasons: Reason[] } {
  let country: string | undefined;
  let orders = 0;
  for (const c in agg.countries) {
    const n = agg.countries[c];
    if (n > orders || (n === orders && country !== undefined && c < country)) {
      country = c;
      orders = n;
    }
  }
  if (country === undefined || orders === 0) {
    return { geography: { scope: 'unknown' }, reasons: explain ? [reason('geography.unknown')] : NO_REASONS };
  }
  const crossBorder = country !== shopCountry;
  return {
    geography: { country, scope: crossBorder ? 'cross-border' : 'domestic' },
    reasons: explain
      ? [reason('geography.country', { country, orders, shopCountry, crossBorder })]
      : NO_REASONS,
  };
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

type WordMatcher = (name: string) => string | undefined;
// One compiled matcher per word list (by identity, then by content): compiling patterns per
// buyer would dominate rescoring.
let cachedWords: readonly string[] | undefined;
let cachedKey: string | undefined;
let cachedMatcher: WordMatcher = () => undefined;

function compileMatcher(words: readonly string[]): WordMatcher {
  const cjk: Array<[string, string]> = [];
  const latin: string[] = [];
  const latinWord = new Map<string, string>();
  for (const word of words) {
    const w = word.normalize('NFKC').toLowerCase();
    if (CJK.test(w)) {
      cjk.push([w, word]);
      continue;
    }
    const core = w.endsWith('.') ? w.slice(0, -1) : w;
    if (!latinWord.has(core)) latinWord.set(core, word);
    latin.push(core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  // Whole words: not glued to other letters/digits; the trailing dot is optional ("Co" / "Co.").
  const re =
    latin.length > 0
      ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(${latin.join('|')})\\.?(?![\\p{L}\\p{N}])`, 'u')
      : undefined;
  return (name) => {
    const lower = (/[^\x20-\x7e]/.test(name) ? name.normalize('NFKC') : name).toLowerCase();
    for (const [w, word] of cjk) if (lower.includes(w)) return word;
    const m = re?.exec(lower);
    return m ? latinWord.get(m[1]) : undefined;
  };
}

/** The first business word found in `name` (CJK words first), or undefined. See CustomerTypeSettings. */
export function businessWordIn(name: string, words: readonly string[]): string | undefined {
  if (words !== cachedWords) {
    const key = words.join('\u0000');
    if (key !== cachedKey) {
      cachedMatcher = compileMatcher(words);
      cachedKey = key;
    }
    cachedWords = words;
  }
  return cachedMatcher(name);
}

/**
 * Reseller signals (wholesale quantity on a line, many items per order) win over a business
 * name: a company buying in bulk is most likely reselling. Otherwise a business word in the
 * name → business, else consumer.
 */
export function customerTypeOf(
  agg: BuyerAggregate,
  name: string | undefined,
  s: Settings['customerType'],
  explain = true,
): { customerType: CustomerType; reasons: Reason[] } {
  const wholesale = agg.maxQtyPerLine >= s.wholesaleQtyPerLine;
  const itemsPerOrder = agg.paidOrders > 0 ? agg.itemCount / agg.paidOrders : 0;
  const manyItems = agg.paidOrders > 0 && itemsPerOrder >= s.resellerItemsPerOrder;
  const word = name ? businessWordIn(name, s.businessNameWords) : undefined;
  const customerType: CustomerType =
    wholesale || manyItems ? 'reseller' : word !== undefined ? 'business' : 'consumer';
  if (!explain) return { customerType, reasons: NO_REASONS };
  const reasons: Reason[] = [];
  if (wholesale) {
    reasons.push(
      reason('customer-type.wholesale-qty', {
        maxQtyPerLine: agg.maxQtyPerLine,
        limit: s.wholesaleQtyPerLine,
      }),
    );
  }
  if (manyItems) {
    reasons.push(
      reason('customer-type.items-per-order', {
        itemsPerOrder: round3(itemsPerOrder),
        limit: s.resellerItemsPerOrder,
      }),
    );
  }
  if (word !== undefined) reasons.push(reason('customer-type.business-name', { word }));
  if (reasons.length === 0) reasons.push(reason('customer-type.consumer'));
  return { customerType, reasons };
}
