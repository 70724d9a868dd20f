/**
 * Seller Central marketplaces (evidence: sites-2026.md, Amazon section): the host a seller signs
 * in on, the currency its order list prints, and how it writes numeric dates. Japan has two
 * hosts (sellercentral.amazon.co.jp and the older sellercentral-japan.amazon.com).
 */
export interface Marketplace {
  host: string;
  currency: string;
  /** True where 05/06/2026 means 5 June (every marketplace but the Americas' US/Canada/Mexico style). */
  dayFirst: boolean;
}

export interface MarketplaceEntry extends Marketplace {
  /** The host's match pattern, spelled out (built code must not assemble URLs from parts). */
  pattern: string;
}

const M = (pattern: string, currency: string, dayFirst = true): MarketplaceEntry => ({
  pattern,
  host: pattern.slice('https://'.length, -'/*'.length),
  currency,
  dayFirst,
});

export const MARKETPLACES: readonly MarketplaceEntry[] = [
  M('https://sellercentral.amazon.com/*', 'USD', false),
  M('https://sellercentral.amazon.ca/*', 'CAD', false),
  M('https://sellercentral.amazon.com.mx/*', 'MXN'),
  M('https://sellercentral.amazon.com.br/*', 'BRL'),
  M('https://sellercentral.amazon.co.uk/*', 'GBP'),
  M('https://sellercentral.amazon.de/*', 'EUR'),
  M('https://sellercentral.amazon.fr/*', 'EUR'),
  M('https://sellercentral.amazon.it/*', 'EUR'),
  M('https://sellercentral.amazon.es/*', 'EUR'),
  M('https://sellercentral.amazon.nl/*', 'EUR'),
  M('https://sellercentral.amazon.se/*', 'SEK'),
  M('https://sellercentral.amazon.pl/*', 'PLN'),
  M('https://sellercentral.amazon.com.tr/*', 'TRY'),
  M('https://sellercentral.amazon.ae/*', 'AED'),
  M('https://sellercentral.amazon.sa/*', 'SAR'),
  M('https://sellercentral.amazon.in/*', 'INR'),
  M('https://sellercentral.amazon.com.au/*', 'AUD'),
  M('https://sellercentral.amazon.sg/*', 'SGD'),
  M('https://sellercentral.amazon.co.jp/*', 'JPY'),
  M('https://sellercentral-japan.amazon.com/*', 'JPY'),
];

/** The marketplace of a page's host; .com's conventions when the host is not one we know. */
export function marketplaceOf(host: string): Marketplace {
  return MARKETPLACES.find((m) => m.host === host) ?? MARKETPLACES[0];
}

/** Match patterns for every marketplace (host permissions and the adapter's matches). */
export const MARKETPLACE_PATTERNS: readonly string[] = MARKETPLACES.map((m) => m.pattern);
