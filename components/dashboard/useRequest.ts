import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ChangeSignal } from '@/core/messaging';
import { useChangeSignal } from '../ui/useChangeSignal';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  reload(): void;
}

/**
 * Loads data with `load()` and reloads it when the background signals a change of one of
 * `kinds`. Keeps the previous data while reloading so the page does not flash empty.
 */
export function useRequest<T>(
  load: () => Promise<T>,
  kinds: ReadonlyArray<ChangeSignal['kinds'][number]>,
  deps: readonly unknown[] = [],
): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load()
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch(setError);
  }, deps);
  useEffect(reload, [reload]);
  useChangeSignal((c) => {
    if (c.kinds.some((k) => kinds.includes(k))) reload();
  });
  return { data, error, reload };
}
