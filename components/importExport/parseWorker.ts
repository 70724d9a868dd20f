/**
 * The dashboard's parse worker: reads an import file (the dry run and the import itself) off the
 * page's main thread, so the screen stays responsive and parsing runs on the second core while
 * the background writes. One job per worker; the page terminates it to cancel.
 */
import { BUILT_IN_PRESETS, type ImportOptions, presetFromSaved } from '@/core/import';
import { parseBatches } from './parseBatches';
import { BATCHES_AHEAD, type FromParseWorker, failureOf, type ToParseWorker } from './parseProtocol';
import type { RowChunk } from './rowSource';
import { scanRows } from './scanRows';
import { textRows } from './textRows';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToParseWorker>) => void) | null;
  postMessage(message: FromParseWorker): void;
}
const scope = self as unknown as WorkerScope;
const post = (m: FromParseWorker) => scope.postMessage(m);

/** Batches posted and not yet taken by the page; a run waits while it is at BATCHES_AHEAD. */
let ahead = 0;
let wake: (() => void) | undefined;
const never = new AbortController().signal;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.kind === 'taken') {
    ahead--;
    wake?.();
    wake = undefined;
    return;
  }
  const rows = textRows(msg.file, msg.encoding);
  const work =
    msg.kind === 'scan'
      ? scanRows(
          rows,
          { ...msg.options, presets: [...msg.savedPresets.map(presetFromSaved), ...BUILT_IN_PRESETS] },
          never,
          (n) => post({ kind: 'rows', rows: n }),
        ).then((scan) => post({ kind: 'scanned', scan: scan! }))
      : run(rows, msg.options);
  work.catch((err: unknown) => post({ kind: 'failed', error: failureOf(err) }));
};

/** Posts the file's batches in order, never more than BATCHES_AHEAD ahead of the page. */
async function run(rows: AsyncIterable<RowChunk>, options: ImportOptions) {
  for await (const item of parseBatches(rows, options, never)) {
    if (item.kind === 'batch') {
      while (ahead >= BATCHES_AHEAD) await new Promise<void>((r) => (wake = r));
      ahead++;
    }
    post(item);
  }
}
