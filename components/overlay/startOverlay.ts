import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CHANGE_SIGNAL_KEY, type ChangeSignal, request } from '@/core/messaging';
import { adapterForUrl } from '@/core/sites/registry';
import { resolveLocale, translator } from '../i18n';
import { startChatOverlay } from './chatOverlay';
import { loadDemoDataOnce } from './demoLoader';

/** Entry of the in-page overlay: picks the adapter for this page and starts what it supports. */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  const adapter = adapterForUrl(location.href);
  if (!adapter) return;
  const state = await request('getSiteState', { platform: adapter.platform });
  const locale = resolveLocale(state.locale);
  const t = translator(locale);

  if (adapter.id === 'demo' && !state.demoLoaded) {
    try {
      await loadDemoDataOnce(location.origin);
    } catch (e) {
      console.warn('[Buyer Tiers] demo data not loaded:', e);
    }
  }

  const kinds = adapter.pageKinds(new URL(location.href));
  const chat = kinds.includes('chat') ? startChatOverlay(ctx, adapter, locale, t, () => {}) : undefined;

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[CHANGE_SIGNAL_KEY]) return;
    const signal = changes[CHANGE_SIGNAL_KEY].newValue as ChangeSignal | undefined;
    chat?.onBuyersChanged(signal?.buyerKeys ?? []);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
}
