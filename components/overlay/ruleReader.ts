import { request } from '@/core/messaging';
import type { Platform } from '@/core/model';
import type { CustomRule } from '@/core/sites/customRule';
import type { SiteAdapter } from '@/core/sites/types';

/*
 * A built-in site's script turns an imported rule into an adapter with the rule reader bundle
 * (entrypoints/rule-reader.ts), injected on demand like the buyer card: most sellers never import
 * a rule for a built-in site, so its reader is not part of every page's script.
 */
export const RULE_READER_GLOBAL = '__buyerTiersRuleReader';

export interface RuleReader {
  adapterFromRule(rule: CustomRule, platform?: Platform): SiteAdapter;
}

function installed(): RuleReader | undefined {
  return (globalThis as Record<string, unknown>)[RULE_READER_GLOBAL] as RuleReader | undefined;
}

/** The reader, injecting it first if needed; undefined when the background would not. */
export async function loadRuleReader(): Promise<RuleReader | undefined> {
  if (installed()) return installed();
  const { loaded } = await request('loadRuleReader', {});
  return loaded ? installed() : undefined;
}
