/**
 * Joining, inspecting and leaving a team, for the background's message handlers. Nothing here
 * reaches the network before a seller joins: the session is absent, so `resume` does nothing,
 * and joining first checks that the seller granted access to exactly the server's origin.
 */

import { DEMO_LOOPBACK_HOSTS } from '../../sites/demoMode';
import { formatCode, type InviteResponse, type Member, normalizeCode } from '../../team/protocol';
import type { TeamStatusDto } from '../../teamDtos';
import { HandlerError } from '../router';
import { type Fetch, TeamRefusal, teamApi } from './client';
import type { WebSocketConstructor } from './docs';
import { type SessionStore, serverOrigin, type TeamSession } from './membership';
import type { InboundListener, TeamSync } from './sync';

export interface TeamServiceDeps {
  sessions: SessionStore;
  sync: TeamSync;
  now(): number;
  fetch: Fetch;
  /** Whether the seller granted this origin (optional host permission). */
  hasOriginPermission(origin: string): Promise<boolean>;
  WebSocketImpl?: WebSocketConstructor;
}

/**
 * Something else a team shares beside the tags, links and notes of `TeamSync` (the shop's
 * settings, class summaries): started after it with the same session, stopped before it.
 */
export interface TeamUnit {
  start(session: TeamSession, firstSync: boolean): Promise<void>;
  /** Stops all its traffic; with `forget` (leaving the team) it also drops what it saved. */
  stop(forget: boolean): Promise<void>;
}

export class TeamService {
  private readonly units: TeamUnit[] = [];

  constructor(private readonly deps: TeamServiceDeps) {}

  /** Adds a unit; the background adds every unit before it calls `resume`. */
  addUnit(unit: TeamUnit): void {
    this.units.push(unit);
  }

  private async startAll(session: TeamSession, firstSync: boolean): Promise<void> {
    await this.deps.sync.start(session, firstSync);
    for (const unit of this.units) await unit.start(session, firstSync);
  }

  listen(listener: InboundListener): void {
    this.deps.sync.listen(listener);
  }

  /**
   * Refuses what would wipe the team from this browser (delete everything, restore a backup):
   * those writes would reach every member. The seller leaves the team first.
   */
  async assertNotInTeam(what: string): Promise<void> {
    if (await this.inTeam())
      throw new HandlerError(
        'conflict',
        `This browser is in a team: leave the team first, so that ${what} does not change the team's tags and notes for everyone.`,
      );
  }

  /** On worker start: resumes syncing if this browser is in a team; otherwise does nothing. */
  async resume(): Promise<void> {
    const session = await this.deps.sessions.get();
    if (session && !this.deps.sync.running) await this.startAll(session, false);
  }

  async inTeam(): Promise<boolean> {
    return (await this.deps.sessions.get()) !== null;
  }

  async join(input: { server: string; code: string; name: string }): Promise<TeamStatusDto> {
    if (await this.inTeam())
      throw new TeamRefusal('bad-request', 'This browser is already in a team. Leave it first.');
    const origin = serverOrigin(input.server, DEMO_LOOPBACK_HOSTS);
    if (!origin)
      throw new TeamRefusal(
        'bad-request',
        'The server address must start with https:// (http:// only for a server on this computer), with no path after the host.',
      );
    const code = normalizeCode(input.code);
    if (!code)
      throw new TeamRefusal('code-unknown', 'A join code has 12 letters and digits, like K7QX-2M9D-VH4R.');
    if (!(await this.deps.hasOriginPermission(origin)))
      throw new TeamRefusal(
        'bad-request',
        `Buyer Tiers may not reach ${origin}: allow it when the browser asks.`,
      );
    const member = await teamApi(this.deps.fetch, origin).join(code, input.name);
    const session: TeamSession = { origin, member, joinedAt: this.deps.now() };
    await this.deps.sessions.set(session);
    await this.startAll(session, true);
    return this.status();
  }

  async status(): Promise<TeamStatusDto> {
    const session = await this.deps.sessions.get();
    if (!session) return { inTeam: false, sync: this.deps.sync.status() };
    const m = session.member;
    return {
      inTeam: true,
      origin: session.origin,
      teamName: m.teamName,
      memberName: m.name,
      role: m.role,
      memberId: m.memberId,
      joinedAt: session.joinedAt,
      sync: this.deps.sync.status(),
    };
  }

  private async session(): Promise<TeamSession> {
    const session = await this.deps.sessions.get();
    if (!session) throw new TeamRefusal('not-a-member', 'This browser is not in a team.');
    return session;
  }

  async members(): Promise<Member[]> {
    const s = await this.session();
    return (await teamApi(this.deps.fetch, s.origin).members(s.member.token)).members;
  }

  async invite(): Promise<InviteResponse> {
    const s = await this.session();
    const invite = await teamApi(this.deps.fetch, s.origin).invite(s.member.token);
    return { ...invite, code: formatCode(invite.code) };
  }

  async remove(memberId: string): Promise<void> {
    const s = await this.session();
    await teamApi(this.deps.fetch, s.origin).remove(s.member.token, memberId);
  }

  /** Stops all traffic and forgets the team; the local tags, notes and orders stay. */
  async leave(): Promise<void> {
    for (const unit of [...this.units].reverse()) await unit.stop(true);
    await this.deps.sync.stop(true);
    await this.deps.sessions.set(null);
  }
}
