import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MessageFailure, request } from '@/core/messaging';
import { buyerKeyOf } from '@/core/model/identity';
import type { SiteAdapter } from '@/core/sites/types';
import type { Translate, UiLocale } from '../i18n';
import { type BadgeView, mountBadge } from './mountBadge';

export interface ChatOverlay {
  /** Re-reads the page now (also called on DOM mutations and SPA navigations). */
  refresh(): Promise<void>;
  /** Re-fetches the badge when the background signals that these buyers changed. */
  onBuyersChanged(keys: readonly string[]): void;
  currentKey(): string | undefined;
}

/**
 * Keeps one badge beside the open conversation's buyer name. Conversation switches are caught
 * by a debounced MutationObserver and by `wxt:locationchange` for single-page chat apps.
 */
export function startChatOverlay(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  locale: UiLocale,
  t: Translate,
  onOpenCard: (buyerKey: string) => void,
): ChatOverlay {
  let key: string | undefined;
  let view: BadgeView | undefined;
  let generation = 0;

  const unmount = () => {
    view?.ui.remove();
    view = undefined;
    key = undefined;
  };

  const load = async (gen: number, buyerId: string, name: string) => {
    try {
      const badge = await request('seeBuyer', { platform: adapter.platform, buyerId, name });
      if (gen === generation) view?.update(badge);
    } catch (e) {
      if (gen === generation) view?.update(null, e instanceof MessageFailure ? e.message : String(e));
    }
  };

  const refresh = async () => {
    const found = adapter.readChatBuyer?.(document) ?? null;
    if (!found) {
      unmount();
      return;
    }
    const nextKey = buyerKeyOf(adapter.platform, found.buyerId);
    if (nextKey === key && view && view.anchor === found.anchor && view.anchor.isConnected) return;
    unmount();
    key = nextKey;
    const gen = ++generation;
    view = await mountBadge(ctx, found.anchor, locale, t, () => onOpenCard(nextKey));
    if (gen !== generation) return;
    await load(gen, found.buyerId, found.name);
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // One read per animation frame at most: a burst of mutations costs one refresh.
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      void refresh();
    });
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    unmount();
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  schedule();

  return {
    refresh,
    currentKey: () => key,
    onBuyersChanged(keys) {
      if (!key || !view) return;
      if (keys.length > 0 && !keys.includes(key)) return;
      const gen = generation;
      const current = key;
      void request('getBadges', { buyerKeys: [current] })
        .then((b) => {
          if (gen === generation && b[current]) view?.update(b[current]);
        })
        .catch(() => {});
    },
  };
}
