import { browser } from 'wxt/browser';
import type { TeachDraft } from '../messageSchemas';
import type { CustomRule } from '../sites/customRule';
import { adapterForUrl } from '../sites/registry';
import { originPattern } from '../sites/ruleAdapter';
import type { BuyerTiersDB } from '../store';
import { validSiteRules } from '../store/siteRuleData';

/** The one content script file; teach-mode origins get it registered dynamically. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** The buyer card, injected on first use beside the content script (entrypoints/buyer-card.ts). */
export const BUYER_CARD_FILE = '/buyer-card.js';
/** A taught rule's reader, injected beside a built-in site's script that has one (entrypoints/rule-reader.ts). */
export const RULE_READER_FILE = '/rule-reader.js';
/** The unlisted teach-mode picker (entrypoints/teach-picker.ts). */
export const TEACH_PICKER_FILE = '/teach-picker.js';
const SCRIPT_PREFIX = 'rule-';
const DRAFT_PREFIX = 'bt:teach:';

export interface StoredDraft {
  origin: string;
  tabId?: number;
  draft: TeachDraft;
}

/**
 * Everything teach mode needs from the browser, behind one interface so the handlers stay
 * testable with a fake: injecting scripts, the permission check, the dynamic content-script
 * registrations and the short-lived drafts (session storage: gone when the browser closes).
 */
export interface TeachPlatform {
  injectPicker(tabId: number): Promise<void>;
  injectCard(tabId: number): Promise<void>;
  injectRuleReader(tabId: number): Promise<void>;
  injectOverlay(tabId: number, origin: string): Promise<void>;
  hasOriginPermission(origin: string): Promise<boolean>;
  releaseOriginPermission(origin: string): Promise<void>;
  registerRule(rule: CustomRule): Promise<void>;
  unregisterRule(id: string): Promise<void>;
  saveDraft(token: string, draft: StoredDraft): Promise<void>;
  loadDraft(token: string): Promise<StoredDraft | undefined>;
  openTeachWindow(token: string): Promise<void>;
}

export function scriptIdOf(ruleId: string): string {
  return `${SCRIPT_PREFIX}${ruleId}`;
}

async function tabOrigin(tabId: number): Promise<string | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ? new URL(tab.url).origin : undefined;
  } catch {
    return undefined;
  }
}

export function browserTeachPlatform(): TeachPlatform {
  return {
    async injectPicker(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [TEACH_PICKER_FILE] });
    },
    async injectCard(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [BUYER_CARD_FILE] });
    },
    async injectRuleReader(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [RULE_READER_FILE] });
    },
    async injectOverlay(tabId, origin) {
      // Only into the tab the rule was taught on, and only while it still shows that origin.
      if ((await tabOrigin(tabId)) !== origin) return;
      await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] });
    },
    hasOriginPermission: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    async releaseOriginPermission(origin) {
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    },
    async registerRule(rule) {
      const id = scriptIdOf(rule.id);
      await browser.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
      await browser.scripting.registerContentScripts([
        {
          id,
          matches: [originPattern(rule.origin)],
          js: [CONTENT_SCRIPT_FILE],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    },
    async unregisterRule(id) {
      await browser.scripting.unregisterContentScripts({ ids: [scriptIdOf(id)] }).catch(() => {});
    },
    async saveDraft(token, draft) {
      await browser.storage.session.set({ [`${DRAFT_PREFIX}${token}`]: draft });
    },
    async loadDraft(token) {
      const key = `${DRAFT_PREFIX}${token}`;
      const got = await browser.storage.session.get(key);
      return got[key] as StoredDraft | undefined;
    },
    async openTeachWindow(token) {
      await browser.windows.create({
        url: browser.runtime.getURL(`/teach.html?draft=${encodeURIComponent(token)}`),
        type: 'popup',
        width: 520,
        height: 680,
      });
    },
  };
}

/**
 * On startup the registered `rule-*` scripts are made to match the rules in the database: a
 * rule whose origin permission was revoked is left unregistered, a script without a rule goes,
 * and so does one for a built-in site, whose own content script already runs there.
 */
export async function syncRuleScripts(rules: readonly CustomRule[], platform: TeachPlatform): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const wanted = new Set<string>();
  for (const rule of rules) {
    // A rule for a built-in site is read by the built-in content script (siteAdapter.ts).
    if (adapterForUrl(`${rule.origin}/`)) continue;
    if (!(await platform.hasOriginPermission(rule.origin))) continue;
    wanted.add(scriptIdOf(rule.id));
    const existing = registered.find((s) => s.id === scriptIdOf(rule.id));
    if (!existing || existing.matches?.[0] !== originPattern(rule.origin)) await platform.registerRule(rule);
  }
  const stale = registered
    .filter((s) => s.id.startsWith(SCRIPT_PREFIX) && !wanted.has(s.id))
    .map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
}

/**
 * `syncRuleScripts` over the rules stored in the database (rows that no longer validate are
 * ignored, as teach mode ignores them). Run on startup and after a backup is restored.
 */
export async function syncStoredRuleScripts(db: BuyerTiersDB, platform: TeachPlatform): Promise<void> {
  await syncRuleScripts(await validSiteRules(db), platform);
}

/** Host patterns the manifest grants at install (the built-in marketplaces): never released. */
function requiredOrigins(): Set<string> {
  const m = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  return new Set([...(m.host_permissions ?? []), ...(m.permissions ?? [])].filter((p) => p.includes('://')));
}

/**
 * For "Delete everything": gives back what teach mode took. Every taught content script
 * (`rule-*`) is unregistered and every optional origin the seller granted is released, so a
 * deleted install does not keep running on, or keep access to, the sites it was taught.
 */
export async function releaseAllTeachAccess(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ids = registered.filter((s) => s.id.startsWith(SCRIPT_PREFIX)).map((s) => s.id);
  if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
  const required = requiredOrigins();
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const optional = granted.filter((o) => !required.has(o));
  if (optional.length > 0) await browser.permissions.remove({ origins: optional });
}
