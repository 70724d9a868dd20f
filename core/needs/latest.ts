import { NEEDS, type Need, needBit } from './kinds';
import type { NeedsRecord } from './record';

/**
 * The needs the buyer's most recent chat (conversation-day) mentioned, in NEEDS order; empty
 * when no chat was read. Only the per-day masks are stored, so this is all that is known.
 */
export function latestChatNeeds(record: NeedsRecord | undefined): Need[] {
  const masks = record?.dayNeeds;
  if (!masks || masks.length === 0) return [];
  const mask = masks[masks.length - 1];
  return NEEDS.filter((n) => (mask & needBit(n)) !== 0);
}
