import { request } from '@/core/messaging';
import type { NeedsDto } from '@/core/needs/dto';
import type { Need } from '@/core/needs/kinds';
import type { Lexicon } from '@/core/needs/lexicon';
import { classifyMessage, compileLexicon } from '@/core/needs/match';
import type { ChatMessage, SiteAdapter } from '@/core/sites/types';

/**
 * Content side of "needs from conversations": reads the open chat through the site adapter,
 * classifies the BUYER's messages locally with the seller's lexicon, and sends per-day counts.
 * Message text never leaves this function: only numbers are sent.
 */

const DAY_MS = 86_400_000;

/** One chat day's counts, exactly what `recordChatNeeds` accepts besides platform and buyer. */
export interface ChatDayPayload {
  day: number;
  counts: Partial<Record<Need, number>>;
  messages: number;
}

/** Epoch day in the browser's own time zone: the seller reads the chat in local time. */
export function localEpochDay(at: number): number {
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/**
 * Groups the buyer's messages by day and counts, per need, the messages mentioning it. Messages
 * without a time count on `now`'s day (the page shows no date, so it is today's chat).
 */
export function countChatNeeds(
  messages: readonly ChatMessage[],
  lexicon: Lexicon,
  now: number,
): ChatDayPayload[] {
  const compiled = compileLexicon(lexicon);
  const days = new Map<number, ChatDayPayload>();
  for (const m of messages) {
    if (m.from !== 'buyer') continue;
    const day = localEpochDay(m.at ?? now);
    let d = days.get(day);
    if (!d) {
      d = { day, counts: {}, messages: 0 };
      days.set(day, d);
    }
    d.messages++;
    for (const need of classifyMessage(m.text, compiled)) d.counts[need] = (d.counts[need] ?? 0) + 1;
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}

export interface CollectNeedsOptions {
  adapter: Pick<SiteAdapter, 'platform' | 'readMessages'>;
  /** The page (or the chat pane) the adapter reads from. */
  root: ParentNode;
  /** Raw buyer id of the open chat, as `readChatBuyer` returned it. */
  buyerId: string;
  now?: number;
  /** Injected in tests; defaults to the extension messaging. */
  send?: (payload: ChatDayPayload & { platform: string; buyerId: string }) => Promise<NeedsDto>;
  getLexicon?: () => Promise<Lexicon>;
}

let lexiconCache: { at: number; value: Promise<Lexicon> } | undefined;
/** The lexicon is re-read at most once a minute, so an edit in the dashboard reaches open chats soon. */
const LEXICON_TTL_MS = 60_000;

function cachedLexicon(now: number): Promise<Lexicon> {
  if (!lexiconCache || now - lexiconCache.at > LEXICON_TTL_MS) {
    const value = request('getLexicon', {});
    lexiconCache = { at: now, value };
    value.catch(() => {
      lexiconCache = undefined;
    });
  }
  return lexiconCache.value;
}

/**
 * Reads, counts and sends. Resolves to the buyer's needs after the last day was recorded (null
 * when the adapter cannot read messages or the chat has no buyer message). Re-running it on the
 * same chat is safe: the background replaces a day's counts instead of adding them.
 */
export async function collectNeeds(o: CollectNeedsOptions): Promise<NeedsDto | null> {
  if (!o.adapter.readMessages) return null;
  const now = o.now ?? Date.now();
  const messages = o.adapter.readMessages(o.root);
  if (!messages.some((m) => m.from === 'buyer')) return null;
  const lexicon = await (o.getLexicon ?? (() => cachedLexicon(now)))();
  const send = o.send ?? ((p) => request('recordChatNeeds', p));
  let last: NeedsDto | null = null;
  for (const day of countChatNeeds(messages, lexicon, now)) {
    last = await send({ platform: o.adapter.platform, buyerId: o.buyerId, ...day });
  }
  return last;
}

/** For tests: forget the cached lexicon. */
export function resetLexiconCache(): void {
  lexiconCache = undefined;
}
