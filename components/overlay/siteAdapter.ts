import { request } from '@/core/messaging';
import { matchesPattern } from '@/core/sites/matchPattern';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/** The adapter a page's overlay runs with; `custom` when it reads a taught rule. */
export interface ResolvedAdapter {
  adapter: SiteAdapter;
  custom: boolean;
}

/**
 * The adapter for a page of the generic script: the site rule of this origin when there is one
 * (taught here), else one of the built-in adapters this script carries (the demo marketplace in
 * the demo build). The background answers only with the rule for the sender's own origin.
 *
 * Each built-in site has its own content script (see builtInSite.ts), which applies an imported
 * rule there itself; the generic script steps aside on those hosts (`stepAsideOn`), so a page
 * never gets two overlays.
 */
export async function resolveAdapter(
  url: string,
  builtIns: readonly SiteAdapter[],
  stepAsideOn: readonly string[] = [],
): Promise<ResolvedAdapter | undefined> {
  // Not the registry's adapterForUrl: importing the registry would pull every adapter in.
  const u = new URL(url);
  if (stepAsideOn.some((p) => matchesPattern(p, u))) return undefined;
  const builtIn = builtIns.find((a) => a.matches.some((p) => matchesPattern(p, u)));
  const rule = await request('getSiteRule', {}).catch(() => null);
  // `custom` offers "teach me" on the chip: built-in sites are not taught, only overridden by a file.
  if (rule) return { adapter: adapterFromRule(rule, builtIn?.platform), custom: !builtIn };
  return builtIn ? { adapter: builtIn, custom: false } : undefined;
}
