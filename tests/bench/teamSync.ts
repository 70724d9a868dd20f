/**
 * Team sync on loopback, in Node: a team server in this process and two browsers' databases in
 * fake-indexeddb, each with the background's TeamSync.
 * - change propagation: a tag link written in one browser's Dexie until it is in the other's
 *   (Dexie hook → Yjs → server → Yjs → Dexie), 60 samples, p50/p95 (aim ≤ 500 ms);
 * - first sync of 100,000 buyer class summaries: one member publishes them over the 64 class
 *   documents, then a member who just joined opens those documents until all are synced
 *   (aim ≤ 10 s). The server checks every entry of every update on the way in; the publisher
 *   sends one update per document, as a rescore's publish would.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TeamSync } from '../../core/background/team/sync';
import { defaultSettings, EMPTY_AGGREGATE } from '../../core/model';
import { unscoredProspectClasses } from '../../core/scoring/prospect';
import { BuyerTiersDB, createTag, tagBuyers } from '../../core/store';
import { TeamState } from '../../core/store/teamState';
import { type ClassSummary, ENTRIES } from '../../core/team/entries';
import { BUCKETS, bucketOf, docName, ENDPOINTS, InviteResponse } from '../../core/team/protocol';
import { startTeamServer } from '../../server/team/server';
import { call, join, NodeMember, until } from '../support/teamClient';

type Report = (name: string, value: number, unit: string) => void;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(joinPath(tmpdir(), 'team-bench-'));
  const server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: dir, teamName: 'Bench' });
  const origin = `http://127.0.0.1:${server.port}`;
  const syncs: TeamSync[] = [];
  const members: NodeMember[] = [];
  try {
    const owner = await join(origin, server.ownerCode!, 'Owner');
    const invite = await call(origin, ENDPOINTS.invites, { token: owner.token, body: { role: 'agent' } });
    const agent = await join(origin, InviteResponse.parse(invite.json).code, 'Agent');

    // — change propagation between two browsers —
    const open = async (member: typeof owner, name: string) => {
      const db = new BuyerTiersDB(name);
      await db.open();
      const sync = new TeamSync({
        db,
        state: new TeamState(`${name}-team`),
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
        WebSocketImpl: WebSocket,
      });
      syncs.push(sync);
      await sync.start({ origin, member, joinedAt: Date.now() }, true);
      return { db, sync };
    };
    const a = await open(owner, 'bench-a');
    const b = await open(agent, 'bench-b');
    await until(
      () => a.sync.status().connection === 'connected' && b.sync.status().connection === 'connected',
      'both connected',
      30_000,
    );
    const tag = await createTag(a.db, 'Bench', '#123456', 1);
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const key = `taobao:bench-${i}`;
      const t0 = performance.now();
      await tagBuyers(a.db, [key], tag.id, Date.now());
      for (;;) {
        if (await b.db.buyerTags.get([key, tag.id])) break;
        if (performance.now() - t0 > 10_000) throw new Error(`link ${i} did not arrive in 10 s`);
        await new Promise((r) => setTimeout(r, 2));
      }
      samples.push(performance.now() - t0);
    }
    report('tag link propagation p50 (browser → browser)', percentile(samples, 50), 'ms');
    report('tag link propagation p95 (browser → browser)', percentile(samples, 95), 'ms');

    // — first sync of 100,000 class summaries —
    const classes = unscoredProspectClasses({ agg: EMPTY_AGGREGATE }, defaultSettings('en'), Date.now())!;
    const publisher = new NodeMember(`ws://127.0.0.1:${server.port}`, owner.token);
    members.push(publisher);
    const names = Array.from({ length: BUCKETS }, (_, bucket) =>
      docName({ teamId: owner.teamId, kind: 'classes', bucket }),
    );
    const docs = await Promise.all(names.map((n) => publisher.open(n, 60_000)));
    const t0 = performance.now();
    const now = Date.now();
    // As a publisher after a rescore: one transaction (one update) per document. Entry by entry
    // would send 100k updates, each checked against the whole document by the server.
    const byBucket: string[][] = Array.from({ length: BUCKETS }, () => []);
    for (let i = 0; i < 100_000; i++) byBucket[bucketOf(`amazon:buyer-${i}`)].push(`amazon:buyer-${i}`);
    for (const [bucket, keys] of byBucket.entries())
      docs[bucket].doc.transact(() => {
        const entries = docs[bucket].doc.getMap(ENTRIES);
        for (const buyerKey of keys) {
          const summary: ClassSummary = {
            classes,
            orders: 0,
            paidSpend: 0,
            currency: 'USD',
            at: now,
            by: owner.memberId,
          };
          entries.set(buyerKey, summary);
        }
      });
    await until(() => docs.every((d) => !d.provider.hasUnsyncedChanges), 'the publish to be stored', 120_000);
    report('publish 100k class summaries (64 documents)', performance.now() - t0, 'ms');
    const bytes = docs.reduce((s, d) => s + Y.encodeStateAsUpdate(d.doc).byteLength, 0);
    report('100k class summaries, encoded size', bytes / 1024 / 1024, 'MiB');

    const newcomer = new NodeMember(`ws://127.0.0.1:${server.port}`, agent.token);
    members.push(newcomer);
    const t1 = performance.now();
    const got = await Promise.all(names.map((n) => newcomer.open(n, 120_000)));
    const total = got.reduce((s, d) => s + d.doc.getMap(ENTRIES).size, 0);
    if (total !== 100_000) throw new Error(`first sync got ${total} summaries, not 100000`);
    report('first sync of 100k class summaries (new member)', performance.now() - t1, 'ms');
  } finally {
    for (const m of members) m.destroy();
    for (const s of syncs) await s.stop(true);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
