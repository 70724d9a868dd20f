/*
 * Field reading that survives redesigns. Each field an adapter reads (the open chat's name, a
 * row's order id, a message's direction…) has several independent strategies, tried in order:
 * test ids and ARIA first, then structure and text patterns, classes last. The first strategy that
 * yields a value wins, and which one it was is counted, so selector health can show a site
 * drifting (the first strategy stops matching, a later one takes over) before every strategy fails.
 */

/** How a strategy finds its element or value, in the order adapters should try them. */
export type StrategyKind = 'testid' | 'aria' | 'structure' | 'text' | 'class';

export interface Strategy<T> {
  /** Stable id, reported in health counts: keep it short and never reuse one for other logic. */
  id: string;
  kind: StrategyKind;
  /**
   * The date (YYYY-MM-DD) of the newest dated evidence showing this strategy works on the live
   * page, or, for an older-layout fallback, the date it was last seen before the site changed.
   */
  seen: string;
  /** Where that evidence is (a source named in shared/evidence), for the next person to check. */
  source?: string;
  /** The value in `scope`, or null. Must not throw for ordinary pages; readWith guards anyway. */
  read(scope: ParentNode): T | null;
}

/** Per field, how often each strategy supplied the value: field → strategy id → hits. */
export type StrategyLog = Map<string, Map<string, number>>;

export function newStrategyLog(): StrategyLog {
  return new Map();
}

function count(log: StrategyLog | undefined, field: string, id: string): void {
  if (!log) return;
  let byId = log.get(field);
  if (!byId) {
    byId = new Map();
    log.set(field, byId);
  }
  byId.set(id, (byId.get(id) ?? 0) + 1);
}

/** Marks, in reports, a strategy kept for an older layout of the site (see `loggedId`). */
export const OLDER_LAYOUT = 'older:';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The id a strategy is counted under: prefixed with OLDER_LAYOUT when its evidence is more than a
 * year older than the newest evidence among the field's strategies, i.e. it reads a layout the
 * site has since replaced. A hit there means the page in front of the seller is not the current
 * markup: the site is drifting (or rolling a redesign back), which health reports should show.
 */
function loggedId(s: Strategy<unknown>, newest: number): string {
  const seen = Date.parse(s.seen);
  return Number.isFinite(seen) && newest - seen > YEAR_MS ? `${OLDER_LAYOUT}${s.id}` : s.id;
}

function newestSeen(strategies: readonly Strategy<unknown>[]): number {
  return strategies.reduce((max, s) => {
    const seen = Date.parse(s.seen);
    return Number.isFinite(seen) && seen > max ? seen : max;
  }, Number.NEGATIVE_INFINITY);
}

/** Strategy id recorded when every strategy for a field came back empty. */
export const NO_MATCH = 'none';

/**
 * The first non-null value among `strategies`, counting the winner (or NO_MATCH) under `field`.
 * A strategy that throws (an unsupported selector, a page that changed under us) counts as empty.
 */
export function readWith<T>(
  field: string,
  scope: ParentNode,
  strategies: readonly Strategy<T>[],
  log?: StrategyLog,
): T | null {
  const newest = log ? newestSeen(strategies) : 0;
  for (const s of strategies) {
    let value: T | null = null;
    try {
      value = s.read(scope);
    } catch {
      value = null;
    }
    if (value !== null && value !== undefined) {
      if (log) count(log, field, loggedId(s, newest));
      return value;
    }
  }
  count(log, field, NO_MATCH);
  return null;
}

/** Which strategy won, with the strategy itself (for callers that need the kind or the date). */
export function firstMatching<T>(
  scope: ParentNode,
  strategies: readonly Strategy<T>[],
): { strategy: Strategy<T>; value: T } | null {
  for (const s of strategies) {
    try {
      const value = s.read(scope);
      if (value !== null && value !== undefined) return { strategy: s, value };
    } catch {
      // as readWith: a failing strategy is an empty one
    }
  }
  return null;
}

function safeQuery(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

function safeQueryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** A strategy that finds one element by CSS selector. */
export function bySelector(
  kind: StrategyKind,
  selector: string,
  seen: string,
  source?: string,
): Strategy<Element> {
  return {
    id: `${kind}:${selector}`,
    kind,
    seen,
    ...(source ? { source } : {}),
    read: (scope) => safeQuery(scope, selector),
  };
}

/** A strategy that finds every element matching a CSS selector (null when there is none). */
export function allBySelector(
  kind: StrategyKind,
  selector: string,
  seen: string,
  source?: string,
): Strategy<Element[]> {
  return {
    id: `${kind}:${selector}`,
    kind,
    seen,
    ...(source ? { source } : {}),
    read: (scope) => {
      const list = safeQueryAll(scope, selector);
      return list.length > 0 ? list : null;
    },
  };
}

/** Plain-object form of a log, for messages and tests: { field: { strategyId: hits } }. */
export function logToRecord(log: StrategyLog): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [field, byId] of log) out[field] = Object.fromEntries(byId);
  return out;
}
