import { MARKETPLACES, type Marketplace, marketplaceOf } from './marketplaces';

/**
 * Which marketplace a page belongs to: its own host when the reader runs on the live page; else
 * the storefront its product links point to (www.amazon.de → sellercentral.amazon.de), which a
 * saved or proxied page keeps; else .com's conventions.
 */
export function marketplaceOfPage(root: ParentNode): Marketplace {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const host = doc?.location?.hostname ?? '';
  const own = MARKETPLACES.find((m) => m.host === host);
  if (own) return own;
  for (const a of root.querySelectorAll('a[href*="//www.amazon."]')) {
    const shop = a.getAttribute('href')?.match(/\/\/www\.amazon\.([a-z.]+?)(?:[/:?#]|$)/)?.[1];
    const m = shop ? MARKETPLACES.find((x) => x.host === `sellercentral.amazon.${shop}`) : undefined;
    if (m) return m;
  }
  return marketplaceOf(host);
}
