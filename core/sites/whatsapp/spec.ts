import { bySelector, type Strategy, type StrategyKind } from '../strategy';
import type { DatedSelector, PageKind } from '../types';

/** One selector-based strategy as data: turned into a Strategy and into a health selector. */
export interface SelectorSpec {
  kind: StrategyKind;
  selector: string;
  seen: string;
  source: string;
}

export function strategiesOf(specs: readonly SelectorSpec[]): Strategy<Element>[] {
  return specs.map((s) => bySelector(s.kind, s.selector, s.seen, s.source));
}

/**
 * The same specs as a DatedSelector for selector health's "missing" list: the first spec is the
 * current selector, the others its fallbacks (each with the date it was last seen working).
 */
export function datedOf(
  specs: readonly SelectorSpec[],
  opts: { kinds?: readonly PageKind[]; optional?: boolean } = {},
): DatedSelector {
  const [first, ...rest] = specs;
  return {
    current: first.selector,
    since: first.seen,
    fallbacks: rest.map((s) => ({ selector: s.selector, until: s.seen, note: s.source })),
    ...opts,
  };
}

/** A strategy with its own reader; the id is `<kind>:<name>`, as bySelector's are `<kind>:<selector>`. */
export function strategy<T>(
  kind: StrategyKind,
  name: string,
  seen: string,
  source: string,
  read: (scope: ParentNode) => T | null,
): Strategy<T> {
  return { id: `${kind}:${name}`, kind, seen, source, read };
}
