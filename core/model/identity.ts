import type { BuyerKey, Platform } from './common';

/** Longest buyer id we keep; longer page text is cut so a hostile page cannot bloat the store. */
export const MAX_BUYER_ID_LENGTH = 256;

const ZERO_WIDTH_AND_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Normalises a buyer handle so the same person always gets the same key: NFKC (full-width
 * letters become ASCII), invisible/bidi control characters removed, whitespace collapsed,
 * e-mail addresses lower-cased, phone numbers reduced to digits.
 */
export function normalizeBuyerId(raw: string): string {
  let id = raw.normalize('NFKC').replace(ZERO_WIDTH_AND_BIDI, '').replace(/\s+/g, ' ').trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(id)) id = id.toLowerCase();
  else if (/^\+?[\d\s().-]{7,}$/.test(id)) id = id.replace(/\D/g, '');
  return id.slice(0, MAX_BUYER_ID_LENGTH);
}

export function buyerKeyOf(platform: Platform, rawBuyerId: string): BuyerKey {
  return `${platform}:${normalizeBuyerId(rawBuyerId)}`;
}

export function splitBuyerKey(key: BuyerKey): { platform: Platform; buyerId: string } {
  const i = key.indexOf(':');
  return { platform: key.slice(0, i), buyerId: key.slice(i + 1) };
}

/** Orders are unique per platform order id; the same order id on two platforms are two orders. */
export function orderKeyOf(platform: Platform, orderId: string): string {
  return `${platform}:${orderId.normalize('NFKC').trim()}`;
}
