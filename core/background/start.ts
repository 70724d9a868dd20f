import { browser } from 'wxt/browser';
import { REQUESTS } from '../messageSchemas';
import { type MessageName, onMessage } from '../messaging';
import { adapterForUrl } from '../sites/registry';
import { ruleSlug } from '../sites/ruleAdapter';
import { openStore } from '../store';
import { ruleIdForOrigin } from '../store/ruleOriginData';
import { broadcastTo } from './broadcast';
import { ContentTabs } from './contentTabs';
import type { ServiceDeps } from './context';
import { createHandlers } from './handlers';
import { startOverlayWiring } from './overlayWiring';
import { createRescorer } from './rescorer';
import { dispatch } from './router';
import type { SenderEnv } from './sender';
import { createTeamService } from './team/wiring';

/**
 * Wires the background: opens the database once, then answers every message in the protocol.
 * Listeners are registered synchronously so a worker woken by a message never misses it.
 */
export function startBackground(): void {
  const contentTabs = new ContentTabs();
  const ready = (async () => {
    const db = await openStore();
    const browserLanguage = browser.i18n?.getUILanguage?.() ?? 'en';
    const now = () => Date.now();
    const rescorer = createRescorer({ db, now, browserLanguage });
    // Team sync reaches the network only once the seller joined a team (resume does nothing before).
    const team = createTeamService(db, now);
    const deps: ServiceDeps = { db, now, browserLanguage, signal: broadcastTo(contentTabs), rescorer, team };
    const background = createHandlers(deps);
    void team.resume().catch((e: unknown) => console.warn('[Buyer Tiers] team sync could not resume:', e));
    // A worker stopped mid-rescore (or after an import that never finished) leaves classes half
    // old: finish that now (its end is announced like every full rescore's).
    void background.resumeOwedWork().catch(() => {});
    const env: SenderEnv = {
      extensionId: browser.runtime.id,
      extensionBaseUrl: browser.runtime.getURL('/'),
      async platformForUrl(url) {
        const builtIn = adapterForUrl(url);
        if (builtIn) return builtIn.platform;
        const origin = new URL(url).origin;
        const ruleId = await ruleIdForOrigin(db, origin);
        // Same platform as adapterFromRule gives the content script.
        return ruleId !== undefined ? `custom-${ruleSlug(ruleId)}` : undefined;
      },
    };
    return { background, env, db };
  })();
  startOverlayWiring(ready.then((r) => r.db));

  for (const name of Object.keys(REQUESTS) as MessageName[]) {
    onMessage(name, async ({ data, sender }) => {
      // A content script of ours on a web page (not an extension page shown in a tab): its tab
      // hears the change broadcast from now on.
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.id === browser.runtime.id && /^https?:/.test(sender.url ?? ''))
        void contentTabs.add(tabId);
      let deps: Awaited<typeof ready>;
      try {
        deps = await ready;
      } catch (e) {
        return {
          ok: false,
          error: { code: 'storage', message: e instanceof Error ? e.message : String(e) },
        } as never;
      }
      // The generic listener cannot narrow the answer per message name; dispatch is typed per name.
      return dispatch(name, data, sender, deps.env, deps.background) as never;
    });
  }
}
