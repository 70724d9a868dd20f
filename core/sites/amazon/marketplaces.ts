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

const M = (host: string, currency: string, dayFirst = true): Marketplace => ({ host, currency, dayFirst });

export const MARKETPLACES: readonly Marketplace[] = [
  M('sellercentral.amazon.com', 'USD', false),
  M('sellercentral.amazon.ca', 'CAD', false),
  M('sellercentral.amazon.com.mx', 'MXN'),
  M('sellercentral.amazon.com.br', 'BRL'),
  M('sellercentral.amazon.co.uk', 'GBP'),
  M('sellercentral.amazon.de', 'EUR'),
  M('sellercentral.amazon.fr', 'EUR'),
  M('sellercentral.amazon.it', 'EUR'),
  M('sellercentral.amazon.es', 'EUR'),
  M('sellercentral.amazon.nl', 'EUR'),
  M('sellercentral.amazon.se', 'SEK'),
  M('sellercentral.amazon.pl', 'PLN'),
  M('sellercentral.amazon.com.tr', 'TRY'),
  M('sellercentral.amazon.ae', 'AED'),
  M('sellercentral.amazon.sa', 'SAR'),
  M('sellercentral.amazon.in', 'INR'),
  M('sellercentral.amazon.com.au', 'AUD'),
  M('sellercentral.amazon.sg', 'SGD'),
  M('sellercentral.amazon.co.jp', 'JPY'),
  M('sellercentral-japan.amazon.com', 'JPY'),
];

/** The marketplace of a page's host; .com's conventions when the host is not one we know. */
export function marketplaceOf(host: string): Marketplace {
  return MARKETPLACES.find((m) => m.host === host) ?? MARKETPLACES[0];
}

/** Match patterns for every marketplace (host permissions and the adapter's matches). */
export const MARKETPLACE_PATTERNS: readonly string[] = MARKETPLACES.map((m) => `https://${m.host}/*`);
