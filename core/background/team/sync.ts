/**
 * Team sync in the background: while this browser is in a team, every committed change to a
 * shared table goes into the team's Yjs documents, and every change other members make comes
 * back into Dexie, which stays the one source the UI reads. Works offline (documents are saved
 * locally and synced when the server is back) and survives service-worker stops (it resumes
 * from the saved documents). Without a session it does nothing and opens no connection.
 */
import type * as Y from 'yjs';
import type { BuyerTiersDB } from '../../store';
import { applyInbound, type SharedRowChange, sharedRows, watchSharedTables } from '../../store/teamMirror';
import type { TeamState } from '../../store/teamState';
import { ENTRIES } from '../../team/entries';
import { type DocAddress, docName } from '../../team/protocol';
import type { TeamSyncStatus } from '../../teamDtos';
import { RESTORED, TeamDocs, type WebSocketConstructor } from './docs';
import { socketUrl, type TeamSession } from './membership';
import { mirroredDocs, readInbound, type Stamp, seedFromLocal, writeOutbound } from './mirror';

export interface TeamSyncDeps {
  db: BuyerTiersDB;
  state: TeamState;
  now(): number;
  newId(): string;
  WebSocketImpl?: WebSocketConstructor;
  /** A peer's entry this browser refused (never applied). */
  onRefusedEntry?(doc: string, key: string, why: string): void;
}

/** Other members changed these buyers' tags or notes (or, with `tags`, the tag list). */
export type InboundListener = (change: { buyerKeys: string[]; tags: boolean }) => void;

export class TeamSync {
  private docs?: TeamDocs;
  private readonly listeners: InboundListener[] = [];
  private stopWatching?: () => void;
  private current: TeamSyncStatus = { connection: 'off', unsynced: 0 };
  /** True while our own outbound writes run (synchronously), so observers skip them. */
  private writingLocal = false;
  private inboundQueue: Promise<void> = Promise.resolve();
  private outboundQueue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TeamSyncDeps) {}

  /** Hears every change other members made, once it is in Dexie (the background tells pages). */
  listen(listener: InboundListener): void {
    this.listeners.push(listener);
  }

  status(): TeamSyncStatus {
    return { ...this.current, unsynced: this.docs?.unsyncedChanges ?? 0 };
  }

  get running(): boolean {
    return this.docs !== undefined;
  }

  /** Starts syncing `session`'s team; `firstSync` when this browser just joined (seeds local rows). */
  async start(session: TeamSession, firstSync: boolean): Promise<void> {
    if (this.docs) return;
    const { teamId, memberId, token } = session.member;
    const layout = mirroredDocs(teamId);
    const addressOf = new Map(layout.map((d) => [d.name, d.address]));
    const docs = new TeamDocs({
      url: socketUrl(session.origin),
      token,
      names: layout.map((d) => d.name),
      state: this.deps.state,
      WebSocketImpl: this.deps.WebSocketImpl,
      onStatus: (connection) => {
        this.current = { ...this.current, connection };
      },
      onSynced: () => {
        if (docs.unsyncedChanges === 0) this.current = { ...this.current, lastSyncAt: this.deps.now() };
      },
      onRefused: (reason) => {
        this.current = { ...this.current, refused: reason };
      },
    });
    await docs.restore();
    this.docs = docs;
    const entriesOf = (a: DocAddress) => docs.docs.get(docName(a))!.getMap<unknown>(ENTRIES);
    const stamp = (): Stamp => ({ memberId, now: this.deps.now(), newId: this.deps.newId });

    // Local → team, after each commit; queued so changes go out in commit order.
    this.stopWatching = watchSharedTables(this.deps.db, (changes) => {
      this.outboundQueue = this.outboundQueue.then(() => this.sendLocal(changes, teamId, entriesOf, stamp()));
    });

    // Team → local, for every change that is not our own write or a restore.
    for (const [name, doc] of docs.docs) {
      const address = addressOf.get(name)!;
      doc.getMap<unknown>(ENTRIES).observe((event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
        if (this.writingLocal || tr.origin === RESTORED) return;
        const keys = [...event.keysChanged];
        this.inboundQueue = this.inboundQueue.then(() => this.receive(name, address, doc, keys));
      });
    }

    // Whatever this browser has that the documents lack goes in (everything on a first sync),
    // then the documents' content comes out, so both sides agree before the first connection.
    const rows = await sharedRows(this.deps.db);
    this.writingLocal = true;
    let seeded: Set<DocAddress>;
    try {
      seeded = seedFromLocal(rows, teamId, entriesOf, stamp(), firstSync);
    } finally {
      this.writingLocal = false;
    }
    await docs.save([...seeded].map(docName));
    for (const { name, address } of layout) {
      const doc = docs.docs.get(name)!;
      const keys = [...doc.getMap<unknown>(ENTRIES).keys()];
      if (keys.length > 0) await this.receive(name, address, doc, keys, false);
    }
    docs.connect();
    this.current = { connection: 'connecting', unsynced: 0 };
  }

  private async sendLocal(
    changes: SharedRowChange[],
    teamId: string,
    entriesOf: (a: DocAddress) => Y.Map<unknown>,
    stamp: Stamp,
  ): Promise<void> {
    const docs = this.docs;
    if (!docs) return;
    this.writingLocal = true;
    let touched: Set<DocAddress>;
    try {
      touched = writeOutbound(changes, teamId, entriesOf, stamp);
    } finally {
      this.writingLocal = false;
    }
    await docs.save([...touched].map(docName));
  }

  private async receive(
    name: string,
    address: DocAddress,
    doc: Y.Doc,
    keys: string[],
    announce = true,
  ): Promise<void> {
    const changes = readInbound(address, doc.getMap<unknown>(ENTRIES), keys, (key, why) =>
      this.deps.onRefusedEntry?.(name, key, why),
    );
    await applyInbound(this.deps.db, changes);
    // Saved only once Dexie holds what the document says, so a restart never skips a change.
    await this.docs?.save([name]);
    if (!announce) return;
    const buyerKeys = [
      ...(changes.buyerTags?.put.map((l) => l.buyerKey) ?? []),
      ...(changes.buyerTags?.del.map(([b]) => b) ?? []),
      ...(changes.notes?.put.map((n) => n.buyerKey) ?? []),
      ...(changes.notes?.del ?? []),
    ];
    const change = { buyerKeys: [...new Set(buyerKeys)], tags: address.kind === 'tags' };
    for (const listener of this.listeners) listener(change);
  }

  /** Waits until every queued local and team change has been written. */
  async settled(): Promise<void> {
    await this.outboundQueue;
    await this.inboundQueue;
  }

  /** Stops all traffic; with `forget`, also drops the saved documents (leaving the team). */
  async stop(forget = false): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = undefined;
    await this.settled();
    await this.docs?.close();
    this.docs = undefined;
    if (forget) await this.deps.state.clear();
    this.current = { connection: 'off', unsynced: 0 };
  }
}
