import { z } from 'zod';
import { BuyerKey, EpochMs } from './common';

export const TagName = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
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
  dimension: z.enum(['segment', 'valueTier', 'lifecycle', 'loyalty']),
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
  rejects: z.array(RejectedRow),
  error: z.string().max(1000).optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;
