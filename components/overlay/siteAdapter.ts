import { request } from '@/core/messaging';
import { matchesPattern } from '@/core/sites/matchPattern';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/**
 * The adapter for this page: a built-in one, else the teach-mode rule of this origin (the
 * background answers only with the rule for the sender's own origin).
 */
export async function resolveAdapter(
  url: string,
  builtIns: readonly SiteAdapter[],
): Promise<{ adapter: SiteAdapter; custom: boolean } | undefined> {
  // The content script bundles only its own sites' adapters (the size budget), not the registry.
  const u = new URL(url);
  const builtIn = builtIns.find((a) => a.matches.some((p) => matchesPattern(p, u)));
  if (builtIn) return { adapter: builtIn, custom: false };
  const rule = await request('getSiteRule', {}).catch(() => null);
  return rule ? { adapter: adapterFromRule(rule), custom: true } : undefined;
}
