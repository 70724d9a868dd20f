import { cleanText } from './text';
import type { FoundBuyer } from './types';

/**
 * Builds a FoundBuyer from raw page strings, or null when neither an id nor a name survives
 * cleaning (an empty header must not become a buyer called "").
 */
export function foundBuyer(
  anchor: Element,
  rawId: string | null | undefined,
  rawName: string | null | undefined,
): FoundBuyer | null {
  const name = cleanText(rawName);
  const buyerId = cleanText(rawId) || name;
  if (!buyerId) return null;
  return { buyerId, name: name || buyerId, anchor };
}

/** Drops nulls and repeated anchors (one element, one badge). */
export function uniqueBuyers(list: ReadonlyArray<FoundBuyer | null>): FoundBuyer[] {
  const seen = new Set<Element>();
  const out: FoundBuyer[] = [];
  for (const b of list) {
    if (!b || seen.has(b.anchor)) continue;
    seen.add(b.anchor);
    out.push(b);
  }
  return out;
}
