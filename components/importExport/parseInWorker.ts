import type { ImportOptions, SavedPreset } from '@/core/import';
import type { ParseItem } from './parseBatches';
import { errorOf, type FromParseWorker, type ParseJob, type ToParseWorker } from './parseProtocol';
import ParseWorker from './parseWorker?worker';
import type { FileRead } from './rowSource';
import type { FileScan } from './scanRows';

/**
 * The page's side of the parse worker. Text files are read there; workbooks stay on the page
 * (their library is loaded and their parse cached there for the preview, and a sheet is in
 * memory whole anyway). Without Worker support (unit tests) the callers read on the page.
 */
export function canParseInWorker(read: FileRead): read is Extract<FileRead, { kind: 'text' }> {
  return read.kind === 'text' && typeof Worker !== 'undefined';
}

type TextRead = Extract<FileRead, { kind: 'text' }>;

function start(job: ParseJob, signal: AbortSignal): Worker {
  const worker = new ParseWorker();
  signal.addEventListener('abort', () => worker.terminate(), { once: true });
  const send = (m: ToParseWorker) => worker.postMessage(m);
  send(job);
  return worker;
}

/** The dry run (scanFile) in the worker; undefined when `signal` aborted it. */
export function scanInWorker(
  file: Blob,
  read: TextRead,
  options: Omit<ImportOptions, 'now' | 'presets'>,
  savedPresets: readonly SavedPreset[],
  signal: AbortSignal,
  onRows?: (rows: number) => void,
): Promise<FileScan | undefined> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(undefined);
    const worker = start(
      { kind: 'scan', file, encoding: read.encoding, options, savedPresets: [...savedPresets] },
      signal,
    );
    signal.addEventListener('abort', () => resolve(undefined), { once: true });
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The file could not be read.'));
    };
    worker.onmessage = (e: MessageEvent<FromParseWorker>) => {
      const m = e.data;
      if (m.kind === 'rows') onRows?.(m.rows);
      else if (m.kind === 'scanned' || m.kind === 'failed') {
        worker.terminate();
        if (m.kind === 'scanned') resolve(m.scan);
        else reject(errorOf(m.error));
      }
    };
  });
}

/**
 * The import's batches (parseBatches) read in the worker, which runs up to BATCHES_AHEAD batches
 * ahead of the caller: while the background commits one batch, the next is being parsed. Ends
 * after the last batch, or without it when `signal` aborts (the worker is terminated).
 */
export async function* batchesFromWorker(
  file: Blob,
  read: TextRead,
  options: Omit<ImportOptions, 'presets'>,
  signal: AbortSignal,
): AsyncGenerator<ParseItem> {
  const queue: Array<FromParseWorker | { kind: 'crashed'; message: string }> = [];
  let wake: (() => void) | undefined;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
    wake = undefined;
  };
  const inner = new AbortController();
  const stop = () => inner.abort();
  signal.addEventListener('abort', stop, { once: true });
  const worker = start({ kind: 'run', file, encoding: read.encoding, options }, inner.signal);
  worker.onmessage = (e: MessageEvent<FromParseWorker>) => push(e.data);
  worker.onerror = (e) => push({ kind: 'crashed', message: e.message || 'The file could not be read.' });
  try {
    for (;;) {
      while (queue.length === 0 && !signal.aborted) {
        await new Promise<void>((r) => {
          wake = r;
          signal.addEventListener('abort', () => r(), { once: true });
        });
      }
      if (signal.aborted) return;
      const m = queue.shift()!;
      if (m.kind === 'crashed') throw new Error(m.message);
      if (m.kind === 'failed') throw errorOf(m.error);
      if (m.kind === 'batch') {
        worker.postMessage({ kind: 'taken' } satisfies ToParseWorker);
        yield m;
        if (m.last) return;
      } else if (m.kind === 'progress') yield m;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    stop();
  }
}
