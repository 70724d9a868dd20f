import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeDto } from '@/core/messaging';
import { MessageFailure, request } from '@/core/messaging';
import { buyerKeyOf } from '@/core/model/identity';
import type { FoundBuyer, SiteAdapter } from '@/core/sites/types';
import { Badge } from './Badge';
import type { BadgeStore } from './badgeStore';
import type { OverlayLocale, OverlayTranslate } from './i18n';
import { createShadowHost, isBeside, placeBeside, type ShadowHost } from './shadowHost';

export interface ChatOverlay {
  /** Re-reads the open conversation (called in the mutation callback, so a switch shows at once). */
  refresh(): void;
  /** Re-renders from the store when these buyers changed (all when empty). */
  rerender(keys: readonly string[]): void;
  currentKey(): string | undefined;
  currentAnchor(): Element | undefined;
  /** The buyer the adapter reads right now, without mounting anything (health checks). */
  read(): FoundBuyer | null;
}

/**
 * Keeps one badge beside the open conversation's buyer name. The badge is drawn from the tab's
 * cache in the same task as the conversation switch; `seeBuyer` then records the visit (a buyer
 * with no orders is kept as a prospect) and redraws with the fresh answer.
 */
export function startChatOverlay(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  store: BadgeStore,
  locale: OverlayLocale,
  t: OverlayTranslate,
  onOpenCard: (buyerKey: string) => void,
): ChatOverlay {
  let key: string | undefined;
  let anchor: Element | undefined;
  let view: ShadowHost | undefined;
  let generation = 0;

  const draw = (badge: BadgeDto | null | undefined, error?: string) => {
    if (!view || !key) return;
    const k = key;
    if (error) render(<span class="bt-badge">{t('badge.error', { message: error })}</span>, view.container);
    else if (!badge) render(<span class="bt-badge">{t('badge.loading')}</span>, view.container);
    else
      render(
        <Badge badge={badge} locale={locale} t={t} now={Date.now()} onOpen={() => onOpenCard(k)} />,
        view.container,
      );
  };

  const unmount = () => {
    if (view) {
      render(null, view.container);
      view.host.remove();
    }
    view = undefined;
    key = undefined;
    anchor = undefined;
  };

  const read = () => adapter.readChatBuyer?.(document) ?? null;

  const refresh = () => {
    const found = read();
    if (!found) {
      unmount();
      return;
    }
    const nextKey = buyerKeyOf(adapter.platform, found.buyerId);
    if (nextKey === key && view && anchor === found.anchor && isBeside(found.anchor, view.host)) return;
    const sameBuyer = nextKey === key;
    unmount();
    key = nextKey;
    anchor = found.anchor;
    view = createShadowHost('buyer-tiers-badge', 'badge');
    placeBeside(found.anchor, view.host);
    draw(store.get(nextKey));
    if (sameBuyer) return; // Only the page re-rendered its header: nothing new to record.
    const gen = ++generation;
    request('seeBuyer', { platform: adapter.platform, buyerId: found.buyerId, name: found.name })
      .then((badge) => {
        store.set(badge);
        if (gen === generation && key === nextKey) draw(badge);
      })
      .catch((e) => {
        if (gen === generation) draw(null, e instanceof MessageFailure ? e.message : String(e));
      });
  };

  ctx.onInvalidated(unmount);

  return {
    refresh,
    read,
    currentKey: () => key,
    currentAnchor: () => anchor,
    rerender(keys) {
      if (!key || (keys.length > 0 && !keys.includes(key))) return;
      draw(store.get(key));
    },
  };
}
