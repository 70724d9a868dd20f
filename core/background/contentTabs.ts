import { browser } from 'wxt/browser';

const KEY = 'bt:contentTabs';

/**
 * Tabs whose content script has talked to the background, the only ones `dataChanged` is sent
 * to: a message to a tab with no listener makes the browser log an error, per tab, per write.
 * Kept in session storage so a restarted worker still knows them; a tab whose send fails
 * (closed, or navigated to a page without the overlay) is dropped until it talks again.
 */
export class ContentTabs {
  private loaded: Promise<Set<number>> | undefined;

  private tabs(): Promise<Set<number>> {
    this.loaded ??= browser.storage.session
      .get(KEY)
      .then(
        (r) => new Set((Array.isArray(r[KEY]) ? r[KEY] : []).filter((v): v is number => Number.isInteger(v))),
      )
      .catch(() => new Set<number>());
    return this.loaded;
  }

  private save(tabs: Set<number>): void {
    browser.storage.session.set({ [KEY]: [...tabs] }).catch(() => {});
  }

  async add(tabId: number): Promise<void> {
    const tabs = await this.tabs();
    if (tabs.has(tabId)) return;
    tabs.add(tabId);
    this.save(tabs);
  }

  async remove(tabId: number): Promise<void> {
    const tabs = await this.tabs();
    if (tabs.delete(tabId)) this.save(tabs);
  }

  async list(): Promise<number[]> {
    return [...(await this.tabs())];
  }
}
