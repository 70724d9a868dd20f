/**
 * The team server as a seller's browsers meet it: a real `npm run team-server` process on
 * loopback, joined over HTTP and synced over WebSocket with @hocuspocus/provider. Covers the
 * issue's bad input: wrong and used codes, removed members, agents writing settings, malformed,
 * invalid and oversized updates, and a restart keeping everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultSettings } from '../../../core/model';
import { ENTRIES, KEY_SEP, SETTINGS_KEY } from '../../../core/team/entries';
import {
  bucketOf,
  docName,
  ENDPOINTS,
  InviteResponse,
  type JoinResponse,
  MembersResponse,
  TeamError,
} from '../../../core/team/protocol';
import { call, join, NodeMember, until } from '../../support/teamClient';
import { startTeamServer, type TeamServerProcess } from '../../support/teamServer';

const BUYER = 'taobao:buyer-1';
const linkKey = (buyerKey: string, tagId: string) => `${buyerKey}${KEY_SEP}${tagId}`;

describe('team server', () => {
  let dir: string;
  let server: TeamServerProcess;
  let owner: JoinResponse;
  let agent: JoinResponse;
  const members: NodeMember[] = [];
  const member = (token: string) => {
    const m = new NodeMember(server.wsUrl, token);
    members.push(m);
    return m;
  };
  const links = (teamId: string) => docName({ teamId, kind: 'links', bucket: bucketOf(BUYER) });

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), 'team-server-'));
    server = await startTeamServer(dir);
  });
  afterAll(async () => {
    for (const m of members) m.destroy();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the owner join code on first start and refuses a wrong code in words', async () => {
    expect(server.ownerCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const wrong = await call(server.httpUrl, ENDPOINTS.join, {
      body: { code: 'AAAA-BBBB-CCCC', name: 'Mallory' },
    });
    expect(wrong.status).toBe(403);
    expect(TeamError.parse(wrong.json)).toEqual({
      error: 'code-unknown',
      message: 'This join code is not valid. Check it with the shop owner.',
    });
    const garbage = await call(server.httpUrl, ENDPOINTS.join, { body: { code: 'hello', name: 'Mallory' } });
    expect(TeamError.parse(garbage.json).error).toBe('code-unknown');
  });

  it('lets the owner join once, with the code typed loosely', async () => {
    owner = await join(server.httpUrl, server.ownerCode!.toLowerCase().replace(/-/g, ' '), 'Owner Wang');
    expect(owner).toMatchObject({ role: 'owner', teamId: server.teamId, name: 'Owner Wang' });
    const again = await call(server.httpUrl, ENDPOINTS.join, {
      body: { code: server.ownerCode, name: 'Eve' },
    });
    expect(TeamError.parse(again.json)).toMatchObject({ error: 'code-used' });
    expect(TeamError.parse(again.json).message).toMatch(/already used/);
  });

  it('the owner invites an agent; the agent cannot invite; both are listed', async () => {
    const invite = await call(server.httpUrl, ENDPOINTS.invites, {
      token: owner.token,
      body: { role: 'agent' },
    });
    expect(invite.status).toBe(200);
    agent = await join(server.httpUrl, InviteResponse.parse(invite.json).code, 'Agent Li');
    expect(agent.role).toBe('agent');
    const byAgent = await call(server.httpUrl, ENDPOINTS.invites, {
      token: agent.token,
      body: { role: 'agent' },
    });
    expect(byAgent.status).toBe(403);
    expect(TeamError.parse(byAgent.json).error).toBe('owner-only');
    const list = MembersResponse.parse(
      (await call(server.httpUrl, ENDPOINTS.members, { token: agent.token })).json,
    );
    expect(list.members.map((m) => [m.name, m.role])).toEqual([
      ['Owner Wang', 'owner'],
      ['Agent Li', 'agent'],
    ]);
  });

  it('refuses WebSocket connections without a member token or to a document that is not the team’s', async () => {
    const stranger = await member('not-a-token').open(links(server.teamId));
    expect(stranger.refused).toBe('not-a-member');
    const otherTeam = await member(owner.token).open(links('zzzzzzzzzzzz'));
    expect(otherTeam.refused).toBe('wrong-team');
    const unknown = await member(owner.token).open(`team/${server.teamId}/orders`);
    expect(unknown.refused).toBe('unknown-document');
  });

  it('an agent’s tag reaches the owner; both agents’ concurrent tags are kept', async () => {
    const a = await member(agent.token).open(links(server.teamId));
    const o = await member(owner.token).open(links(server.teamId));
    expect(a.readOnly).toBe(false);
    const now = Date.now();
    a.doc.getMap(ENTRIES).set(linkKey(BUYER, 'vip'), { at: now, by: agent.memberId });
    o.doc.getMap(ENTRIES).set(linkKey(BUYER, 'wholesale'), { at: now, by: owner.memberId });
    await until(
      () => o.doc.getMap(ENTRIES).size === 2 && a.doc.getMap(ENTRIES).size === 2,
      'both tags on both sides',
    );
    expect([...o.doc.getMap(ENTRIES).keys()].sort()).toEqual([
      linkKey(BUYER, 'vip'),
      linkKey(BUYER, 'wholesale'),
    ]);
  });

  it('refuses an agent’s change to the settings on the server, not only in the UI', async () => {
    const settingsDoc = docName({ teamId: server.teamId, kind: 'settings' });
    const o = await member(owner.token).open(settingsDoc);
    const a = await member(agent.token).open(settingsDoc);
    expect(a.readOnly).toBe(true);
    const shop = defaultSettings('en');
    o.doc.getMap(ENTRIES).set(SETTINGS_KEY, shop);
    await until(() => a.doc.getMap(ENTRIES).has(SETTINGS_KEY), 'owner settings at the agent');
    // The agent's client ignores the read-only flag here, as a tampered extension would.
    a.doc.getMap(ENTRIES).set(SETTINGS_KEY, { ...shop, currency: 'XXX' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(o.doc.getMap(ENTRIES).get(SETTINGS_KEY)).toEqual(shop);
    const fresh = await member(owner.token).open(settingsDoc);
    expect(fresh.doc.getMap(ENTRIES).get(SETTINGS_KEY)).toEqual(shop);
  });

  it('refuses invalid, malformed and oversized updates and keeps the document as it was', async () => {
    const name = links(server.teamId);
    const watcher = await member(owner.token).open(name);
    const before = Y.encodeStateVector(watcher.doc);

    // A link whose buyer does not belong to this bucket, and a tag link with no author.
    const wrongBucket = await member(agent.token).open(name);
    let other = 'shopee:x';
    for (let i = 0; bucketOf(other) === bucketOf(BUYER); i++) other = `shopee:x${i}`;
    wrongBucket.doc.getMap(ENTRIES).set(linkKey(other, 'vip'), { at: 1, by: agent.memberId });
    const noAuthor = await member(agent.token).open(name);
    noAuthor.doc.getMap(ENTRIES).set(linkKey(BUYER, 'spam'), { at: 1 });

    // Raw bytes that are not a Yjs update, and an update far beyond the size limit.
    const raw = await member(agent.token).open(name);
    const frame = (payload: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, name);
      encoding.writeVarUint(e, 0); // sync
      encoding.writeVarUint(e, 2); // update
      encoding.writeVarUint8Array(e, payload);
      return encoding.toUint8Array(e);
    };
    raw.provider.configuration.websocketProvider.send(frame(new Uint8Array([255, 255, 255, 1, 2, 3])));
    const big = await member(agent.token).open(name);
    big.provider.configuration.websocketProvider.send(frame(new Uint8Array(5 * 1024 * 1024)));

    await new Promise((r) => setTimeout(r, 1500));
    const fresh = await member(owner.token).open(name);
    for (const d of [watcher.doc, fresh.doc]) {
      expect([...d.getMap(ENTRIES).keys()].sort()).toEqual([
        linkKey(BUYER, 'vip'),
        linkKey(BUYER, 'wholesale'),
      ]);
    }
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    // Each was refused for its own reason (the server logs why it closed each connection).
    expect(server.output()).toMatch(/refused an update .*this bucket/);
    expect(server.output()).toMatch(/refused an update .*spam: .*expected string/i);
    expect(server.output()).toMatch(/update-malformed/);
    expect(server.output()).toMatch(/update-too-large/);
  });

  it('a removed agent loses access at once: HTTP, new connections and the open one', async () => {
    const name = links(server.teamId);
    const a = await member(agent.token).open(name);
    let closed = false;
    a.provider.on('close', () => {
      closed = true;
    });
    const removed = await call(server.httpUrl, `${ENDPOINTS.members}/${agent.memberId}`, {
      method: 'DELETE',
      token: owner.token,
    });
    expect(removed.status).toBe(200);
    await until(() => closed, 'the removed agent’s connection to close');
    const info = await call(server.httpUrl, ENDPOINTS.info, { token: agent.token });
    expect(info.status).toBe(401);
    expect(TeamError.parse(info.json).message).toMatch(/not a member/);
    const again = await member(agent.token).open(name);
    expect(again.refused).toBe('not-a-member');
    const ownerRemoval = await call(server.httpUrl, `${ENDPOINTS.members}/${owner.memberId}`, {
      method: 'DELETE',
      token: owner.token,
    });
    expect(TeamError.parse(ownerRemoval.json).error).toBe('cannot-remove-owner');
  });

  it('a restart keeps the team, its members and every document', async () => {
    const name = links(server.teamId);
    const o = await member(owner.token).open(name);
    o.doc.getMap(ENTRIES).set(linkKey(BUYER, 'late'), { at: Date.now(), by: owner.memberId });
    await until(() => !o.provider.hasUnsyncedChanges, 'the server to confirm the last edit');
    for (const m of members.splice(0)) m.destroy();
    await server.stop();
    server = await startTeamServer(dir, { port: server.port });
    expect(server.ownerCode).toBeUndefined();
    const back = await member(owner.token).open(name);
    expect([...back.doc.getMap(ENTRIES).keys()].sort()).toEqual([
      linkKey(BUYER, 'late'),
      linkKey(BUYER, 'vip'),
      linkKey(BUYER, 'wholesale'),
    ]);
  });
});
