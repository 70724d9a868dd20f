import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import type { BuyerTiersDB } from '../store';
import { validSiteRules } from '../store/siteRuleData';
import { browserTeachPlatform, syncRuleScripts } from './ruleScripts';

const TEACH_MENU_ID = 'bt-teach-page';

/**
 * Browser-level entry points of the overlay: the "teach this page" context menu, the
 * open-buyer-card keyboard command, and re-syncing teach-mode content scripts on startup.
 * Listeners are added synchronously so a worker woken by a click or a command sees it.
 */
export function startOverlayWiring(db: Promise<BuyerTiersDB>): void {
  const platform = browserTeachPlatform();

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: TEACH_MENU_ID,
        title: browser.i18n.getMessage('menuTeach') || 'Buyer Tiers: teach this page',
        contexts: ['page', 'selection', 'link'],
        documentUrlPatterns: ['https://*/*', 'http://*/*'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    // The menu click grants activeTab for this tab, which is what lets the picker in.
    if (info.menuItemId === TEACH_MENU_ID && tab?.id !== undefined) {
      platform.injectPicker(tab.id).catch((e) => console.warn('[Buyer Tiers] teach mode:', e));
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-buyer-card') return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      // A tab without our content script has no listener: nothing to open there.
      if (id !== undefined) await sendMessage('openBuyerCard', {}, id).catch(() => {});
    })();
  });

  void db
    .then(async (d) => syncRuleScripts(await validSiteRules(d), platform))
    .catch((e) => console.warn('[Buyer Tiers] could not sync teach-mode scripts:', e));
}
