/**
 * Two team server instances behind one Redis (Debian's redis-server, started here) and one
 * shared SQLite folder, as `--redis` documents: a change made through one instance reaches a
 * member connected to the other, and a removal through one instance stops writes through the
 * other. Fails, never skips, when redis-server is missing (`.ci/run` installs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, KEY_SEP } from '../../../core/team/entries';
import { bucketOf, docName, ENDPOINTS, InviteResponse, type JoinResponse } from '../../../core/team/protocol';
import type { Started } from '../../support/processes';
import { call, join, NodeMember, until } from '../../support/teamClient';
import { startRedis, startTeamServer, type TeamServerProcess } from '../../support/teamServer';

const BUYER = 'amazon:A1B2C3';

describe('team server instances over Redis', () => {
  let dir: string;
  let redis: Started & { url: string };
  let first: TeamServerProcess;
  let second: TeamServerProcess;
  let owner: JoinResponse;
  let agent: JoinResponse;
  const members: NodeMember[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), 'team-redis-'));
    redis = await startRedis();
    first = await startTeamServer(dir, { redisUrl: redis.url });
    second = await startTeamServer(dir, { redisUrl: redis.url });
    owner = await join(first.httpUrl, first.ownerCode!, 'Owner');
    const invite = await call(second.httpUrl, ENDPOINTS.invites, {
      token: owner.token,
      body: { role: 'agent' },
    });
    agent = await join(second.httpUrl, InviteResponse.parse(invite.json).code, 'Agent');
  });
  afterAll(async () => {
    for (const m of members) m.destroy();
    await Promise.all([first?.stop(), second?.stop()]);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('both instances serve the one team created by the first', () => {
    expect(second.teamId).toBe(first.teamId);
    expect(second.ownerCode).toBeUndefined();
    expect(second.port).not.toBe(first.port);
  });

  it('a change made through one instance reaches a member on the other, both ways', async () => {
    const name = docName({ teamId: first.teamId, kind: 'links', bucket: bucketOf(BUYER) });
    const onFirst = new NodeMember(first.wsUrl, owner.token);
    const onSecond = new NodeMember(second.wsUrl, agent.token);
    members.push(onFirst, onSecond);
    const a = await onFirst.open(name);
    const b = await onSecond.open(name);
    a.doc.getMap(ENTRIES).set(`${BUYER}${KEY_SEP}vip`, { at: Date.now(), by: owner.memberId });
    await until(
      () => b.doc.getMap(ENTRIES).has(`${BUYER}${KEY_SEP}vip`),
      'the owner’s tag on the second instance',
    );
    b.doc.getMap(ENTRIES).set(`${BUYER}${KEY_SEP}late-payer`, { at: Date.now(), by: agent.memberId });
    await until(
      () => a.doc.getMap(ENTRIES).has(`${BUYER}${KEY_SEP}late-payer`),
      'the agent’s tag on the first',
    );
  });

  it('removing a member through one instance stops its writes through the other', async () => {
    const name = docName({ teamId: first.teamId, kind: 'notes', bucket: bucketOf(BUYER) });
    const onSecond = new NodeMember(second.wsUrl, agent.token);
    const watcher = new NodeMember(first.wsUrl, owner.token);
    members.push(onSecond, watcher);
    const b = await onSecond.open(name);
    const w = await watcher.open(name);
    let closed = false;
    b.provider.on('close', () => {
      closed = true;
    });
    const removed = await call(first.httpUrl, `${ENDPOINTS.members}/${agent.memberId}`, {
      method: 'DELETE',
      token: owner.token,
    });
    expect(removed.status).toBe(200);
    b.doc
      .getMap(ENTRIES)
      .set(`${BUYER}${KEY_SEP}v1`, { text: 'after removal', replaces: [], at: 1, by: agent.memberId });
    await until(() => closed, 'the second instance to close the removed agent’s connection');
    await new Promise((r) => setTimeout(r, 500));
    expect(w.doc.getMap(ENTRIES).size).toBe(0);
    expect(second.output()).toMatch(/membership-revoked/);
  });
});
