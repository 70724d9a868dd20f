import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/core/messaging';
import type { FieldCounts } from '@/core/sites/fieldHealth';
import { logToRecord, newStrategyLog } from '@/core/sites/strategy';
import type { PageKind, SiteAdapter } from '@/core/sites/types';
import { SETTLE_MS } from './health';

/** Reports per page visit at most: enough to see drift, never a stream from a busy page. */
const MAX_REPORTS_PER_PAGE = 20;

/**
 * Which strategy read each field, reported once the page has settled, once per page and open
 * conversation: the dashboard's selector health then shows a site drifting (a first-choice
 * strategy no longer matching, a fallback taking over) before it breaks. Pages with nothing to
 * read (no conversation open, no rows) are not reported, so their empty reads count for nothing.
 */
export function startStrategyReport(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  pageKindNow: () => PageKind | undefined,
  chatKey: () => string | undefined,
): { schedule(): void } {
  let timer: number | undefined;
  const reported = new Set<string>();

  const run = () => {
    timer = undefined;
    const kind = pageKindNow();
    if (!kind || ctx.isInvalid || reported.size >= MAX_REPORTS_PER_PAGE) return;
    const visit = `${kind} ${location.origin}${location.pathname} ${chatKey() ?? ''}`;
    if (reported.has(visit)) return;
    const fields = readFields(adapter, kind);
    if (!fields) return;
    reported.add(visit);
    void request('reportFieldStrategies', { site: adapter.platform, pageKind: kind, fields }).catch(() => {});
  };

  return {
    schedule() {
      if (timer === undefined) timer = ctx.setTimeout(run, SETTLE_MS);
    },
  };
}

/**
 * Reads the page as the overlay does, counting strategies; undefined when the page shows nothing
 * to read (no open conversation, no rows). Any reader failing counts as reading nothing.
 */
function readFields(adapter: SiteAdapter, kind: PageKind): FieldCounts | undefined {
  const log = newStrategyLog();
  try {
    let found = (adapter.readListBuyers?.(document, log) ?? []).length > 0;
    if (kind === 'orders') found = (adapter.readOrderRows?.(document, log) ?? []).length > 0 || found;
    if (kind === 'chat') {
      const input = adapter.findChatInput?.(document, log);
      const messages = adapter.readMessages?.(document, log) ?? [];
      found = adapter.readChatBuyer?.(document, log) != null || input != null || messages.length > 0 || found;
    }
    return found ? logToRecord(log) : undefined;
  } catch {
    return undefined;
  }
}
