import { request } from '@/core/messaging';
import { matchesPattern } from '@/core/sites/matchPattern';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/**
 * The adapter for this page: one of the built-in adapters this content script carries, else the
 * teach-mode rule of this origin (the background answers only with the rule for the sender's own
 * origin). Each built-in site has its own content script carrying only its own adapter, so no
 * page downloads the others' code; the rule script carries none.
 */
export async function resolveAdapter(
  url: string,
  builtIns: readonly SiteAdapter[],
): Promise<{ adapter: SiteAdapter; custom: boolean } | undefined> {
  // Not the registry's adapterForUrl: importing the registry would pull every adapter in.
  const u = new URL(url);
  const builtIn = builtIns.find((a) => a.matches.some((p) => matchesPattern(p, u)));
  if (builtIn) return { adapter: builtIn, custom: false };
  const rule = await request('getSiteRule', {}).catch(() => null);
  return rule ? { adapter: adapterFromRule(rule), custom: true } : undefined;
}
