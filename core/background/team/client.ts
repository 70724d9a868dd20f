/**
 * The team server's HTTP endpoints as the background calls them. Every answer is validated with
 * the protocol's schemas; a refusal becomes a TeamRefusal carrying the server's code and words.
 */
import type { z } from 'zod';
import {
  ENDPOINTS,
  InviteResponse,
  JoinResponse,
  MembersResponse,
  RemoveResponse,
  TeamError,
  type TeamErrorCode,
} from '../../team/protocol';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class TeamRefusal extends Error {
  constructor(
    readonly code: TeamErrorCode | 'unreachable' | 'bad-answer',
    message: string,
  ) {
    super(message);
    this.name = 'TeamRefusal';
  }
}

async function callServer<T extends z.ZodType>(
  fetchImpl: Fetch,
  origin: string,
  path: string,
  schema: T,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<z.output<T>> {
  let res: Response;
  try {
    res = await fetchImpl(`${origin}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new TeamRefusal(
      'unreachable',
      `The team server at ${origin} cannot be reached. Check the address.`,
    );
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new TeamRefusal('bad-answer', `${origin} did not answer like a Buyer Tiers team server.`);
  }
  if (!res.ok) {
    const refusal = TeamError.safeParse(json);
    if (refusal.success) throw new TeamRefusal(refusal.data.error, refusal.data.message);
    throw new TeamRefusal('bad-answer', `${origin} did not answer like a Buyer Tiers team server.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new TeamRefusal('bad-answer', `${origin} did not answer like a Buyer Tiers team server.`);
  return parsed.data;
}

export const teamApi = (fetchImpl: Fetch, origin: string) => ({
  join: (code: string, name: string) =>
    callServer(fetchImpl, origin, ENDPOINTS.join, JoinResponse, { body: { code, name } }),
  members: (token: string) => callServer(fetchImpl, origin, ENDPOINTS.members, MembersResponse, { token }),
  invite: (token: string) =>
    callServer(fetchImpl, origin, ENDPOINTS.invites, InviteResponse, { token, body: { role: 'agent' } }),
  remove: (token: string, memberId: string) =>
    callServer(fetchImpl, origin, `${ENDPOINTS.members}/${memberId}`, RemoveResponse, {
      token,
      method: 'DELETE',
    }),
});
