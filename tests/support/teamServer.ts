/**
 * Starts the real team server (`npm run team-server`'s entry point) as a child process on a free
 * loopback port, and redis-server for the multi-instance tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type Started, startProcess } from './processes';

export interface TeamServerProcess extends Started {
  port: number;
  teamId: string;
  /** Printed on first start only. */
  ownerCode?: string;
  httpUrl: string;
  wsUrl: string;
}

const ENTRY = join(process.cwd(), 'server/team/main.ts');

export async function startTeamServer(
  dataDir: string,
  opts: { port?: number; redisUrl?: string; extra?: string[] } = {},
): Promise<TeamServerProcess> {
  const port = opts.port ?? (await freePort());
  const args = ['--import', 'tsx', ENTRY, '--port', String(port), '--data', dataDir];
  if (opts.redisUrl) args.push('--redis', opts.redisUrl);
  args.push(...(opts.extra ?? []));
  const p = await startProcess(process.execPath, args, /team server listening on ws:\/\/\S+ \(team \w+\)\n/);
  // The owner code line is printed right after the listening line, in the same write burst.
  await new Promise((r) => setTimeout(r, 100));
  const listening = /listening on ws:\/\/[\d.]+:(\d+) \(team (\w+)\)/.exec(p.output());
  if (!listening) throw new Error(`unexpected team server output:\n${p.output()}`);
  const code = /owner join code: (\S+)/.exec(p.output());
  const actualPort = Number(listening[1]);
  return {
    ...p,
    port: actualPort,
    teamId: listening[2],
    ownerCode: code?.[1],
    httpUrl: `http://127.0.0.1:${actualPort}`,
    wsUrl: `ws://127.0.0.1:${actualPort}`,
  };
}

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';

/**
 * Debian's redis-server on a free port, in memory only. Fails (never skips) when it is missing:
 * `npm test` and `.ci/run` install it when run as root; otherwise `apt-get install -y redis-server`.
 */
export async function startRedis(): Promise<Started & { url: string }> {
  if (!existsSync(REDIS_SERVER))
    throw new Error(
      `redis-server is missing at ${REDIS_SERVER}: install it with apt-get install -y redis-server`,
    );
  const port = await freePort();
  const p = await startProcess(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    /Ready to accept connections/,
  );
  return { ...p, url: `redis://127.0.0.1:${port}` };
}
