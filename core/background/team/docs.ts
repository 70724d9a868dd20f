/**
 * The team's Yjs documents in this browser: restored from team sync's own database, connected
 * over one WebSocket to the team server (one Hocuspocus provider per document), and saved back
 * after every change so a stopped service worker resumes from its state vector.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { TeamState } from '../../store/teamState';

/** Transaction origins: our own writes (sent, not mirrored back) and restored state. */
export const LOCAL = Symbol('team-local');
export const RESTORED = Symbol('team-restored');

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** A WebSocket constructor: the browser's, or `ws` in Node tests. */
export type WebSocketConstructor = new (url: string) => unknown;

export interface TeamDocsOptions {
  url: string;
  token: string;
  names: readonly string[];
  state: TeamState;
  WebSocketImpl?: WebSocketConstructor;
  onStatus(state: ConnectionState): void;
  /** Every local edit the server confirmed (no unsynced changes left on a document). */
  onSynced(): void;
  onRefused(reason: string): void;
}

export class TeamDocs {
  readonly docs = new Map<string, Y.Doc>();
  private readonly providers: HocuspocusProvider[] = [];
  private socket?: HocuspocusProviderWebsocket;
  private readonly dirty = new Set<string>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly o: TeamDocsOptions) {}

  /** Restores every document from local state (without reaching the server). */
  async restore(): Promise<void> {
    const saved = await this.o.state.load();
    for (const name of this.o.names) {
      const doc = new Y.Doc();
      const state = saved.get(name);
      if (state) Y.applyUpdate(doc, state, RESTORED);
      this.docs.set(name, doc);
    }
  }

  /** Opens the connection; edits made before or while offline are sent once it is up. */
  connect(): void {
    this.socket = new HocuspocusProviderWebsocket({
      url: this.o.url,
      ...(this.o.WebSocketImpl ? { WebSocketPolyfill: this.o.WebSocketImpl } : {}),
      // Reconnect quickly on loopback/LAN blips, back off to 10 s when the server is away.
      delay: 250,
      minDelay: 250,
      factor: 2,
      maxDelay: 10_000,
      maxAttempts: 0,
      onStatus: ({ status }) => this.o.onStatus(status as ConnectionState),
    });
    for (const [name, document] of this.docs) {
      const provider = new HocuspocusProvider({
        name,
        document,
        token: this.o.token,
        websocketProvider: this.socket,
        awareness: null,
        onAuthenticationFailed: ({ reason }) => this.o.onRefused(reason),
        onUnsyncedChanges: ({ number }) => {
          if (number === 0) this.o.onSynced();
        },
        onSynced: ({ state }) => {
          if (state) this.o.onSynced();
        },
      });
      provider.attach();
      this.providers.push(provider);
    }
  }

  /** Marks a document for saving and saves the marked ones (one save at a time, in order). */
  save(names: Iterable<string>): Promise<void> {
    for (const n of names) this.dirty.add(n);
    this.saving = this.saving.then(async () => {
      if (this.dirty.size === 0) return;
      const states = new Map<string, Uint8Array>();
      for (const n of this.dirty) {
        const doc = this.docs.get(n);
        if (doc) states.set(n, Y.encodeStateAsUpdate(doc));
      }
      this.dirty.clear();
      await this.o.state.save(states);
    });
    return this.saving;
  }

  get unsyncedChanges(): number {
    return this.providers.reduce((sum, p) => sum + p.unsyncedChanges, 0);
  }

  /** Stops all traffic: every provider and the socket. */
  disconnect(): void {
    for (const p of this.providers.splice(0)) p.destroy();
    this.socket?.destroy();
    this.socket = undefined;
  }

  async close(): Promise<void> {
    this.disconnect();
    await this.saving;
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }
}
