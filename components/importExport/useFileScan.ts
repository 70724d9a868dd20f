import { useEffect, useState } from 'preact/hooks';
import { BUILT_IN_PRESETS, type ImportOptions, presetFromSaved, type SavedPreset } from '@/core/import';
import { useI18n } from '../ui/i18nContext';
import { importFailureText } from './importErrors';
import { canParseInWorker, scanInWorker } from './parseInWorker';
import type { FileRead } from './rowSource';
import { type FileScan, scanFile } from './scanFile';

export type ScanState =
  | { status: 'running'; rows: number }
  | { status: 'done'; scan: FileScan }
  | { status: 'failed'; message: string };

/** Quiet time after the last change before the whole file is read again (typing in the mapping). */
const DEBOUNCE_MS = 250;

/**
 * The dry run of the file with the options on screen, redone (and the previous run abandoned)
 * whenever they change. Undefined while there is nothing to scan.
 */
export function useFileScan(
  file: Blob | undefined,
  read: FileRead | undefined,
  options: Omit<ImportOptions, 'now'> | undefined,
  presets: readonly SavedPreset[],
): ScanState | undefined {
  const { t } = useI18n();
  const [state, setState] = useState<ScanState>();
  // Options are rebuilt every render; their JSON says whether they really changed.
  const key = file && read && options ? JSON.stringify([read, options, presets.map((p) => p.id)]) : undefined;
  useEffect(() => {
    if (!file || !read || !options) {
      setState(undefined);
      return;
    }
    const ctrl = new AbortController();
    setState({ status: 'running', rows: 0 });
    const timer = setTimeout(() => {
      const onRows = (rows: number) => {
        if (!ctrl.signal.aborted) setState({ status: 'running', rows });
      };
      // Off the page when it can be: a million-line file is a few seconds of parsing.
      const scanned = canParseInWorker(read)
        ? scanInWorker(file, read, options, presets, ctrl.signal, onRows)
        : scanFile(
            file,
            read,
            { ...options, presets: [...presets.map(presetFromSaved), ...BUILT_IN_PRESETS] },
            ctrl.signal,
            onRows,
          );
      scanned
        .then((scan) => {
          if (scan && !ctrl.signal.aborted) setState({ status: 'done', scan });
        })
        .catch((e: unknown) => {
          if (!ctrl.signal.aborted) setState({ status: 'failed', message: importFailureText(e, t) });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [file, key]);
  return state;
}
