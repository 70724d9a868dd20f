import { z } from 'zod';
import { BuyerKey, EpochMs } from './common';
import { TRACKED_DIMENSIONS } from './dimensions';

/**
 * Invisible and direction-changing characters a tag name has no use for: a name made only of them
 * would show as an empty chip, and a right-to-left override can make one tag look like another.
 * Joiners (U+200C/U+200D) stay: scripts and emoji sequences need them.
 */
const INVISIBLE_IN_NAMES = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export const TagName = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(INVISIBLE_IN_NAMES, '').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'tag name is empty').max(40, 'tag name is longer than 40 characters'));

export const TagColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'colour must look like #3366ff');

export const Tag = z.object({
  id: z.string().min(1).max(64),
  name: TagName,
  color: TagColor,
  createdAt: EpochMs,
});
export type Tag = z.infer<typeof Tag>;

/** One row per (buyer, tag); separate rows so two tabs tagging one buyer never overwrite each other. */
export const BuyerTag = z.object({
  buyerKey: BuyerKey,
  tagId: z.string().min(1).max(64),
  at: EpochMs,
});
export type BuyerTag = z.infer<typeof BuyerTag>;

export const Note = z.object({
  buyerKey: BuyerKey,
  text: z.string().max(5000, 'note is longer than 5000 characters'),
  updatedAt: EpochMs,
});
export type Note = z.infer<typeof Note>;

export const ClassChange = z.object({
  id: z.number().int().optional(),
  buyerKey: BuyerKey,
  dimension: z.enum(TRACKED_DIMENSIONS),
  from: z.string().max(40),
  to: z.string().max(40),
  at: EpochMs,
});
export type ClassChange = z.infer<typeof ClassChange>;

export const RejectedRow = z.object({
  line: z.number().int().nonnegative(),
  field: z.string().max(100).optional(),
  reason: z.string().max(500),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const ImportRecord = z.object({
  id: z.string().min(1).max(100),
  fileName: z.string().max(300),
  preset: z.string().max(100),
  startedAt: EpochMs,
  finishedAt: EpochMs.optional(),
  status: z.enum(['running', 'done', 'cancelled', 'interrupted', 'failed']),
  /** Bytes of the file already committed; an interrupted import resumes from here. */
  committedBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  counts: z.object({
    rows: z.number().int().nonnegative(),
    new: z.number().int().nonnegative(),
    duplicate: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
  }),
  /** The first rejects (a preview); every reject is in the `importRejects` table. */
  rejects: z.array(RejectedRow),
  error: z.string().max(1000).optional(),
  // Optional fields below were added for resumable imports (older records lack them).
  /** Batches committed so far; the next `importBatch` must carry number `committedBatches + 1`. */
  committedBatches: z.number().int().nonnegative().optional(),
  /** Data rows covered by the committed batches. */
  committedRows: z.number().int().nonnegative().optional(),
  /** Last sign of life from the importing page; a stale running import is interrupted. */
  heartbeatAt: EpochMs.optional(),
  /** What a resume needs to replay the file exactly as the first run read it. */
  source: z
    .object({
      /** SHA-256 (hex) of the file's first 64 KiB, with name and size identifying the file. */
      headHash: z.string().max(128),
      encoding: z.string().max(20),
      batchSize: z.number().int().positive(),
      timeZone: z.string().max(100),
      options: z.record(z.string(), z.unknown()),
    })
    .optional(),
  /**
   * Buyers this file names by another handle than the store (Etsy: user id vs username), joined
   * because one order is stored under both: file buyer key → stored buyer key.
   */
  buyerLinks: z.record(z.string().max(300), z.string().max(300)).optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;
