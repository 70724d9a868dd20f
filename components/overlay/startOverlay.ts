import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, request } from '@/core/messaging';
import { onDataChanged } from '../ui/dataChanged';
import { BadgeStore } from './badgeStore';
import { startOrderCapture } from './capture';
import { createCardController } from './cardController';
import { startChatOverlay } from './chatOverlay';
import { loadDemoDataOnce } from './demoLoader';
import { startHealthWatch } from './health';
import { createHealthChip } from './healthChip';
import { overlayLocale, overlayTranslator } from './i18n';
import { rememberIdentities } from './identityMemory';
import { startListOverlay } from './listOverlay';
import { startNeedsWatch } from './needsWatch';
import { watchPage } from './pageWatcher';
import type { ResolvedAdapter } from './siteAdapter';
import { startStrategyReport } from './strategyReport';

/**
 * Entry of the in-page overlay: `resolve` picks the adapter for this page (a built-in site's own
 * script: builtInSite.ts; the generic one: siteAdapter.ts), then it starts what that supports.
 */
export async function startOverlay(
  ctx: ContentScriptContext,
  resolve: () => Promise<ResolvedAdapter | undefined>,
): Promise<void> {
  const resolved = await resolve();
  if (!resolved || ctx.isInvalid) return;
  const { custom } = resolved;
  // A buyer first met by name and later by a stable handle (WhatsApp: the phone) is merged once,
  // then read by that handle for the rest of the visit (see identityMemory.ts).
  const adapter = rememberIdentities(resolved.adapter, async (fromKey, intoKey) => {
    const res = await request('mergeBuyers', { fromKey, intoKey });
    // Rows already badged by the name are re-read (now as the phone buyer), the header redrawn.
    if (res.merged) await Promise.all([list?.scan(), refreshKeys([fromKey, intoKey])]);
  });
  let state = await request('getSiteState', { platform: adapter.platform });
  const locale = overlayLocale(state.locale);
  const t = overlayTranslator(locale);

  if (adapter.id === 'demo' && !state.demoLoaded) {
    try {
      await loadDemoDataOnce(location.origin);
    } catch (e) {
      console.warn('[Buyer Tiers] demo data not loaded:', e);
    }
  }
  if (ctx.isInvalid) return;

  const store = new BadgeStore((keys) => request('getBadges', { buyerKeys: keys }));
  let chat: ReturnType<typeof startChatOverlay> | undefined;
  const card = createCardController(
    ctx,
    locale,
    () => adapter.findChatInput?.(document) ?? null,
    (key) =>
      adapter.readMessages && chat?.currentKey() === key
        ? adapter
            .readMessages(document)
            .filter((m) => m.from === 'buyer')
            .map((m) => m.text)
        : [],
  );
  const openCard = (key: string) => {
    card.open(key).catch((e) => console.warn('[Buyer Tiers] buyer card:', e));
  };
  const watcher = watchPage(ctx);
  const kinds = adapter.pageKinds(new URL(location.href));
  // SPA navigations can change the page kind (chat ↔ orders), so it is re-read per pass.
  const kindNow = (k: 'chat' | 'orders') => adapter.pageKinds(new URL(location.href)).includes(k);

  chat = adapter.readChatBuyer ? startChatOverlay(ctx, adapter, store, locale, t, openCard) : undefined;
  const list = adapter.readListBuyers
    ? startListOverlay(ctx, adapter, store, t, {
        skip: (anchor) => anchor === chat?.currentAnchor(),
        onOpen: openCard,
      })
    : undefined;
  const capture = adapter.readOrderRows ? startOrderCapture(adapter, () => state.captureEnabled) : undefined;
  const chip = createHealthChip(
    t,
    custom
      ? () => void request('startTeachMode', {}).catch((e) => console.warn('[Buyer Tiers]', e))
      : undefined,
  );
  ctx.onInvalidated(chip.hide);
  const health = chat
    ? startHealthWatch(ctx, adapter, () => chat.currentKey() !== undefined, chip)
    : undefined;

  const refreshKeys = async (keys: readonly string[]) => {
    const shown = [
      ...(list?.mountedKeys() ?? []),
      ...(chat?.currentKey() ? [chat.currentKey() as string] : []),
    ];
    const affected = keys.length > 0 ? shown.filter((k) => keys.includes(k)) : shown;
    store.invalidate(keys);
    if (affected.length > 0) await store.load(affected, true);
    list?.rerender(keys);
    chat?.rerender(keys);
  };

  if (chat) watcher.onChangeNow(() => kindNow('chat') && chat.refresh());
  if (chat && adapter.readMessages) {
    // Needs from the open chat: counts only, re-read after the thread has been quiet a moment;
    // an open card of that buyer reloads (only when the buyer's messages changed).
    const needs = startNeedsWatch(ctx, adapter, chat, (key) => card.changed([key]));
    watcher.onChangeFrame(() => kindNow('chat') && needs.schedule());
  }
  // List badges first: the capture's database writes must not delay the badges' reads.
  let listed: Promise<void> = Promise.resolve();
  if (list) watcher.onChangeFrame(() => (listed = list.scan()));
  if (health) watcher.onChangeFrame(() => kindNow('chat') && health.check());
  // Built-in adapters only: a taught rule has one selector per field, no strategies to compare.
  if (!custom) {
    const pageKindNow = () => (kindNow('chat') ? 'chat' : kindNow('orders') ? 'orders' : undefined);
    const strategies = startStrategyReport(ctx, adapter, pageKindNow, () => chat?.currentKey());
    watcher.onChangeFrame(strategies.schedule);
  }
  if (capture)
    watcher.onChangeFrame(() => {
      if (!kindNow('orders')) return;
      void listed
        .then(() => capture.scan())
        .then((touched) => {
          // This tab redraws at once; other tabs follow the background's change signal.
          if (touched.length > 0) void refreshKeys(touched);
        });
    });
  if (kinds.length > 0 || custom) watcher.poke();

  // Changes made anywhere (another tab, the dashboard, the card) arrive as `dataChanged`.
  const stopChanges = onDataChanged((signal) => {
    if (signal.kinds.includes('settings')) {
      void request('getSiteState', { platform: adapter.platform }).then((s) => {
        state = s;
      });
    }
    void refreshKeys(signal.buyerKeys);
    card.changed(signal.buyerKeys);
  });
  ctx.onInvalidated(stopChanges);

  // Alt+Shift+B opens the card of the open conversation: in-page, and via the browser command.
  const openCurrent = () => {
    const key = chat?.currentKey();
    if (key) card.open(key, { focusTags: true }).catch((e) => console.warn('[Buyer Tiers] buyer card:', e));
  };
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      // Only the seller's own keys: a page script's synthetic keydown must not open the card.
      if (e.isTrusted && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB') {
        e.preventDefault();
        openCurrent();
      }
    },
    { capture: true },
  );
  // The background's keyboard command, through the protocol map. One listener per script world:
  // should another overlay already listen here, that one answers and this one goes without.
  try {
    const stop = onMessage('openBuyerCard', ({ sender }) => {
      if (sender.id === browser.runtime.id) openCurrent();
    });
    ctx.onInvalidated(stop);
  } catch (e) {
    console.warn('[Buyer Tiers] open-card command:', e);
  }
}
