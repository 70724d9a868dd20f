import type { DatedSelector } from './types';

/** First element matching the selector or, failing that, one of its dated fallbacks. */
export function queryDated(root: ParentNode, sel: DatedSelector): Element | null {
  const hit = root.querySelector(sel.current);
  if (hit) return hit;
  for (const f of sel.fallbacks) {
    const el = root.querySelector(f.selector);
    if (el) return el;
  }
  return null;
}

/** All elements for the first of current/fallbacks that matches anything. */
export function queryAllDated(root: ParentNode, sel: DatedSelector): Element[] {
  for (const s of [sel.current, ...sel.fallbacks.map((f) => f.selector)]) {
    const list = root.querySelectorAll(s);
    if (list.length > 0) return [...list];
  }
  return [];
}

/** Visible text of an element, whitespace collapsed; never HTML. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
