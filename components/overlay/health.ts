import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/core/messaging';
import type { SiteAdapter } from '@/core/sites/types';
import type { HealthChip } from './healthChip';

/** How long a chat page may take to render its header before a miss counts. */
export const SETTLE_MS = 2000;

/** A conversation looks open when the page shows a reply box or messages. */
export function conversationSeemsOpen(adapter: SiteAdapter, root: ParentNode): boolean {
  try {
    if (adapter.findChatInput?.(root)) return true;
    return (adapter.readMessages?.(root).length ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * Selector health on chat pages: when a conversation seems open but the adapter finds no buyer
 * for SETTLE_MS, show the chip and report one miss per URL; the first hit on a page is reported
 * too, so the dashboard can show a hit/miss ratio per site.
 */
export function startHealthWatch(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  buyerFound: () => boolean,
  chip: HealthChip,
): { check(): void } {
  let timer: number | undefined;
  let hitReported = false;
  const missReported = new Set<string>();

  const report = (found: boolean) =>
    void request('reportSelectorHealth', {
      site: adapter.platform,
      found,
      url: location.href.slice(0, 2000),
    }).catch(() => {});

  const verdict = () => {
    timer = undefined;
    if (buyerFound()) return;
    if (!conversationSeemsOpen(adapter, document)) return;
    chip.show();
    const url = location.href;
    if (!missReported.has(url)) {
      missReported.add(url);
      report(false);
    }
  };

  return {
    check() {
      if (buyerFound()) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        chip.hide();
        if (!hitReported) {
          hitReported = true;
          report(true);
        }
        return;
      }
      // Wait for the page to settle: restarting on every change would never fire on a busy page.
      if (timer === undefined && !chip.visible()) timer = ctx.setTimeout(verdict, SETTLE_MS);
    },
  };
}
