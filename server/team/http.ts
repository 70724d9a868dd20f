/**
 * The team's HTTP endpoints, served next to the WebSocket by Hocuspocus's onRequest hook:
 * redeem a join code, and (with a member's bearer token) read the team, list members, and for
 * the owner create agent invites and remove members. Payloads are the protocol's zod schemas.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ENDPOINTS,
  InviteRequest,
  JoinRequest,
  type JoinResponse,
  MemberId,
  type Membership,
  normalizeCode,
  type TeamErrorCode,
} from '../../core/team/protocol';
import type { ActiveMember, TeamDb } from './teamDb';

/** What each refusal says, in words a seller can act on. */
const MESSAGES: Record<TeamErrorCode, string> = {
  'bad-request': 'The request was not understood.',
  'code-unknown': 'This join code is not valid. Check it with the shop owner.',
  'code-used': 'This join code was already used. Ask the shop owner for a new invite.',
  'code-expired': 'This join code has expired. Ask the shop owner for a new invite.',
  'not-a-member': 'You are not a member of this team (any more).',
  'owner-only': 'Only the shop owner can do this.',
  'member-unknown': 'There is no such member in this team.',
  'cannot-remove-owner': 'The owner cannot be removed.',
  'not-found': 'There is no such page on the team server.',
};

const STATUS: Record<TeamErrorCode, number> = {
  'bad-request': 400,
  'code-unknown': 403,
  'code-used': 403,
  'code-expired': 403,
  'not-a-member': 401,
  'owner-only': 403,
  'member-unknown': 404,
  'cannot-remove-owner': 409,
  'not-found': 404,
};

const MAX_BODY_BYTES = 16 * 1024;

class Refusal extends Error {
  constructor(readonly code: TeamErrorCode) {
    super(MESSAGES[code]);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Refusal('bad-request');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal('bad-request');
  }
}

function caller(db: TeamDb, req: IncomingMessage): ActiveMember {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const member = m ? db.memberByToken(m[1]) : undefined;
  if (!member) throw new Refusal('not-a-member');
  return member;
}

function ownerCaller(db: TeamDb, req: IncomingMessage): ActiveMember {
  const member = caller(db, req);
  if (member.role !== 'owner') throw new Refusal('owner-only');
  return member;
}

function membership(db: TeamDb, member: ActiveMember): Membership {
  return {
    teamId: member.teamId,
    teamName: db.team()?.name ?? '',
    memberId: member.id,
    name: member.name,
    role: member.role,
  };
}

async function route(
  db: TeamDb,
  req: IncomingMessage,
  path: string,
  onRemoved: (memberId: string) => void,
): Promise<{ status: number; body: unknown }> {
  const method = req.method ?? 'GET';
  if (path === ENDPOINTS.join && method === 'POST') {
    const parsed = JoinRequest.safeParse(await readJson(req));
    if (!parsed.success) throw new Refusal('bad-request');
    const code = normalizeCode(parsed.data.code);
    if (!code) throw new Refusal('code-unknown');
    const r = db.redeem(code, parsed.data.name);
    if (!r.ok) throw new Refusal(r.error);
    const body: JoinResponse = { ...membership(db, r.member), token: r.token };
    return { status: 200, body };
  }
  if (path === ENDPOINTS.info && method === 'GET')
    return { status: 200, body: membership(db, caller(db, req)) };
  if (path === ENDPOINTS.members && method === 'GET') {
    const member = caller(db, req);
    return { status: 200, body: { members: db.members(member.teamId) } };
  }
  if (path === ENDPOINTS.invites && method === 'POST') {
    const owner = ownerCaller(db, req);
    const parsed = InviteRequest.safeParse(await readJson(req));
    if (!parsed.success) throw new Refusal('bad-request');
    return { status: 200, body: db.createInvite(owner.teamId, parsed.data.role) };
  }
  if (path.startsWith(`${ENDPOINTS.members}/`) && method === 'DELETE') {
    const owner = ownerCaller(db, req);
    const id = MemberId.safeParse(path.slice(ENDPOINTS.members.length + 1));
    if (!id.success) throw new Refusal('member-unknown');
    const target = db.activeMember(id.data);
    if (!target || target.teamId !== owner.teamId) throw new Refusal('member-unknown');
    if (target.role === 'owner') throw new Refusal('cannot-remove-owner');
    db.removeMember(target.id);
    onRemoved(target.id);
    return { status: 200, body: { removed: target.id } };
  }
  throw new Refusal('not-found');
}

/**
 * Handles `/team/…` requests and returns true; leaves anything else to Hocuspocus. Errors become
 * `{ error, message }` with a fitting status.
 */
export async function handleTeamRequest(
  db: TeamDb,
  req: IncomingMessage,
  res: ServerResponse,
  onRemoved: (memberId: string) => void,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://team.invalid').pathname;
  if (!path.startsWith('/team/')) return false;
  try {
    const { status, body } = await route(db, req, path, onRemoved);
    send(res, status, body);
  } catch (e) {
    const code: TeamErrorCode = e instanceof Refusal ? e.code : 'bad-request';
    if (!(e instanceof Refusal)) console.error('team request failed:', e);
    send(res, STATUS[code], { error: code, message: MESSAGES[code] });
  }
  return true;
}
