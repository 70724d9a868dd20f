import { z } from 'zod';
import { DAY_MS } from '../model';
import { NEEDS, type Need, needBit } from './kinds';

/**
 * What is stored per buyer about their needs: counts and dates only, never message text.
 *
 * A "chat" is a conversation-day: the buyer's messages on one calendar day. Each counted day is
 * kept as (epoch day, bitmask of needs mentioned) so a content script re-sending the same day
 * replaces that day's contribution instead of adding to it. Only the latest `MAX_SEEN_DAYS` days
 * are kept that way; older days fold into `archived` and can no longer be replaced.
 */
export const MAX_SEEN_DAYS = 400;

const Count = z.number().int().nonnegative();
const NeedStat = z.object({ chats: Count, lastAt: z.number().int().nonnegative().optional() });
export type NeedStat = z.infer<typeof NeedStat>;
const PerNeed = z.object({
  price: NeedStat,
  quality: NeedStat,
  function: NeedStat,
  service: NeedStat,
  special: NeedStat,
} satisfies Record<Need, typeof NeedStat>);
export type PerNeed = z.infer<typeof PerNeed>;

export const Orientation = z.enum([...NEEDS, 'none']);
export type Orientation = z.infer<typeof Orientation>;

export const NeedsRecord = z
  .object({
    buyerKey: z.string().min(1).max(400),
    /** Conversation-days with at least one buyer message, all time. */
    chats: Count,
    perNeed: PerNeed,
    /** Counted epoch days still replaceable, ascending (at most MAX_SEEN_DAYS). */
    seenChatDays: z.array(z.number().int()),
    /** Need bitmask per entry of `seenChatDays` (bit i = NEEDS[i]). */
    dayNeeds: z.array(z.number().int().nonnegative()),
    /** Contributions of days dropped from `seenChatDays`; days ≤ `archivedThrough` are final. */
    archived: z.object({ chats: Count, perNeed: PerNeed, archivedThrough: z.number().int() }).optional(),
    updatedAt: z.number().int().nonnegative(),
    /** The seller's own call; later recounts never override it. `none` = no particular need. */
    correction: z.object({ orientation: Orientation, at: z.number().int().nonnegative() }).optional(),
  })
  .strict();
export type NeedsRecord = z.infer<typeof NeedsRecord>;

export function emptyPerNeed(): PerNeed {
  return {
    price: { chats: 0 },
    quality: { chats: 0 },
    function: { chats: 0 },
    service: { chats: 0 },
    special: { chats: 0 },
  };
}

export function emptyNeedsRecord(buyerKey: string, now: number): NeedsRecord {
  return { buyerKey, chats: 0, perNeed: emptyPerNeed(), seenChatDays: [], dayNeeds: [], updatedAt: now };
}

/** One chat day as a content script reports it: per-need message counts and the buyer's message count. */
export interface ChatDayCounts {
  day: number;
  counts: Partial<Record<Need, number>>;
  /** Buyer messages read that day; a day with none is not a chat. */
  messages: number;
}

export function maskOf(counts: Partial<Record<Need, number>>): number {
  let mask = 0;
  for (const n of NEEDS) if ((counts[n] ?? 0) > 0) mask |= needBit(n);
  return mask;
}

/** Totals from the archive plus every retained day. */
function derive(days: readonly number[], masks: readonly number[], archived: NeedsRecord['archived']) {
  const perNeed = emptyPerNeed();
  let chats = archived?.chats ?? 0;
  for (const n of NEEDS) perNeed[n] = { ...(archived?.perNeed[n] ?? { chats: 0 }) };
  for (let i = 0; i < days.length; i++) {
    chats++;
    for (const n of NEEDS) {
      if ((masks[i] & needBit(n)) === 0) continue;
      const s = perNeed[n];
      s.chats++;
      s.lastAt = Math.max(s.lastAt ?? 0, days[i] * DAY_MS);
    }
  }
  return { chats, perNeed };
}

/**
 * Applies one chat day: replaces that day's previous contribution (idempotent), or ignores it
 * when the day is already archived. Keeps the correction untouched. Pure; returns a new record.
 */
export function applyChatDay(prev: NeedsRecord, input: ChatDayCounts, now: number): NeedsRecord {
  if (prev.archived && input.day <= prev.archived.archivedThrough) return prev;
  const days = [...prev.seenChatDays];
  const masks = [...prev.dayNeeds];
  const at = days.indexOf(input.day);
  if (at >= 0) {
    days.splice(at, 1);
    masks.splice(at, 1);
  }
  if (input.messages > 0) {
    let i = days.length;
    while (i > 0 && days[i - 1] > input.day) i--;
    days.splice(i, 0, input.day);
    masks.splice(i, 0, maskOf(input.counts));
  }
  let archived = prev.archived;
  while (days.length > MAX_SEEN_DAYS) {
    const day = days.shift()!;
    const mask = masks.shift()!;
    const base = archived ?? { chats: 0, perNeed: emptyPerNeed(), archivedThrough: day };
    const perNeed = { ...base.perNeed };
    for (const n of NEEDS) {
      if ((mask & needBit(n)) === 0) continue;
      perNeed[n] = { chats: perNeed[n].chats + 1, lastAt: Math.max(perNeed[n].lastAt ?? 0, day * DAY_MS) };
    }
    archived = { chats: base.chats + 1, perNeed, archivedThrough: Math.max(base.archivedThrough, day) };
  }
  const { chats, perNeed } = derive(days, masks, archived);
  return {
    ...prev,
    chats,
    perNeed,
    seenChatDays: days,
    dayNeeds: masks,
    ...(archived ? { archived } : {}),
    updatedAt: now,
  };
}
