/**
 * Minimal page-only views of teach-mode rules and selector health for the dashboard's site
 * section. The overlay engineer owns teach mode; if they ship richer versions of these
 * messages, theirs replace these (the names are the agreed ones).
 */
import type { SiteRuleDto } from '../adminDtos';
import type { SiteRuleRow } from '../store';
import type { ServiceDeps } from './context';
import type { Handlers } from './router';

export type SiteRuleHandlerName = 'listSiteRules' | 'deleteSiteRule' | 'getSelectorHealth';

/** Everything but id and origin, as `field: value` pairs, so any rule shape can be listed. */
function summaryOf(rule: SiteRuleRow): string {
  return Object.entries(rule)
    .filter(([k, v]) => k !== 'id' && k !== 'origin' && (typeof v === 'string' || typeof v === 'number'))
    .map(([k, v]) => `${k}: ${String(v).slice(0, 120)}`)
    .join(' · ');
}

export function createSiteRuleHandlers(deps: ServiceDeps): Pick<Handlers, SiteRuleHandlerName> {
  const { db } = deps;
  return {
    async listSiteRules(): Promise<SiteRuleDto[]> {
      const rules = await db.siteRules.orderBy('origin').toArray();
      return rules.map((r) => ({ id: r.id, origin: r.origin, summary: summaryOf(r) }));
    },
    async deleteSiteRule({ id }) {
      await db.siteRules.delete(id);
      deps.signal({ buyerKeys: [], kinds: ['settings'] });
      return { deleted: id };
    },
    async getSelectorHealth() {
      return db.selectorHealth.orderBy('site').toArray();
    },
  };
}
