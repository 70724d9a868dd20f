import type { FoundBuyer } from '@/core/sites/types';

export interface ListEntry {
  key: string;
  found: FoundBuyer;
}

export interface Mounted {
  key: string;
  host: Element;
}

/**
 * Which list buyers need a (new) badge in this pass: anchors without one, anchors whose buyer
 * changed (recycled rows in virtual lists), or whose badge the page removed. Pure, so the
 * batching rule is unit-tested; `isPlaced` says whether a host still sits beside its anchor.
 */
export function planListPass(
  found: readonly FoundBuyer[],
  keyOf: (f: FoundBuyer) => string,
  mounted: ReadonlyMap<Element, Mounted>,
  isPlaced: (anchor: Element, host: Element) => boolean,
  skip: (anchor: Element) => boolean = () => false,
): { toMount: ListEntry[]; keysToFetch: string[] } {
  const toMount: ListEntry[] = [];
  for (const f of found) {
    if (skip(f.anchor)) continue;
    const key = keyOf(f);
    const m = mounted.get(f.anchor);
    if (m && m.key === key && isPlaced(f.anchor, m.host)) continue;
    toMount.push({ key, found: f });
  }
  return { toMount, keysToFetch: [...new Set(toMount.map((e) => e.key))] };
}
