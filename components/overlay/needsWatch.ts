import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { collectNeeds } from '@/components/needs/collectNeeds';
import { buyerKeyOf } from '@/core/model/identity';
import type { NeedsDto } from '@/core/needs/dto';
import type { SiteAdapter } from '@/core/sites/types';
import type { ChatOverlay } from './chatOverlay';

/** Quiet time after the last page change before the open chat is re-read (typing bursts, switches). */
export const NEEDS_DEBOUNCE_MS = 1500;

export interface NeedsWatch {
  /** Call on every page change: (re)starts the debounce timer. */
  schedule(): void;
}

/**
 * Reads the open conversation's needs once the page has been quiet for a moment: after the buyer
 * is found and again whenever the thread changes. Only per-day counts leave this tab (see
 * collectNeeds); nothing derived from message text is kept here, only message counts and times
 * to skip re-sending an unchanged thread. Timers belong to `ctx`, so nothing runs after the
 * extension reloads.
 */
export function startNeedsWatch(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  chat: Pick<ChatOverlay, 'read'>,
  onNeeds: (buyerKey: string, needs: NeedsDto) => void,
): NeedsWatch {
  const readMessages = adapter.readMessages;
  let timer: number | undefined;
  let lastSent = '';

  const run = async () => {
    if (ctx.isInvalid || !readMessages) return;
    const found = chat.read();
    if (!found) return;
    const messages = readMessages(document);
    const times = messages.filter((m) => m.from === 'buyer').map((m) => m.at ?? 0);
    if (times.length === 0) return;
    const key = buyerKeyOf(adapter.platform, found.buyerId);
    const signature = `${key}|${times.length}|${times.join()}`;
    if (signature === lastSent) return;
    // Set before sending, so a change during the round trip cannot send the same thread twice.
    lastSent = signature;
    try {
      const needs = await collectNeeds({ adapter, root: document, buyerId: found.buyerId });
      if (needs && !ctx.isInvalid) onNeeds(key, needs);
    } catch {
      // Needs switched off, or the background was restarting: the next page change tries again.
      if (lastSent === signature) lastSent = '';
    }
  };

  return {
    schedule() {
      clearTimeout(timer);
      if (!ctx.isInvalid) timer = ctx.setTimeout(() => void run(), NEEDS_DEBOUNCE_MS);
    },
  };
}
