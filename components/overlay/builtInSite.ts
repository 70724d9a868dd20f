import { request } from '@/core/messaging';
import type { SiteAdapter } from '@/core/sites/types';
import { loadRuleReader } from './ruleReader';
import type { ResolvedAdapter } from './siteAdapter';

/**
 * The adapter for a built-in site's own script: the site rule of this origin when the seller
 * imported one (it replaces the built-in reading, so a page that changed can be fixed before
 * Buyer Tiers updates), else the built-in adapter. The script only runs on the site's own
 * pages (its manifest matches), so no host matching happens here.
 */
export async function resolveBuiltInSite(adapter: SiteAdapter): Promise<ResolvedAdapter> {
  const rule = await request('getSiteRule', {}).catch(() => null);
  const reader = rule ? await loadRuleReader().catch(() => undefined) : undefined;
  if (rule && reader) return { adapter: reader.adapterFromRule(rule, adapter.platform), custom: false };
  return { adapter, custom: false };
}
