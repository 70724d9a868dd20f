import { request } from '@/core/messaging';
import { adapterForUrl } from '@/core/sites/registry';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/**
 * The adapter for this page: a built-in one, else the teach-mode rule of this origin (the
 * background answers only with the rule for the sender's own origin).
 */
export async function resolveAdapter(
  url: string,
): Promise<{ adapter: SiteAdapter; custom: boolean } | undefined> {
  const builtIn = adapterForUrl(url);
  if (builtIn) return { adapter: builtIn, custom: false };
  const rule = await request('getSiteRule', {}).catch(() => null);
  return rule ? { adapter: adapterFromRule(rule), custom: true } : undefined;
}
