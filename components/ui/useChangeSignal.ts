import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CHANGE_SIGNAL_KEY, type ChangeSignal } from '@/core/messaging';

/**
 * Calls `onChange` whenever the background announces a write (the storage broadcast it makes
 * after every change), so a page shows what another tab or the overlay just did.
 */
export function useChangeSignal(onChange: (change: ChangeSignal) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changes[CHANGE_SIGNAL_KEY]?.newValue as ChangeSignal | undefined;
      if (area === 'local' && next) latest.current(next);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
}
