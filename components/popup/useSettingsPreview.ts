import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreviewCountsDto } from '@/core/adminDtos';
import { request } from '@/core/messaging';
import type { Settings } from '@/core/model';

/** Debounce before asking the background to preview: fast enough to feel live, calm while typing. */
export const PREVIEW_DEBOUNCE_MS = 250;

/**
 * Counts per class for `settings` (null while invalid), recomputed in the background ~250 ms
 * after the last change; answers to superseded requests are dropped.
 */
export function useSettingsPreview(settings: Settings | null): {
  preview: PreviewCountsDto | null;
  busy: boolean;
} {
  const [preview, setPreview] = useState<PreviewCountsDto | null>(null);
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const json = settings ? JSON.stringify(settings) : '';
  useEffect(() => {
    if (!settings) return;
    const gen = ++generation.current;
    setBusy(true);
    const id = setTimeout(() => {
      request('previewSettings', { settings })
        .then((p) => {
          if (gen === generation.current) setPreview(p);
        })
        .catch(() => {})
        .finally(() => {
          if (gen === generation.current) setBusy(false);
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [json]);
  return { preview, busy };
}
