import type { EncodingChoice, ImportBatch, ImportOptions, SavedPreset } from '@/core/import';
import type { FileScan } from './scanRows';

/**
 * The messages between the dashboard and its parse worker (parseWorker.ts), which reads text
 * files (CSV/TSV/TXT) in a given encoding. Everything is plain
 * data, structured-cloned by postMessage (a File is passed by reference, not copied); presets
 * travel as the seller's saved mappings and are rebuilt in the worker, since built-in presets
 * are code.
 */
export type ParseJob =
  | {
      kind: 'scan';
      file: Blob;
      encoding: EncodingChoice;
      options: Omit<ImportOptions, 'now' | 'presets'>;
      savedPresets: SavedPreset[];
    }
  | { kind: 'run'; file: Blob; encoding: EncodingChoice; options: Omit<ImportOptions, 'presets'> };

/** From the page: a job, or "one more batch was taken" (flow control of a run). */
export type ToParseWorker = ParseJob | { kind: 'taken' };

/** An error as it crossed the worker boundary: what the screen's error text reads. */
export interface ParseFailure {
  name: string;
  message: string;
  code?: string;
}

export type FromParseWorker =
  | { kind: 'rows'; rows: number }
  | { kind: 'scanned'; scan: FileScan }
  | { kind: 'batch'; batch: ImportBatch; bytes: number; last: boolean }
  | { kind: 'progress'; rows: number; bytes: number }
  | { kind: 'failed'; error: ParseFailure };

/**
 * Batches a run's worker may read ahead of the background's commits: enough to keep parsing and
 * writing going at once on two cores, few enough that the page never holds more than a handful.
 */
export const BATCHES_AHEAD = 3;

export function failureOf(e: unknown): ParseFailure {
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(e) };
}

/** The error the screen would have seen had the file been read on the page. */
export function errorOf(f: ParseFailure): Error {
  const e = new Error(f.message) as Error & { code?: string };
  e.name = f.name;
  if (f.code !== undefined) e.code = f.code;
  return e;
}
