/**
 * Team sync across two team server instances joined by Redis (Debian's redis-server, started
 * here; the test fails, never skips, without it): the owner's browser is on one instance, the
 * agent's on the other, and tags cross between them both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import type { TeamStatusDto } from '../../core/teamDtos';
import type { Started } from '../support/processes';
import { startRedis, startTeamServer, type TeamServerProcess } from '../support/teamServer';
import { askPage } from './import-helpers';
import { type ExtensionSession, launchWithExtension } from './support/extension';
import { eventually, tagNamesOf } from './support/teamData';

let dir: string;
let redis: Started & { url: string };
let first: TeamServerProcess;
let second: TeamServerProcess;
const sessions: ExtensionSession[] = [];
let ownerPage: Page;
let agentPage: Page;
let agent: ExtensionSession;
let owner: ExtensionSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'team-redis-e2e-'));
  redis = await startRedis();
  first = await startTeamServer(dir, { redisUrl: redis.url });
  second = await startTeamServer(dir, { redisUrl: redis.url });
  owner = await launchWithExtension();
  agent = await launchWithExtension();
  sessions.push(owner, agent);
  ownerPage = await owner.openExtensionPage('dashboard.html');
  agentPage = await agent.openExtensionPage('dashboard.html');
  await askPage<TeamStatusDto>(ownerPage, 'joinTeam', {
    server: first.httpUrl,
    code: first.ownerCode,
    name: 'Owner',
  });
  const invite = await askPage<{ code: string }>(ownerPage, 'createTeamInvite', {});
  const joined = await askPage<TeamStatusDto>(agentPage, 'joinTeam', {
    server: second.httpUrl,
    code: invite.code,
    name: 'Agent',
  });
  expect(joined).toMatchObject({ inTeam: true, role: 'agent', origin: second.httpUrl });
}, 240_000);

afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  await Promise.all([first?.stop(), second?.stop()]);
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('team sync over two server instances and Redis', () => {
  it('a tag made on one instance reaches the browser on the other, both ways', async () => {
    const vip = await askPage<Tag>(ownerPage, 'createTag', { name: 'VIP', color: '#aa0000' });
    await askPage(ownerPage, 'tagBuyers', { buyerKeys: ['amazon:wang'], tagId: vip.id });
    await eventually(
      async () => (await tagNamesOf(agent, 'amazon:wang')).join() === 'VIP',
      'VIP at the agent',
    );
    const late = await askPage<Tag>(agentPage, 'createTag', { name: 'Late payer', color: '#0000aa' });
    await askPage(agentPage, 'tagBuyers', { buyerKeys: ['amazon:wang'], tagId: late.id });
    await eventually(
      async () => (await tagNamesOf(owner, 'amazon:wang')).join() === 'Late payer,VIP',
      'the agent’s tag at the owner',
    );
  });
});
