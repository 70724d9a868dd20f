/**
 * This browser's team membership, kept in extension storage (not the main database): the
 * server's origin, the member's token and role. Absent until a seller joins; removed on leaving.
 */
import { z } from 'zod';
import { DEMO_BUILD } from '../../sites/demoMode';
import { JoinResponse } from '../../team/protocol';

export const TeamSession = z.object({
  /** The server's origin as the seller typed it, normalised: `https://team.example.com`. */
  origin: z.string().url(),
  member: JoinResponse,
  joinedAt: z.number().int(),
});
export type TeamSession = z.infer<typeof TeamSession>;

/** Where a session is kept; the background passes extension storage, tests an in-memory one. */
export interface SessionStore {
  get(): Promise<TeamSession | null>;
  set(session: TeamSession | null): Promise<void>;
}

/**
 * Loopback hosts a team server may use plain http on: the demo and test builds only (the real-
 * browser tests run a server on 127.0.0.1). A store build talks https to the team's server and
 * never to loopback, like the rest of the store build (the demo marketplace check in CI).
 */
const LOOPBACK_HOSTS: readonly string[] = DEMO_BUILD ? ['127.0.0.1', 'localhost', '[::1]'] : [];

/** `https://host[:port]` from what a seller typed; http only for loopback in the demo build. */
export function serverOrigin(typed: string): string | null {
  let url: URL;
  try {
    // Without a scheme, https is meant (string concatenation keeps a URL literal out of the bundle).
    url = new URL(/^[a-z]+:\/\//i.test(typed.trim()) ? typed.trim() : 'https:' + '//' + typed.trim());
  } catch {
    return null;
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return null;
  return url.origin;
}

/** The WebSocket address of a server origin: wss for https, ws for loopback http. */
export const socketUrl = (origin: string): string => origin.replace(/^http/, 'ws');
