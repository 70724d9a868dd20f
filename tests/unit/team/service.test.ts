/**
 * The team messages through the background's router, against a real team server in this
 * process: nothing reaches the network before joining or without the origin permission; a wrong
 * code is refused in words; joined, the browser syncs and refuses to delete everything or restore
 * until it leaves; leaving stops the traffic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Fetch } from '../../../core/background/team/client';
import type { SessionStore, TeamSession } from '../../../core/background/team/membership';
import { TeamService } from '../../../core/background/team/service';
import { TeamSync } from '../../../core/background/team/sync';
import { TeamState } from '../../../core/store/teamState';
import type { TeamStatusDto } from '../../../core/teamDtos';
import { type RunningTeamServer, startTeamServer } from '../../../server/team/server';
import { testBackgrounds } from '../../support/background';
import { until } from '../../support/teamClient';

const backgrounds = testBackgrounds('team-service');

describe('team messages', () => {
  let dir: string;
  let server: RunningTeamServer;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), 'team-service-'));
    server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, teamName: 'Tea shop' });
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function setup(granted: boolean) {
    const db = backgrounds.database();
    let session: TeamSession | null = null;
    const sessions: SessionStore = {
      get: async () => session,
      set: async (s) => {
        session = s;
      },
    };
    const requests: string[] = [];
    const fetchSpy: Fetch = (url, init) => {
      requests.push(url);
      return fetch(url, init);
    };
    const sync = new TeamSync({
      db,
      state: new TeamState(`team-service-state-${Math.random()}`),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      WebSocketImpl: WebSocket,
    });
    const team = new TeamService({
      sessions,
      sync,
      now: () => Date.now(),
      fetch: fetchSpy,
      hasOriginPermission: async (o) => granted && o === origin,
    });
    // A unit (settings, class summaries) starts after the shared rows and stops before them.
    const unitCalls: string[] = [];
    team.addUnit({
      start: async (s, firstSync) => {
        unitCalls.push(`start ${s.member.role} first=${firstSync} syncing=${sync.running}`);
      },
      stop: async (forget) => {
        unitCalls.push(`stop forget=${forget} syncing=${sync.running}`);
      },
    });
    const bg = backgrounds.background(db, { now: Date.now(), team });
    return { bg, team, requests, sync, unitCalls };
  }

  it('does nothing on the network before joining, and not without the origin permission', async () => {
    const { bg, team, requests, sync, unitCalls } = setup(false);
    await team.resume();
    expect(sync.running).toBe(false);
    expect(unitCalls).toEqual([]);
    expect(await bg.call<TeamStatusDto>('getTeamStatus', {})).toMatchObject({
      inTeam: false,
      sync: { connection: 'off' },
    });
    const res = await bg.raw('joinTeam', { server: origin, code: server.ownerCode!, name: 'Owner' });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(res.ok ? '' : res.error.message).toMatch(/may not reach http:\/\/127\.0\.0\.1:\d+: allow it/);
    expect(requests).toEqual([]);
  });

  it('refuses a wrong code and a bad address in words', async () => {
    const { bg } = setup(true);
    const wrong = await bg.raw('joinTeam', { server: origin, code: 'AAAA-BBBB-CCCC', name: 'Owner' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'This join code is not valid. Check it with the shop owner.' },
    });
    const address = await bg.raw('joinTeam', {
      server: 'ftp://shop',
      code: server.ownerCode!,
      name: 'Owner',
    });
    expect(address.ok ? '' : address.error.message).toMatch(/must start with https:\/\/ /);
  });

  it('joins, syncs, guards delete-everything and restore, invites, and leaves', async () => {
    const { bg, sync, unitCalls } = setup(true);
    const joined = await bg.call<TeamStatusDto>('joinTeam', {
      server: `${origin}/`,
      code: server.ownerCode!,
      name: 'Owner Wang',
    });
    expect(joined).toMatchObject({ inTeam: true, role: 'owner', teamName: 'Tea shop', origin });
    await until(() => sync.status().connection === 'connected', 'the connection');
    const del = await bg.raw('deleteEverything', { confirm: 'DELETE' });
    expect(del).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(del.ok ? '' : del.error.message).toMatch(/leave the team first/);
    const restore = await bg.raw('applyRestore', { content: '{}', mode: 'replace' });
    expect(restore).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const invite = await bg.call<{ code: string }>('createTeamInvite', {});
    expect(invite.code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const members = await bg.call<{ name: string; role: string }[]>('listTeamMembers', {});
    expect(members.map((m) => [m.name, m.role])).toEqual([['Owner Wang', 'owner']]);
    const before = server.connections();
    expect(before).toBeGreaterThan(0);
    await bg.call('leaveTeam', {});
    await until(() => server.connections() < before, 'the connections to close');
    expect(await bg.call<TeamStatusDto>('getTeamStatus', {})).toMatchObject({ inTeam: false });
    expect(unitCalls).toEqual(['start owner first=true syncing=true', 'stop forget=true syncing=true']);
  });

  it('a marketplace page cannot send team messages', async () => {
    const { bg } = setup(true);
    const res = await bg.raw(
      'joinTeam',
      { server: origin, code: 'x', name: 'Eve' },
      { id: 'ext-id', url: 'https://web.whatsapp.com/', tab: { id: 3, url: 'https://web.whatsapp.com/' } },
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
