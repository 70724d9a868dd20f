import { request } from '@/core/messaging';
import { matchesPattern } from '@/core/sites/matchPattern';
import { adapterFromRule } from '@/core/sites/ruleAdapter';
import type { SiteAdapter } from '@/core/sites/types';

/**
 * The adapter for this page: the site rule of this origin when there is one (taught here, or
 * imported from a rule file: on a built-in site such a rule replaces the built-in adapter's
 * reading, so a seller can fix a site that changed before Buyer Tiers updates), else one of the
 * built-in adapters this content script carries. The background answers only with the rule for
 * the sender's own origin.
 *
 * Each built-in site has its own content script carrying only its adapter (`builtIns`); the
 * generic script steps aside on the built-in sites' hosts (`stepAsideOn`, passed by that script
 * only, so site bundles do not carry the host list), whose own script applies an imported rule
 * there, so a page never gets two overlays.
 */
export async function resolveAdapter(
  url: string,
  builtIns: readonly SiteAdapter[],
  stepAsideOn: readonly string[] = [],
): Promise<{ adapter: SiteAdapter; custom: boolean } | undefined> {
  // Not the registry's adapterForUrl: importing the registry would pull every adapter in.
  const u = new URL(url);
  if (stepAsideOn.some((p) => matchesPattern(p, u))) return undefined;
  const builtIn = builtIns.find((a) => a.matches.some((p) => matchesPattern(p, u)));
  const rule = await request('getSiteRule', {}).catch(() => null);
  // `custom` offers "teach me" on the chip: built-in sites are not taught, only overridden by a file.
  if (rule) return { adapter: adapterFromRule(rule, builtIn?.platform), custom: !builtIn };
  return builtIn ? { adapter: builtIn, custom: false } : undefined;
}
