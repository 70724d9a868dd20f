import { request } from '@/core/messaging';
import { adapterForUrl } from '@/core/sites/registry';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/**
 * The adapter for this page: the site rule of this origin when there is one (taught here, or
 * imported from a rule file: on a built-in site such a rule replaces the built-in adapter's
 * reading, so a seller can fix a site that changed before Buyer Tiers updates), else the
 * built-in adapter. The background answers only with the rule for the sender's own origin.
 */
export async function resolveAdapter(
  url: string,
): Promise<{ adapter: SiteAdapter; custom: boolean } | undefined> {
  const builtIn = adapterForUrl(url);
  const rule = await request('getSiteRule', {}).catch(() => null);
  // `custom` offers "teach me" on the chip: built-in sites are not taught, only overridden by a file.
  if (rule) return { adapter: adapterFromRule(rule, builtIn?.platform), custom: !builtIn };
  return builtIn ? { adapter: builtIn, custom: false } : undefined;
}
