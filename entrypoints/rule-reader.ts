import { RULE_READER_GLOBAL, type RuleReader } from '@/components/overlay/ruleReader';
import { adapterFromRule } from '@/core/sites/ruleAdapter';

/**
 * A site rule's reader, for built-in sites whose script meets an imported rule (a seller's fix
 * for a page that changed). The background injects it into that tab's content-script world on
 * demand, so the site scripts that every marketplace page loads do not carry it.
 */
export default defineUnlistedScript(() => {
  const reader: RuleReader = { adapterFromRule };
  (globalThis as Record<string, unknown>)[RULE_READER_GLOBAL] = reader;
});
