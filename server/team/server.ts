/**
 * The team server: Hocuspocus 3 with the team guard, SQLite persistence (through the database
 * extension's fetch/store, backed by better-sqlite3) and, with a Redis URL, the Redis extension
 * so several instances serve one team.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Server } from '@hocuspocus/server';
import { MAX_MESSAGE_BYTES } from '../../core/team/protocol';
import { disconnectMember, teamGuard } from './guard';
import { handleTeamRequest } from './http';
import { TeamDb } from './teamDb';

export interface TeamServerOptions {
  port: number;
  host: string;
  dataDir: string;
  teamName: string;
  redisUrl?: string;
  /** Issue a fresh owner join code even though the team exists (the first one was lost). */
  newOwnerCode?: boolean;
}

export interface RunningTeamServer {
  port: number;
  teamId: string;
  /** Set when this start made a code for the owner to join with. */
  ownerCode?: string;
  ownerJoined: boolean;
  /** Open document connections on this instance (tests check that a left member sends nothing). */
  connections(): number;
  stop(): Promise<void>;
}

function redisExtension(url: string): Extension {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`--redis must be a redis:// URL, got ${url}`);
  return new Redis({ host: u.hostname, port: Number(u.port || 6379) });
}

export async function startTeamServer(o: TeamServerOptions): Promise<RunningTeamServer> {
  mkdirSync(o.dataDir, { recursive: true });
  const db = new TeamDb(join(o.dataDir, 'team.sqlite'));
  const { team, ownerCode: firstCode } = db.ensureTeam(o.teamName);
  const ownerCode = firstCode ?? (o.newOwnerCode ? db.newOwnerCode() : undefined);

  const extensions: Extension[] = [
    teamGuard(db),
    new Database({
      fetch: async ({ documentName }) => db.loadDocument(documentName),
      store: async ({ documentName, state }) => db.storeDocument(documentName, state),
    }),
  ];
  if (o.redisUrl) extensions.push(redisExtension(o.redisUrl));

  const server = new Server(
    {
      port: o.port,
      address: o.host,
      quiet: true,
      // Stores at most half a second after the last change (and at least every 5 s while busy):
      // clients keep every edit until the server confirms it, so a crash loses nothing either way.
      debounce: 500,
      maxDebounce: 5000,
      stopOnSignals: false,
      extensions,
      async onRequest({ request, response, instance }) {
        const handled = await handleTeamRequest(db, request, response, (id) =>
          disconnectMember(instance, id),
        );
        // Rejecting with nothing stops Hocuspocus from writing its default reply.
        if (handled) throw null;
      },
    },
    // Twice the limit, so an oversized update reaches the guard, which says why it closes.
    { maxPayload: 2 * MAX_MESSAGE_BYTES },
  );
  await server.listen();
  return {
    port: server.address.port,
    teamId: team.id,
    ownerCode,
    ownerJoined: db.hasOwner(),
    connections: () => server.hocuspocus.getConnectionsCount(),
    async stop() {
      // destroy() stores every loaded document before it resolves, but only sends each
      // document's close message: the sockets themselves are ended here, as a process exit would.
      await server.destroy();
      for (const socket of server.webSocketServer.clients) socket.terminate();
      db.close();
    },
  };
}
