/**
 * A Node-side team member for server tests: joins through the HTTP endpoint and opens Yjs
 * documents over one WebSocket with @hocuspocus/provider, as the extension does.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ENDPOINTS, JoinResponse, TeamError } from '../../core/team/protocol';

export async function call(
  httpUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${httpUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, json: await res.json() };
}

export async function join(httpUrl: string, code: string, name: string): Promise<JoinResponse> {
  const r = await call(httpUrl, ENDPOINTS.join, { body: { code, name } });
  if (r.status !== 200) throw new Error(`join refused: ${TeamError.parse(r.json).message}`);
  return JoinResponse.parse(r.json);
}

export interface OpenDoc {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Set when the server refused the token for this document. */
  refused?: string;
  readOnly?: boolean;
}

export class NodeMember {
  readonly socket: HocuspocusProviderWebsocket;
  readonly docs = new Map<string, OpenDoc>();

  constructor(
    wsUrl: string,
    readonly token: string,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: wsUrl,
      WebSocketPolyfill: WebSocket,
      delay: 100,
      minDelay: 100,
      maxDelay: 500,
    });
  }

  /** Opens a document and resolves once it is synced (or refused). */
  open(name: string, timeoutMs = 20_000): Promise<OpenDoc> {
    const doc = new Y.Doc();
    const entry: OpenDoc = { doc, provider: undefined as unknown as HocuspocusProvider };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not sync in ${timeoutMs} ms`)), timeoutMs);
      entry.provider = new HocuspocusProvider({
        name,
        document: doc,
        token: this.token,
        websocketProvider: this.socket,
        onAuthenticated: ({ scope }) => {
          entry.readOnly = scope === 'readonly';
        },
        onAuthenticationFailed: ({ reason }) => {
          clearTimeout(timer);
          entry.refused = reason;
          resolve(entry);
        },
        onSynced: ({ state }) => {
          if (!state) return;
          clearTimeout(timer);
          resolve(entry);
        },
      });
      entry.provider.attach();
      this.docs.set(name, entry);
    });
  }

  destroy(): void {
    for (const { provider } of this.docs.values()) provider.destroy();
    this.socket.destroy();
  }
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
