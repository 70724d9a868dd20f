/**
 * This browser's team membership, kept in extension storage (not the main database): the
 * server's origin, the member's token and role. Absent until a seller joins; removed on leaving.
 */
import { z } from 'zod';
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

export { serverOrigin } from '../../team/address';

/** The WebSocket address of a server origin: wss for https, ws for loopback http. */
export const socketUrl = (origin: string): string => origin.replace(/^http/, 'ws');
