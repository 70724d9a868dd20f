/**
 * The change signal comes from each message's declaration (`invalidates` in REQUESTS), sent by
 * the router after the call succeeds; handlers only name the buyers or say nothing changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { type Background, dispatch } from '@/core/background/router';
import { REQUESTS, type RequestSpec } from '@/core/messageSchemas';
import type { MessageName } from '@/core/messaging';
import { CONTENT, env, PAGE, testBackgrounds } from '../../support/background';

const NOW = Date.UTC(2026, 5, 1);
const backgrounds = testBackgrounds('change-signals', { settle: true });

/**
 * Messages that change nothing another page shows, each with the reason. A new message must
 * either declare what it invalidates or be added here on purpose.
 */
const QUIET: Partial<Record<MessageName, string>> = {
  getTeamStatus: 'reads',
  listTeamMembers: 'reads (from the team server)',
  createTeamInvite: 'creates an invite on the team server; nothing local changes',
  removeTeamMember: 'changes the team server’s member list only',
  leaveTeam: 'local data stays as it was; only the team connection and its documents go',
  getBadges: 'reads',
  listTags: 'reads',
  getSiteState: 'reads',
  reportSelectorHealth: 'counts the Sites table reads when it is opened',
  reportFieldStrategies: 'counts the Sites table reads when it is opened',
  getSiteRule: 'reads',
  loadBuyerCard: 'injects the card script into the sender’s tab',
  loadRuleReader: 'injects the rule reader into the sender’s tab',
  startTeachMode: 'starts the picker in a tab; nothing is stored',
  submitTeachDraft: 'keeps a draft in memory for the teach page',
  getTeachDraft: 'reads',
  getSettings: 'reads',
  rescore: 'its end is announced by the rescorer, as every full rescore’s is',
  getRescoreStatus: 'reads',
  getOverview: 'reads',
  listImports: 'reads',
  startImport: 'an import record only; its orders are announced when the rescore after it ends',
  importBatch: 'as startImport: one refresh at the end, not one per batch',
  importHeartbeat: 'keeps a running import alive',
  finishImport: 'as startImport',
  resumeImport: 'as startImport',
  getImportRejects: 'reads',
  listPresets: 'reads',
  savePreset: 'the import page’s own list, which it reloads itself',
  deletePreset: 'the import page’s own list, which it reloads itself',
  getLeftOutOfSpend: 'reads',
  exportBuyers: 'reads',
  createBackup: 'reads',
  planRestore: 'reads; applyRestore writes',
  queryBuyers: 'reads',
  getDistributions: 'reads',
  getMovers: 'reads',
  previewSettings: 'computes a preview; nothing is stored',
  getActionTemplates: 'reads',
  previewActions: 'computes a preview; nothing is stored',
  listSiteRules: 'reads',
  getSelectorHealth: 'reads',
  exportSiteRule: 'reads',
  runClustering: 'its groups are shown by the page that asked; no buyer changes',
  getClusteringStatus: 'reads',
  groupBuyers: 'reads',
  getNeeds: 'reads',
  getLexicon: 'reads',
  getStorageUsage: 'reads',
};

describe('change signals from message declarations', () => {
  it('every message declares what it invalidates or is quiet for a stated reason', () => {
    for (const [name, spec] of Object.entries(REQUESTS) as Array<[MessageName, RequestSpec]>) {
      const declared = (spec.invalidates?.length ?? 0) > 0;
      expect(declared !== name in QUIET, `${name}: declare invalidates or list it as quiet`).toBe(true);
    }
  });

  it('announces the declared kinds with the buyers the handler named, once the call succeeded', async () => {
    const bg = backgrounds.background(backgrounds.database(), { now: NOW });
    await bg.call('seeBuyer', { platform: 'whatsapp', buyerId: '6591234567', name: 'Tan' });
    expect(bg.signals.at(-1)).toEqual({ buyerKeys: ['whatsapp:6591234567'], kinds: ['buyers'] });
    const tag = await bg.call<{ id: string }>('createTag', { name: 'VIP' });
    expect(bg.signals.at(-1)).toEqual({ buyerKeys: [], kinds: ['tags'] });
    await bg.call('tagBuyers', { buyerKeys: ['whatsapp:6591234567'], tagId: tag.id });
    expect(bg.signals.at(-1)).toEqual({ buyerKeys: ['whatsapp:6591234567'], kinds: ['tags'] });
  });

  it('announces nothing for a refused or failed call, or one that changed nothing after all', async () => {
    const bg = backgrounds.background(backgrounds.database(), { now: NOW });
    await bg.call('seeBuyer', { platform: 'whatsapp', buyerId: '6591234567' });
    const before = bg.signals.length;
    // Seen again: already known, nothing a page shows has changed.
    await bg.call('seeBuyer', { platform: 'whatsapp', buyerId: '6591234567' });
    // Refused: a WhatsApp page may not touch Amazon buyers; malformed data; an unknown tag.
    expect((await bg.raw('saveNote', { buyerKey: 'amazon:x', text: 'hi' }, CONTENT)).ok).toBe(false);
    expect((await bg.raw('tagBuyers', { buyerKeys: ['no-colon'], tagId: 't' })).ok).toBe(false);
    expect((await bg.raw('renameTag', { tagId: 'missing', name: 'x' })).ok).toBe(false);
    expect(bg.signals.length).toBe(before);
  });

  it('announces a capture switch (it used to be the one write pages never heard of)', async () => {
    const bg = backgrounds.background(backgrounds.database(), { now: NOW });
    await bg.call('setCapture', { site: 'amazon', enabled: false });
    expect(bg.signals.at(-1)).toEqual({ buyerKeys: [], kinds: ['settings'] });
  });

  it('announces the end of the full rescore a settings change starts, after the settings signal', async () => {
    const bg = backgrounds.background(backgrounds.database(), { now: NOW });
    const settings = await bg.call<Record<string, unknown>>('getSettings', {});
    await bg.call('saveSettings', { settings: { ...settings, keyAccount: { topShare: 0.1, minSpend: 0 } } });
    expect(bg.signals).toContainEqual({ buyerKeys: [], kinds: ['settings'] });
    await vi.waitFor(() => expect(bg.signals.at(-1)).toEqual({ buyerKeys: [], kinds: ['buyers'] }));
  });

  it('refuses settings that are not settings, naming the field, and stores nothing', async () => {
    const bg = backgrounds.background(backgrounds.database(), { now: NOW });
    const settings = await bg.call<Record<string, unknown>>('getSettings', {});
    const res = await bg.raw('saveSettings', { settings: { ...settings, shopCurrency: 'dollars' } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid-message');
      expect(res.error.details?.join(' ')).toContain('settings.shopCurrency');
    }
    expect(await bg.call('getSettings', {})).toEqual(settings);
    expect(bg.signals).toEqual([]);
  });

  it('treats a handler naming changes its message does not declare as a bug, not a silent signal', async () => {
    const announced: unknown[] = [];
    const background = {
      handlers: {
        listTags: async (_d: unknown, _s: unknown, changes: { buyers(k: string[]): void }) => {
          changes.buyers(['whatsapp:1']);
          return [];
        },
      },
      announce: (c: unknown) => announced.push(c),
    } as unknown as Background;
    const res = await dispatch('listTags', {}, PAGE, env, background);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain('declares no invalidates');
    expect(announced).toEqual([]);
  });
});

interface WalkDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  keyType?: unknown;
  valueType?: unknown;
  in?: unknown;
  out?: unknown;
  items?: unknown[];
  getter?: () => unknown;
}

/** Paths inside a schema that accept anything at all (`z.unknown()` / `z.any()`). */
function openPaths(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as { _zod: { def: WalkDef } })._zod.def;
  if (def.type === 'unknown' || def.type === 'any') return [path];
  const children: Array<[string, unknown]> = [
    ...Object.entries(def.shape ?? {}).map(([k, v]): [string, unknown] => [`${path}.${k}`, v]),
    ...(def.element ? [[`${path}[]`, def.element] as [string, unknown]] : []),
    ...(def.innerType ? [[path, def.innerType] as [string, unknown]] : []),
    ...(def.options ?? []).map((o): [string, unknown] => [path, o]),
    ...(def.items ?? []).map((o, i): [string, unknown] => [`${path}[${i}]`, o]),
    ...(def.keyType ? [[`${path}{key}`, def.keyType] as [string, unknown]] : []),
    ...(def.valueType ? [[`${path}{}`, def.valueType] as [string, unknown]] : []),
    ...(def.in ? [[path, def.in] as [string, unknown]] : []),
    ...(def.out ? [[path, def.out] as [string, unknown]] : []),
    ...(def.getter ? [[path, def.getter()] as [string, unknown]] : []),
  ];
  return children.flatMap(([p, child]) => openPaths(child, p, seen));
}

describe('message data schemas', () => {
  it('have no field that accepts anything: every payload is checked field by field', () => {
    const open = Object.entries(REQUESTS).flatMap(([name, spec]) => openPaths(spec.data, name));
    expect(open).toEqual([]);
  });
});
