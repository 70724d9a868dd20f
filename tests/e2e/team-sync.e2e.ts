/**
 * Team sync in real browsers: three Chromium profiles with the built extension join a real team
 * server (`npm run team-server`, on loopback) through the background's team messages, sent from
 * each profile's dashboard page. A tag, a link and a note made in one profile appear in the
 * others; two agents tagging one buyer at once keep both tags; edits made while the server is
 * killed and restarted arrive when it is back; the agents' browsers contact only the team
 * server. These tests drive the messages directly; tests/e2e/team-dashboard.e2e.ts drives the
 * dashboard's Team section that sends them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import type { TeamStatusDto } from '../../core/teamDtos';
import { startTeamServer, type TeamServerProcess } from '../support/teamServer';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { eventually, noteOf as noteOfIn, tagNamesOf as tagNamesOfIn } from './support/teamData';

interface Profile {
  ext: ExtensionSession;
  page: Page;
  requests: string[];
}

let dir: string;
let server: TeamServerProcess;
const profiles: Profile[] = [];

async function profile(): Promise<Profile> {
  const ext = await launchWithExtension();
  const requests: string[] = [];
  ext.context.on('request', (r) => requests.push(r.url()));
  const page = await ext.openExtensionPage('dashboard.html');
  const p = { ext, page, requests };
  profiles.push(p);
  return p;
}

const tagNamesOf = (p: Profile, buyerKey: string) => tagNamesOfIn(p.ext, buyerKey);
const noteOf = (p: Profile, buyerKey: string) => noteOfIn(p.ext, buyerKey);

let owner: Profile;
let li: Profile;
let zhao: Profile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'team-e2e-'));
  server = await startTeamServer(dir);
  owner = await profile();
  li = await profile();
  zhao = await profile();
  const joined = await askPage<TeamStatusDto>(owner.page, 'joinTeam', {
    server: server.httpUrl,
    code: server.ownerCode,
    name: 'Owner Wang',
  });
  expect(joined).toMatchObject({ inTeam: true, role: 'owner' });
  // The owner's browser holds the orders (a note needs a buyer this browser knows).
  await askPage(owner.page, 'recordCapturedOrders', {
    platform: 'amazon',
    orders: ['wang', 'sun'].map((buyerId, i) => ({
      orderId: `303-000000${i}-1234567`,
      buyerId,
      buyerName: buyerId,
      placedAt: Date.parse('2026-11-21T09:00:00Z'),
      total: 4500,
      currency: 'EUR',
      status: 'paid',
      items: [{ title: 'Wool scarf', qty: 1, unitPrice: 4500 }],
    })),
  });
  for (const [agent, name] of [
    [li, 'Agent Li'],
    [zhao, 'Agent Zhao'],
  ] as const) {
    const invite = await askPage<{ code: string }>(owner.page, 'createTeamInvite', {});
    const status = await askPage<TeamStatusDto>(agent.page, 'joinTeam', {
      server: server.httpUrl,
      code: invite.code,
      name,
    });
    expect(status).toMatchObject({ inTeam: true, role: 'agent', memberName: name });
  }
}, 240_000);

afterAll(async () => {
  for (const p of profiles) await p.ext.close().catch(() => {});
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('team sync between Chromium profiles', () => {
  it('a tag and a note made in one profile appear in the other two', async () => {
    const vip = await askPage<Tag>(owner.page, 'createTag', { name: 'VIP', color: '#aa0000' });
    await askPage(owner.page, 'tagBuyers', { buyerKeys: ['amazon:wang'], tagId: vip.id });
    await askPage(owner.page, 'saveNote', { buyerKey: 'amazon:wang', text: 'prefers SF Express' });
    for (const agent of [li, zhao]) {
      await eventually(async () => (await tagNamesOf(agent, 'amazon:wang')).join() === 'VIP', 'the tag');
      await eventually(async () => (await noteOf(agent, 'amazon:wang')) === 'prefers SF Express', 'the note');
    }
    const members = await askPage<{ name: string }[]>(li.page, 'listTeamMembers', {});
    expect(members.map((m) => m.name)).toEqual(['Owner Wang', 'Agent Li', 'Agent Zhao']);
  });

  it('two agents tagging one buyer at once keep both tags, in every profile', async () => {
    const late = await askPage<Tag>(li.page, 'createTag', { name: 'Late payer', color: '#0000aa' });
    const gift = await askPage<Tag>(zhao.page, 'createTag', { name: 'Gift buyer', color: '#00aa00' });
    await Promise.all([
      askPage(li.page, 'tagBuyers', { buyerKeys: ['amazon:zhou'], tagId: late.id }),
      askPage(zhao.page, 'tagBuyers', { buyerKeys: ['amazon:zhou'], tagId: gift.id }),
    ]);
    for (const p of [owner, li, zhao])
      await eventually(
        async () => (await tagNamesOf(p, 'amazon:zhou')).join() === 'Gift buyer,Late payer',
        'both tags',
      );
  });

  it('edits made while the server is killed arrive once it is restarted, nothing lost', async () => {
    const port = server.port;
    await server.stop('SIGKILL');
    await eventually(
      async () =>
        (await askPage<TeamStatusDto>(li.page, 'getTeamStatus', {})).sync.connection !== 'connected',
      'the agent to see the server gone',
    );
    const quiet = await askPage<Tag>(li.page, 'createTag', { name: 'Quiet', color: '#333333' });
    await askPage(li.page, 'tagBuyers', { buyerKeys: ['amazon:sun'], tagId: quiet.id });
    await askPage(owner.page, 'saveNote', { buyerKey: 'amazon:sun', text: 'called twice' });
    server = await startTeamServer(dir, { port });
    for (const p of [owner, zhao])
      await eventually(async () => (await tagNamesOf(p, 'amazon:sun')).join() === 'Quiet', 'the offline tag');
    for (const p of [li, zhao])
      await eventually(async () => (await noteOf(p, 'amazon:sun')) === 'called twice', 'the offline note');
  });

  it('an agent’s browser contacts only the team server', () => {
    const origins = new Set(
      li.requests.filter((u) => !/^(chrome-extension|data|blob):/.test(u)).map((u) => new URL(u).origin),
    );
    expect([...origins]).toEqual([server.httpUrl]);
  });
});
