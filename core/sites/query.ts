import type { DatedSelector } from './types';

/*
 * Selectors come from our adapters but also from sellers (teach mode), so an invalid or
 * unsupported selector must read as "nothing found", never throw into the page.
 */
function safeOne(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** First element matching the selector or, failing that, one of its dated fallbacks. */
export function queryDated(root: ParentNode, sel: DatedSelector): Element | null {
  const hit = safeOne(root, sel.current);
  if (hit) return hit;
  for (const f of sel.fallbacks) {
    const el = safeOne(root, f.selector);
    if (el) return el;
  }
  return null;
}

/** All elements for the first of current/fallbacks that matches anything. */
export function queryAllDated(root: ParentNode, sel: DatedSelector): Element[] {
  for (const s of [sel.current, ...sel.fallbacks.map((f) => f.selector)]) {
    const list = safeAll(root, s);
    if (list.length > 0) return list;
  }
  return [];
}

/** Visible text of an element, whitespace collapsed; never HTML. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
