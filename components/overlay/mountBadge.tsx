import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { BadgeDto } from '@/core/messaging';
import type { Translate, UiLocale } from '../i18n';
import { Badge } from './Badge';

export interface BadgeView {
  ui: ShadowRootContentScriptUi<HTMLElement>;
  anchor: Element;
  update(badge: BadgeDto | null, error?: string): void;
}

/**
 * Mounts one badge in its own shadow root right after `anchor`, so page CSS cannot restyle it
 * and it never reflows the page by more than its own width.
 */
export async function mountBadge(
  ctx: ContentScriptContext,
  anchor: Element,
  locale: UiLocale,
  t: Translate,
  onOpen: () => void,
): Promise<BadgeView> {
  let host: HTMLElement | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'buyer-tiers-badge',
    position: 'inline',
    anchor,
    append: 'after',
    onMount(container) {
      host = container;
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  const update = (badge: BadgeDto | null, error?: string) => {
    if (!host) return;
    if (error) render(<span class="bt-badge">{t('badge.error', { message: error })}</span>, host);
    else if (!badge) render(<span class="bt-badge">{t('badge.loading')}</span>, host);
    else render(<Badge badge={badge} locale={locale} t={t} now={Date.now()} onOpen={onOpen} />, host);
  };
  update(null);
  return { ui, anchor, update };
}
