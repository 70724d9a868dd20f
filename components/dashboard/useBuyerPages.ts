import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BuyerFilters, BuyerRowDto, BuyerSort } from '@/core/adminDtos';
import { request } from '@/core/messaging';
import { useChangeSignal } from '../ui/useChangeSignal';

export const PAGE_SIZE = 100;

export interface BuyerPages {
  /** Identifies the current filter and sort: the table scrolls to the top when it changes. */
  query: string;
  total: number | undefined;
  currency: string;
  tookMs: number | undefined;
  /** The row at `index`, or undefined while its page loads. */
  row(index: number): BuyerRowDto | undefined;
  /** Makes sure the pages covering [from, to) are loaded. */
  ensure(from: number, to: number): void;
}

/**
 * Pages of the buyer table fetched on demand as the seller scrolls: only visible rows ever
 * cross the message channel. A new filter or sort starts a new cache; a change signal from
 * the background refreshes the loaded pages in place.
 */
export function useBuyerPages(filters: BuyerFilters, sort: BuyerSort): BuyerPages {
  const key = JSON.stringify([filters, sort]);
  const pages = useRef(new Map<number, BuyerRowDto[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  /** The loaded pages belong to the previous filter or sort and are shown until new rows arrive. */
  const stale = useRef(false);
  const [total, setTotal] = useState<number>();
  const [meta, setMeta] = useState({ currency: 'USD', tookMs: undefined as number | undefined });
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      request('queryBuyers', { filters, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((res) => {
          if (gen !== generation.current) return;
          if (stale.current) {
            pages.current = new Map();
            stale.current = false;
          }
          pages.current.set(page, res.rows);
          setTotal(res.total);
          setMeta({ currency: res.currency, tookMs: res.tookMs });
          setTick((x) => x + 1);
        })
        .catch(() => {})
        .finally(() => pending.current.delete(page));
    },
    [key],
  );

  // Refreshes keep every loaded page on screen and replace each one as its new rows arrive,
  // so the table never flashes empty.
  const reset = useCallback(
    (keepTotal: boolean) => {
      generation.current++;
      const loaded = [...pages.current.keys()];
      pending.current = new Set();
      if (!keepTotal) setTotal(undefined);
      for (const p of loaded.length ? loaded : [0]) fetchPage(p);
    },
    [fetchPage],
  );

  // A new filter or sort keeps the old rows visible until the first page of the new query
  // arrives (a query takes a few ms; clearing first made the table blink and jump).
  useEffect(() => {
    generation.current++;
    pending.current = new Set();
    stale.current = pages.current.size > 0;
    fetchPage(0);
  }, [key]);

  useChangeSignal((c) => {
    if (c.kinds.includes('buyers') || c.kinds.includes('tags')) reset(true);
  });

  return {
    query: key,
    total,
    currency: meta.currency,
    tookMs: meta.tookMs,
    row: (i) => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    ensure(from, to) {
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(Math.max(from, to - 1) / PAGE_SIZE); p++) {
        if (!pages.current.has(p)) fetchPage(p);
      }
    },
  };
}
