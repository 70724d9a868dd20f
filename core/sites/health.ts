import { queryAllDated } from './query';
import { logToRecord, newStrategyLog } from './strategy';
import type { PageKind, SelectorHealth, SiteAdapter } from './types';

/** Runs a reader, turning an unexpected exception into "found nothing" so a page never breaks. */
function safely<T>(read: (() => T) | undefined, empty: T): T {
  if (!read) return empty;
  try {
    return read();
  } catch {
    return empty;
  }
}

/**
 * How well an adapter reads this page: which buyer/orders it found and which of its expected
 * selectors matched nothing. Drives the "can't find the buyer — teach me" chip and lets a test
 * or the dashboard spot a site redesign.
 */
export function selectorHealth(adapter: SiteAdapter, root: ParentNode, pageKind: PageKind): SelectorHealth {
  const log = newStrategyLog();
  const chatBuyer =
    pageKind === 'chat' ? safely(() => adapter.readChatBuyer?.(root, log) ?? null, null) : null;
  const list = safely(() => adapter.readListBuyers?.(root, log) ?? [], []);
  const orders = pageKind === 'orders' ? safely(() => adapter.readOrderRows?.(root, log) ?? [], []) : [];
  if (pageKind === 'chat') {
    safely(() => adapter.findChatInput?.(root, log), null);
    safely(() => adapter.readMessages?.(root, log), []);
  }
  const missing = Object.entries(adapter.selectors)
    .filter(([, sel]) => !sel.optional && (!sel.kinds || sel.kinds.includes(pageKind)))
    .filter(([, sel]) => safely(() => queryAllDated(root, sel).length === 0, true))
    .map(([name]) => name);
  return {
    pageKind,
    buyerFound: pageKind === 'chat' ? chatBuyer !== null : list.length > 0 || orders.length > 0,
    listCount: list.length,
    orderCount: orders.length,
    missing,
    strategies: logToRecord(log),
  };
}
