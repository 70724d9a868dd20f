/**
 * Answers of the import, export and backup messages. Kept apart from `messaging.ts` so the shared
 * protocol file only gains one import and a few lines; type-only, no run-time code.
 */
import type { RestorePlan } from './backup/restore';
import type { CurrencyCount } from './import/currencyPlan';
import type { SavedPreset } from './import/mapping';
import type { ImportRecord, RejectedRow } from './model';

export type { RestorePlan, SavedPreset };

/** An import as the history lists it: `status` already says `interrupted` for a stale run. */
export type ImportRecordDto = ImportRecord;

export interface ImportBatchDto {
  record: ImportRecord;
  /** True when this batch number was committed before (a retried message): nothing written. */
  alreadyCommitted: boolean;
}

export interface ImportRejectsPageDto {
  rows: RejectedRow[];
  total: number;
}

export interface DiscardImportDto {
  /** Orders this import added that were deleted. */
  deleted: number;
  /** Orders this import had replaced that got their previous version back. */
  restored: number;
  /** Buyers left with no orders, tags or note, and therefore removed. */
  removedBuyers: number;
}

export interface ExportDto {
  fileName: string;
  mime: string;
  content: string;
  count: number;
}

export interface BackupDto {
  fileName: string;
  content: string;
  encrypted: boolean;
}

export interface RestoreDoneDto {
  plan: RestorePlan;
}

/** Paid orders stored without a rate into the shop currency, so outside every buyer's spend. */
export interface LeftOutOfSpendDto {
  shopCurrency: string;
  currencies: CurrencyCount[];
}
