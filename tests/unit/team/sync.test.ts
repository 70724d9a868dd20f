/**
 * Team sync between two browsers' databases (fake-indexeddb) through a real team server on
 * loopback (in this process): tags, links and notes cross both ways; concurrent tags are both
 * kept and concurrent note edits both stay visible; edits made while the server is away arrive
 * when it is back; a stopped worker resumes from its saved documents; leaving stops all traffic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TeamSession } from '../../../core/background/team/membership';
import { VERSION_SEPARATOR } from '../../../core/background/team/notesMerge';
import { TeamSync } from '../../../core/background/team/sync';
import { BuyerTiersDB, createTag, saveNote, tagBuyers, untagBuyers } from '../../../core/store';
import { TeamState } from '../../../core/store/teamState';
import { ENDPOINTS, InviteResponse } from '../../../core/team/protocol';
import { type RunningTeamServer, startTeamServer } from '../../../server/team/server';
import { call, join, until } from '../../support/teamClient';

interface Browser {
  db: BuyerTiersDB;
  state: TeamState;
  sync: TeamSync;
  session: TeamSession;
  inbound: string[];
}

let seq = 0;
const newId = () => `v${Date.now().toString(36)}${(seq++).toString(36)}`;

describe('team sync between two browsers', () => {
  let dir: string;
  let server: RunningTeamServer;
  let origin: string;
  let owner: Browser;
  let agent: Browser;

  async function browser(session: TeamSession, dbName: string): Promise<Browser> {
    const db = new BuyerTiersDB(dbName);
    await db.open();
    const state = new TeamState(`${dbName}-team`);
    const inbound: string[] = [];
    const b: Browser = { db, state, session, inbound, sync: undefined as unknown as TeamSync };
    b.sync = newSync(b);
    return b;
  }
  function newSync(b: Browser): TeamSync {
    const sync = new TeamSync({
      db: b.db,
      state: b.state,
      now: () => Date.now(),
      newId,
      WebSocketImpl: WebSocket,
    });
    sync.listen(({ buyerKeys }) => b.inbound.push(...buyerKeys));
    return sync;
  }
  const noteOf = async (b: Browser, key: string) => (await b.db.notes.get(key))?.text;
  const tagNames = async (b: Browser, buyerKey: string) => {
    const links = await b.db.buyerTags.where('buyerKey').equals(buyerKey).toArray();
    const tags = await b.db.tags.bulkGet(links.map((l) => l.tagId));
    return tags.map((t) => t?.name ?? '?').sort();
  };
  async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), 'team-sync-'));
    server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, teamName: 'Shop' });
    origin = `http://127.0.0.1:${server.port}`;
    const o = await join(origin, server.ownerCode!, 'Owner');
    const invite = await call(origin, ENDPOINTS.invites, { token: o.token, body: { role: 'agent' } });
    const a = await join(origin, InviteResponse.parse(invite.json).code, 'Agent');
    owner = await browser({ origin, member: o, joinedAt: Date.now() }, `sync-owner-${Date.now()}`);
    agent = await browser({ origin, member: a, joinedAt: Date.now() }, `sync-agent-${Date.now()}`);
    // The owner had a shop before the team: its tags and notes go to the team on joining.
    const vip = await createTag(owner.db, 'VIP', '#aa0000', 1);
    await tagBuyers(owner.db, ['taobao:wang'], vip.id, 2);
    await saveNote(owner.db, 'taobao:wang', 'prefers SF Express', 3);
    await owner.sync.start(owner.session, true);
    await agent.sync.start(agent.session, true);
  });
  afterAll(async () => {
    await owner?.sync.stop(true);
    await agent?.sync.stop(true);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an agent who joins gets the owner’s tags, links and notes', async () => {
    await eventually(
      async () => (await tagNames(agent, 'taobao:wang')).join() === 'VIP',
      'the VIP tag at the agent',
    );
    await eventually(async () => (await noteOf(agent, 'taobao:wang')) === 'prefers SF Express', 'the note');
    expect(agent.sync.status().connection).toBe('connected');
  });

  it('a tag and a note made by the agent appear at the owner; untagging converges', async () => {
    const late = await createTag(agent.db, 'Late payer', '#0000aa', 10);
    await tagBuyers(agent.db, ['taobao:li'], late.id, 11);
    await saveNote(agent.db, 'taobao:li', 'asked for an invoice', 12);
    await eventually(
      async () => (await tagNames(owner, 'taobao:li')).join() === 'Late payer',
      'the tag at the owner',
    );
    await eventually(
      async () => (await noteOf(owner, 'taobao:li')) === 'asked for an invoice',
      'the note at the owner',
    );
    expect(owner.inbound).toContain('taobao:li');
    await untagBuyers(owner.db, ['taobao:li'], late.id);
    await eventually(async () => (await tagNames(agent, 'taobao:li')).length === 0, 'the untag at the agent');
  });

  it('two members tagging one buyer at once keep both tags', async () => {
    const vipAtAgent = (await agent.db.tags.where('name').equals('VIP').first())!;
    const gift = await createTag(owner.db, 'Gift buyer', '#00aa00', 20);
    await eventually(
      async () => (await agent.db.tags.get(gift.id)) !== undefined,
      'the new tag at the agent',
    );
    await Promise.all([
      tagBuyers(owner.db, ['taobao:zhao'], gift.id, 21),
      tagBuyers(agent.db, ['taobao:zhao'], vipAtAgent.id, 21),
    ]);
    for (const b of [owner, agent])
      await eventually(
        async () => (await tagNames(b, 'taobao:zhao')).join() === 'Gift buyer,VIP',
        'both tags in both browsers',
      );
  });

  it('a note edited in two places at once keeps both versions visibly, then one save replaces both', async () => {
    await eventually(
      async () => (await noteOf(agent, 'taobao:wang')) === 'prefers SF Express',
      'the shared note',
    );
    await owner.sync.settled();
    // Both edit before either hears of the other's edit (the agent is offline for a moment).
    await agent.sync.stop();
    await saveNote(owner.db, 'taobao:wang', 'prefers SF Express, no Sundays', 30);
    agent.sync = newSync(agent);
    await saveNote(agent.db, 'taobao:wang', 'prefers JD Logistics', 31);
    await agent.sync.start(agent.session, true);
    const both = ['prefers SF Express, no Sundays', 'prefers JD Logistics'];
    for (const b of [owner, agent])
      await eventually(async () => {
        const text = (await noteOf(b, 'taobao:wang')) ?? '';
        return text.split(VERSION_SEPARATOR).sort().join('|') === [...both].sort().join('|');
      }, 'both versions in both browsers');
    await saveNote(owner.db, 'taobao:wang', 'JD Logistics, no Sundays', 32);
    await eventually(
      async () => (await noteOf(agent, 'taobao:wang')) === 'JD Logistics, no Sundays',
      'the merge',
    );
  });

  it('edits made while the server is away arrive when it is back, and nothing is lost', async () => {
    await server.stop();
    await eventually(async () => agent.sync.status().connection !== 'connected', 'the agent to notice');
    const quiet = await createTag(agent.db, 'Quiet', '#333333', 40);
    await tagBuyers(agent.db, ['taobao:sun'], quiet.id, 41);
    await saveNote(owner.db, 'taobao:sun', 'called twice', 42);
    server = await startTeamServer({ port: server.port, host: '127.0.0.1', dataDir: dir, teamName: 'Shop' });
    await eventually(async () => (await tagNames(owner, 'taobao:sun')).join() === 'Quiet', 'the offline tag');
    await eventually(async () => (await noteOf(agent, 'taobao:sun')) === 'called twice', 'the offline note');
  });

  it('a stopped worker resumes from its saved documents and catches up', async () => {
    await agent.sync.stop();
    await saveNote(owner.db, 'taobao:qian', 'wants a discount', 50);
    agent.sync = newSync(agent);
    await agent.sync.start(agent.session, false);
    await eventually(
      async () => (await noteOf(agent, 'taobao:qian')) === 'wants a discount',
      'the missed note',
    );
    expect(await tagNames(agent, 'taobao:zhao')).toEqual(['Gift buyer', 'VIP']);
  });

  it('leaving the team stops all traffic and forgets the team’s documents', async () => {
    await until(() => server.connections() > 0, 'connections');
    const before = server.connections();
    await agent.sync.stop(true);
    await until(() => server.connections() < before, 'the agent’s connections to close', 10_000);
    expect(await agent.state.load()).toEqual(new Map());
    // The agent keeps its local copies; new edits there go nowhere.
    await saveNote(agent.db, 'taobao:qian', 'agent-only', 60);
    await new Promise((r) => setTimeout(r, 500));
    expect(await noteOf(owner, 'taobao:qian')).toBe('wants a discount');
  });
});
