import { useEffect, useState } from 'preact/hooks';
import { useChangeSignal } from '../ui/useChangeSignal';

/** Loads a value once, and again when settings change (time zone and shop currency matter here). */
export function useRequestOnce<T>(load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  const reload = () => {
    load()
      .then(setValue)
      .catch(() => {});
  };
  useEffect(reload, []);
  useChangeSignal((c) => {
    if (c.kinds.includes('settings')) reload();
  });
  return value;
}
