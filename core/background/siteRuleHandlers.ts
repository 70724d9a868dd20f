/**
 * The dashboard's side of site rules: the list, selector health, and rule files (export one
 * taught rule as JSON, import one on another browser). Teach mode itself, saving and deleting a
 * rule are in overlayHandlers.ts.
 */
import type { SiteRuleDto } from '../adminDtos';
import { CustomRule } from '../sites/customRule';
import { adapterForUrl } from '../sites/registry';
import { checkSiteRuleFile, type RuleFileProblem, siteRuleFileOf } from '../sites/ruleFile';
import { type SiteRuleRow, siteRuleForOrigin, unusedRuleId } from '../store';
import { clearSelectorHealth, listSelectorHealth } from '../store/health';
import { putSiteRule, siteRulesByOrigin, validSiteRule } from '../store/siteRuleData';
import type { ServiceDeps } from './context';
import { HandlerError, type Handlers } from './router';
import { browserTeachPlatform, type TeachPlatform } from './ruleScripts';

export type SiteRuleHandlerName =
  | 'listSiteRules'
  | 'getSelectorHealth'
  | 'resetSelectorHealth'
  | 'exportSiteRule'
  | 'importSiteRule';

/** Everything but id and origin, as `field: value` pairs, so any rule shape can be listed. */
function summaryOf(rule: SiteRuleRow): string {
  return Object.entries(rule)
    .filter(([k, v]) => k !== 'id' && k !== 'origin' && (typeof v === 'string' || typeof v === 'number'))
    .map(([k, v]) => `${k}: ${String(v).slice(0, 120)}`)
    .join(' · ');
}

/** English words for a file problem (the dashboard shows its own translated words first). */
function problemText(p: RuleFileProblem): string {
  switch (p.code) {
    case 'not-json':
      return 'This file is not JSON.';
    case 'not-a-rule-file':
      return 'This file is not a Buyer Tiers site rule.';
    case 'newer-version':
      return `This site rule was made by a newer Buyer Tiers (file version ${p.version}); update first.`;
    case 'bad-field':
      return `The field "${p.field}" in this site rule is not valid: ${p.detail}`;
    case 'no-buyer-selector':
      return 'This site rule does not say where the buyer name is.';
  }
}

export function createSiteRuleHandlers(
  deps: ServiceDeps,
  platform: TeachPlatform = browserTeachPlatform(),
): Pick<Handlers, SiteRuleHandlerName> {
  const { db, now } = deps;
  return {
    async listSiteRules(): Promise<SiteRuleDto[]> {
      const rules = await siteRulesByOrigin(db);
      return rules.map((r) => {
        const builtIn = adapterForUrl(`${r.origin}/`);
        return {
          id: r.id,
          origin: r.origin,
          summary: summaryOf(r),
          ...(builtIn ? { overrides: builtIn.label } : {}),
        };
      });
    },

    async getSelectorHealth() {
      return listSelectorHealth(db);
    },

    async resetSelectorHealth({ site }) {
      return { reset: await clearSelectorHealth(db, site) };
    },

    async exportSiteRule({ id }) {
      const rule = await validSiteRule(db, id);
      if (!rule) throw new HandlerError('not-found', 'This site rule no longer exists.');
      return siteRuleFileOf(rule, now());
    },

    async importSiteRule({ file }) {
      const checked = checkSiteRuleFile(file);
      if (!checked.ok) throw new HandlerError('invalid-message', problemText(checked.problem));
      const taught = checked.file.rule;
      // The dashboard asks for the origin in the click that imports; without it nothing is stored.
      if (!(await platform.hasOriginPermission(taught.origin))) {
        throw new HandlerError('forbidden', `Buyer Tiers has no access to ${taught.origin} yet.`);
      }
      const existing = await siteRuleForOrigin(db, taught.origin);
      // The importing browser's own id: a rule for the same site replaces that site's rule.
      const rule = CustomRule.parse({ ...taught, id: existing?.id ?? (await unusedRuleId(db, now())) });
      await putSiteRule(db, rule);
      const builtIn = adapterForUrl(`${rule.origin}/`);
      // On a built-in site the built-in content script already runs and reads with this rule
      // (components/overlay/siteAdapter.ts); a second registration would only run it twice.
      if (builtIn) await platform.unregisterRule(rule.id);
      else await platform.registerRule(rule);
      return { rule, replaced: existing !== null, ...(builtIn ? { overrides: builtIn.label } : {}) };
    },
  };
}
