import { sendMessage } from '../messaging';
import type { ContentTabs } from './contentTabs';
import type { Announce } from './router';

/**
 * Sends each change to every open extension page and to every tab whose content script has
 * talked to the background, as the typed `dataChanged` message. No page open is not an error;
 * a tab that no longer answers is forgotten.
 */
export function broadcastTo(tabs: ContentTabs): Announce {
  return (change) => {
    const signal = { ...change, at: Date.now() };
    sendMessage('dataChanged', signal).catch(() => {});
    tabs
      .list()
      .then((ids) => {
        for (const id of ids) sendMessage('dataChanged', signal, id).catch(() => void tabs.remove(id));
      })
      .catch(() => {});
  };
}
