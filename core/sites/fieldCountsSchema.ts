import { z } from 'zod';
import { FIELD_LIMITS, type FieldCounts } from './fieldHealth';

/** Per-field strategy counts on the wire and in backups (shape and bounds of `FieldCounts`). */
export const FieldCountsSchema: z.ZodType<FieldCounts> = z
  .record(
    z.string().min(1).max(100),
    z
      .record(z.string().min(1).max(FIELD_LIMITS.idLength), z.number().int().nonnegative())
      .refine((byId) => Object.keys(byId).length <= FIELD_LIMITS.strategiesPerField + 1, {
        message: `at most ${FIELD_LIMITS.strategiesPerField} strategies per field`,
      }),
  )
  .refine((fields) => Object.keys(fields).length <= FIELD_LIMITS.fields, {
    message: `at most ${FIELD_LIMITS.fields} fields`,
  });
