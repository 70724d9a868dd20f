import { browser } from 'wxt/browser';
import { type ChangeSignal, onMessage } from '@/core/messaging';

type Listener = (change: ChangeSignal) => void;
const listeners = new Set<Listener>();
let stopListening: (() => void) | undefined;

/**
 * Calls `listener` for every `dataChanged` broadcast the background sends after a write. The
 * messaging library allows one handler per message in a page, so this module holds that one
 * and fans out to every subscriber; the returned function unsubscribes.
 */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  stopListening ??= onMessage('dataChanged', ({ data, sender }) => {
    // Only the background sends it: a content script's message to pages carries its tab.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    for (const l of [...listeners]) {
      try {
        l(data);
      } catch (e) {
        console.warn('[Buyer Tiers] change listener:', e);
      }
    }
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopListening?.();
      stopListening = undefined;
    }
  };
}
