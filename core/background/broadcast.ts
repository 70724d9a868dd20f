import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import type { Announce } from './router';

/** Pages Buyer Tiers may read, and so the only tabs where its content scripts can run. */
const READABLE_PAGE = /^https?:\/\//;

/**
 * Sends a change to every open extension page and every tab that can hold a content script, as
 * the typed `dataChanged` message. A context with no listener (no page open, a tab the overlay
 * never started in) simply does not answer; that is not an error.
 */
export const broadcastChange: Announce = (change) => {
  const signal = { ...change, at: Date.now() };
  sendMessage('dataChanged', signal).catch(() => {});
  // Without the "tabs" permission a tab's address is visible only where Buyer Tiers has host
  // access, which is exactly where its content scripts run.
  browser.tabs
    .query({})
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined || !tab.url || !READABLE_PAGE.test(tab.url)) continue;
        sendMessage('dataChanged', signal, tab.id).catch(() => {});
      }
    })
    .catch(() => {});
};
