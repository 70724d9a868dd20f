import { z } from 'zod';
import { MappingSpec } from './mapping';

/**
 * How a file is read, as stored in its import record so a resume replays it exactly: either a
 * built-in preset id or an explicit mapping, plus the seller's file-wide choices. The dashboard
 * writes it and reads it back; the background checks it on `startImport` like any other field.
 */
export const RunOptions = z.object({
  preset: z.string().max(100).optional(),
  mapping: MappingSpec.optional(),
  currency: z.string().max(3).optional(),
  defaultCurrency: z.string().max(3).optional(),
  dayFirst: z.boolean().optional(),
  /** The workbook sheet imported (Excel files only). */
  sheet: z.string().max(100).optional(),
});
export type RunOptions = z.infer<typeof RunOptions>;
