import { afterEach, describe, expect, it } from 'vitest';
import type { Rescorer, ServiceDeps } from '@/core/background/context';
import { createOverlayHandlers } from '@/core/background/overlayHandlers';
import type { HandlerError } from '@/core/background/router';
import type { TeachPlatform } from '@/core/background/ruleScripts';
import type { SenderInfo } from '@/core/background/sender';
import { createSiteRuleHandlers } from '@/core/background/siteRuleHandlers';
import { REQUESTS } from '@/core/messageSchemas';
import type { CustomRule } from '@/core/sites/customRule';
import { siteRuleFileOf } from '@/core/sites/ruleFile';
import { BuyerTiersDB } from '@/core/store';
import { UNROUTED } from '../../support/background';

const PAGE: SenderInfo = { kind: 'page' };
const STATUS = { running: false, done: 0, total: 0 };
const rescorer: Rescorer = {
  afterWrite: async () => {},
  full: async () => STATUS,
  status: () => STATUS,
  suggestActions: async () => [],
};
const T0 = Date.UTC(2026, 1, 3);

const dbs: BuyerTiersDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Handlers over a fresh database and a fake browser that granted `granted` origins. */
function setup(granted: readonly string[]) {
  const db = new BuyerTiersDB(`rule-files-${Math.random()}`);
  dbs.push(db);
  const registered = new Map<string, string>();
  const platform = {
    hasOriginPermission: async (origin: string) => granted.includes(origin),
    registerRule: async (rule: CustomRule) => {
      registered.set(rule.id, rule.origin);
    },
    unregisterRule: async (id: string) => {
      registered.delete(id);
    },
    releaseOriginPermission: async () => {},
    injectOverlay: async () => {},
  } as Partial<TeachPlatform> as TeachPlatform;
  const deps: ServiceDeps = {
    db,
    now: () => T0,
    browserLanguage: 'en',
    signal: () => {},
    rescorer,
  };
  const h = { ...createSiteRuleHandlers(deps, platform), ...createOverlayHandlers(deps, platform) };
  return { db, h, registered };
}

const taught = (origin: string, id?: string) => ({
  ...(id ? { id } : {}),
  origin,
  label: 'Shop chat',
  chatBuyerSelector: 'h2.peer',
  listBuyerSelector: '#threads .nick',
});

async function refusal(p: Promise<unknown>): Promise<HandlerError> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: HandlerError) => e,
  );
}

describe('rule ids are unique by slug (one platform per rule)', () => {
  it('refuses a second rule whose id slugs like another rule’s', async () => {
    const { db, h } = setup(['https://a.example', 'https://b.example']);
    await h.saveSiteRule({ rule: taught('https://a.example', 'Shop_A') }, PAGE, UNROUTED);
    const e = await refusal(h.saveSiteRule({ rule: taught('https://b.example', 'shop-a') }, PAGE, UNROUTED));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('shop-a');
    expect((await db.siteRules.toArray()).map((r) => r.id)).toEqual(['Shop_A']);
    // Re-saving the same rule is not a clash with itself.
    await h.saveSiteRule(
      { rule: { ...taught('https://a.example', 'Shop_A'), label: 'Renamed' } },
      PAGE,
      UNROUTED,
    );
    expect((await db.siteRules.get('Shop_A'))?.label).toBe('Renamed');
  });
});

describe('site-rule files', () => {
  it('export one rule, import it on another browser: new id, same selectors and dates, registered', async () => {
    const a = setup(['http://shop.example.test']);
    const saved = await a.h.saveSiteRule({ rule: taught('http://shop.example.test') }, PAGE, UNROUTED);
    const file = await a.h.exportSiteRule({ id: saved.id }, PAGE, UNROUTED);
    expect(JSON.stringify(file)).not.toContain(saved.id);

    const b = setup(['http://shop.example.test']);
    const res = await b.h.importSiteRule({ file: JSON.parse(JSON.stringify(file)) }, PAGE, UNROUTED);
    expect(res.replaced).toBe(false);
    expect(res.overrides).toBeUndefined();
    const { id: _a, ...sameA } = saved;
    const { id: _b, ...sameB } = res.rule;
    expect(sameB).toEqual(sameA);
    expect(b.registered.get(res.rule.id)).toBe('http://shop.example.test');
    // Pages learn of the new rule from the router's signal for what the message declares.
    expect(REQUESTS.importSiteRule.invalidates).toEqual(['settings']);
    expect(await b.h.listSiteRules({}, PAGE, UNROUTED)).toMatchObject([
      { id: res.rule.id, origin: 'http://shop.example.test' },
    ]);

    // Importing again (a newer fix from a colleague) replaces the site's rule, under its id.
    const again = await b.h.importSiteRule(
      { file: { ...file, rule: { ...file.rule, chatBuyerSelector: '.peer-bar h2' } } },
      PAGE,
      UNROUTED,
    );
    expect(again).toMatchObject({
      replaced: true,
      rule: { id: res.rule.id, chatBuyerSelector: '.peer-bar h2' },
    });
    expect(await b.db.siteRules.count()).toBe(1);
  });

  it('stores nothing without the origin permission', async () => {
    const a = setup(['http://shop.example.test']);
    const saved = await a.h.saveSiteRule({ rule: taught('http://shop.example.test') }, PAGE, UNROUTED);
    const file = await a.h.exportSiteRule({ id: saved.id }, PAGE, UNROUTED);
    const b = setup([]);
    const e = await refusal(b.h.importSiteRule({ file }, PAGE, UNROUTED));
    expect(e.code).toBe('forbidden');
    expect(await b.db.siteRules.count()).toBe(0);
    expect(b.registered.size).toBe(0);
  });

  it('a rule for a built-in site overrides the built-in adapter there, read by the built-in content script', async () => {
    const b = setup(['https://web.whatsapp.com']);
    const file = siteRuleFileOf(
      { id: 'x', ...taught('https://web.whatsapp.com'), createdAt: T0 } as CustomRule,
      T0,
    );
    const res = await b.h.importSiteRule({ file }, PAGE, UNROUTED);
    expect(res.overrides).toBe('WhatsApp Web');
    // No second registration of the content script on an origin the built-in one serves.
    expect(b.registered.size).toBe(0);
    expect(await b.h.listSiteRules({}, PAGE, UNROUTED)).toMatchObject([{ overrides: 'WhatsApp Web' }]);
    // Teaching a built-in site is still refused: only rule files override built-ins.
    const e = await refusal(b.h.saveSiteRule({ rule: taught('https://web.whatsapp.com') }, PAGE, UNROUTED));
    expect(e.code).toBe('conflict');
  });

  it('imported ids never clash by slug with this browser’s rules', async () => {
    const b = setup(['https://a.example', 'https://b.example']);
    for (const origin of ['https://a.example', 'https://b.example']) {
      const file = siteRuleFileOf({ id: 'x', ...taught(origin), createdAt: T0 } as CustomRule, T0);
      await b.h.importSiteRule({ file }, PAGE, UNROUTED);
    }
    const ids = (await b.db.siteRules.toArray()).map((r) => r.id);
    expect(new Set(ids.map((id) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-'))).size).toBe(2);
  });
});
