import { request } from '@/core/messaging';
import type { SiteAdapter } from '@/core/sites/types';
import { loadRuleReader } from './ruleReader';
import type { ResolvedAdapter } from './siteAdapter';

/**
 * The adapter for a built-in site's own script: the site rule of this origin when the seller
 * imported one (it covers the whole origin and replaces the built-in reading, so a page that
 * changed can be fixed before Buyer Tiers updates), else the built-in adapter where it reads
 * this page. `readsThisPage` is for scripts injected host-wide (Etsy, Qianniu: a rule may cover
 * any page of the origin) whose adapter reads only some paths; scripts whose manifest matches
 * are the adapter's own (Amazon, WhatsApp) need no check and carry no pattern matcher.
 */
export async function resolveBuiltInSite(
  adapter: SiteAdapter,
  readsThisPage: () => boolean = () => true,
): Promise<ResolvedAdapter | undefined> {
  const rule = await request('getSiteRule', {}).catch(() => null);
  const reader = rule ? await loadRuleReader().catch(() => undefined) : undefined;
  if (rule && reader) return { adapter: reader.adapterFromRule(rule, adapter.platform), custom: false };
  return readsThisPage() ? { adapter, custom: false } : undefined;
}
