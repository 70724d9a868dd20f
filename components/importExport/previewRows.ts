import type { RunOptions } from '@/core/import';
import {
  BUILT_IN_PRESETS,
  type CsvRow,
  ImportError,
  type MappingPreview,
  presetFromSaved,
  previewMapping,
  type SavedPreset,
} from '@/core/import';
import { importOptionsOf } from './runOptions';

export type PreviewResult = { ok: true; preview: MappingPreview } | { ok: false; message: string };

/**
 * The first rows through the import's own code, for the mapping screen. Orders without a
 * currency take `shopCurrency`, exactly as the import will store them.
 */
export function previewRows(
  rows: readonly CsvRow[],
  run: RunOptions,
  shopCurrency: string,
  timeZone: string,
  presets: readonly SavedPreset[],
): PreviewResult {
  try {
    const options = {
      ...importOptionsOf({ ...run, defaultCurrency: run.defaultCurrency ?? shopCurrency }, timeZone),
      now: 0,
      presets: [...presets.map(presetFromSaved), ...BUILT_IN_PRESETS],
    };
    return { ok: true, preview: previewMapping(rows, options) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, message: e.message };
    throw e;
  }
}
