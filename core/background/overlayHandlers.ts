import { CustomRule, ruleSlug } from '../sites/customRule';
import { adapterForUrl } from '../sites/registry';
import { ruleSlugOwner, siteRuleForOrigin, unusedRuleId } from '../store';
import { originHasSiteRule, putSiteRule, removeSiteRule } from '../store/siteRuleData';
import type { ServiceDeps } from './context';
import { HandlerError, type Handlers } from './router';
import { browserTeachPlatform, type TeachPlatform } from './ruleScripts';

export type OverlayHandlerName =
  | 'getSiteRule'
  | 'loadBuyerCard'
  | 'loadRuleReader'
  | 'startTeachMode'
  | 'submitTeachDraft'
  | 'getTeachDraft'
  | 'saveSiteRule'
  | 'deleteSiteRule';

function originOf(url: string): string {
  return new URL(url).origin;
}

async function ruleForOrigin(deps: ServiceDeps, origin: string): Promise<CustomRule | null> {
  return siteRuleForOrigin(deps.db, origin);
}

/**
 * Teach mode and custom site rules. A content script can only read the rule of its own page's
 * origin and only start the picker in its own tab; saving a rule is for extension pages, after
 * the seller granted that origin (teach.html asks in the click that saves).
 */
export function createOverlayHandlers(
  deps: ServiceDeps,
  platform: TeachPlatform = browserTeachPlatform(),
): Pick<Handlers, OverlayHandlerName> {
  const { db, now } = deps;
  return {
    async getSiteRule(_data, sender) {
      if (sender.kind !== 'content') return null;
      return ruleForOrigin(deps, originOf(sender.url));
    },

    async loadBuyerCard(_data, sender) {
      // The card is a separate bundle so the always-on content script stays small.
      if (sender.kind !== 'content' || sender.tabId === undefined) return { loaded: false };
      await platform.injectCard(sender.tabId);
      return { loaded: true };
    },

    async loadRuleReader(_data, sender) {
      // Only a page whose origin has a rule needs it: built-in sites' scripts stay without it.
      if (sender.kind !== 'content' || sender.tabId === undefined) return { loaded: false };
      if (!(await ruleForOrigin(deps, originOf(sender.url)))) return { loaded: false };
      await platform.injectRuleReader(sender.tabId);
      return { loaded: true };
    },

    async startTeachMode({ tabId }, sender) {
      const target = sender.kind === 'content' ? sender.tabId : tabId;
      if (target === undefined) throw new HandlerError('invalid-message', 'Which tab should be taught?');
      try {
        await platform.injectPicker(target);
      } catch (e) {
        throw new HandlerError(
          'forbidden',
          `Buyer Tiers cannot reach this tab (${e instanceof Error ? e.message : String(e)}). Open the popup on the page, or use the page's right-click menu.`,
        );
      }
      return { started: true };
    },

    async submitTeachDraft(draft, sender) {
      if (sender.kind !== 'content') throw new HandlerError('forbidden', 'Drafts come from the page picker.');
      const origin = originOf(sender.url);
      if (adapterForUrl(sender.url)) {
        throw new HandlerError('conflict', 'Buyer Tiers already has a built-in adapter for this site.');
      }
      const token = globalThis.crypto.randomUUID();
      await platform.saveDraft(token, { origin, tabId: sender.tabId, draft });
      await platform.openTeachWindow(token);
      return { token };
    },

    async getTeachDraft({ token }) {
      const stored = await platform.loadDraft(token);
      if (!stored) throw new HandlerError('not-found', 'This teach-mode draft has expired; pick again.');
      return { token, ...stored };
    },

    async saveSiteRule({ rule: input, tabId }) {
      if (adapterForUrl(`${input.origin}/`)) {
        throw new HandlerError('conflict', 'Buyer Tiers already has a built-in adapter for this site.');
      }
      if (!input.chatBuyerSelector && !input.listBuyerSelector) {
        throw new HandlerError('invalid-message', 'Teach at least the buyer name (in a chat or a list).');
      }
      if (!(await platform.hasOriginPermission(input.origin))) {
        throw new HandlerError('forbidden', `Buyer Tiers has no access to ${input.origin} yet.`);
      }
      const existing = await ruleForOrigin(deps, input.origin);
      const rule = CustomRule.parse({
        ...input,
        id: input.id ?? existing?.id ?? (await unusedRuleId(db, now())),
        createdAt: existing?.createdAt ?? now(),
      });
      const clash = await ruleSlugOwner(db, rule.id);
      if (clash) {
        // Same slug = same platform: the two sites' buyers would become one.
        throw new HandlerError(
          'conflict',
          `The rule id "${rule.id}" is too close to the rule "${clash}" (both read as "${ruleSlug(rule.id)}"). Choose another id.`,
        );
      }
      await putSiteRule(db, rule);
      await platform.registerRule(rule);
      // Badges on the taught tab at once, without a reload.
      if (tabId !== undefined) await platform.injectOverlay(tabId, rule.origin).catch(() => {});
      return rule;
    },

    async deleteSiteRule({ id }) {
      const row = await removeSiteRule(db, id);
      await platform.unregisterRule(id);
      if (row && !(await originHasSiteRule(db, row.origin))) {
        // The origin was granted for this rule only: give the access back.
        await platform.releaseOriginPermission(row.origin);
      }
      return { deleted: id };
    },
  };
}
