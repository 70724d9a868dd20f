import { useEffect, useRef } from 'preact/hooks';
import type { ChangeSignal } from '@/core/messaging';
import { onDataChanged } from './dataChanged';

/**
 * Calls `onChange` whenever the background announces a write (its `dataChanged` broadcast), so a
 * page shows what another tab or the overlay just did.
 */
export function useChangeSignal(onChange: (change: ChangeSignal) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => onDataChanged((change) => latest.current(change)), []);
}
