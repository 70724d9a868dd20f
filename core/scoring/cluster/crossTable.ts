import { SEGMENTS } from '../../model';
import type { CrossTable } from './types';

/**
 * Groups × rule-based segments: how many buyers of each group sit in each segment. Segments
 * follow the model's order (so rfm-grid and value-8 read in their usual order); unknown
 * segment strings go last, alphabetically.
 */
export function crossTable(labels: readonly number[], segments: readonly string[], k: number): CrossTable {
  const present = new Set(segments);
  const known = (SEGMENTS as readonly string[]).filter((s) => present.has(s));
  const extra = [...present].filter((s) => !(SEGMENTS as readonly string[]).includes(s)).sort();
  const order = [...known, ...extra];
  const col = new Map(order.map((s, i) => [s, i]));
  const counts = Array.from({ length: k }, () => new Array<number>(order.length).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][col.get(segments[i])!]++;
  return { segments: order, counts };
}
