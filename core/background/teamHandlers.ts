/**
 * The team messages: join (after the page got the seller's permission for the server's origin),
 * status, members, invites, removal and leaving. Refusals from the server or from the checks
 * here come back in words a seller can act on.
 */
import { HandlerError, type Handlers } from './router';
import { TeamRefusal } from './team/client';
import type { TeamService } from './team/service';

export type TeamHandlerName =
  | 'getTeamStatus'
  | 'joinTeam'
  | 'listTeamMembers'
  | 'createTeamInvite'
  | 'removeTeamMember'
  | 'leaveTeam';

/** A server refusal as the page sees it: refused codes are `forbidden`, the rest `conflict`/`not-found`. */
function asHandlerError(e: unknown): unknown {
  if (!(e instanceof TeamRefusal)) return e;
  switch (e.code) {
    case 'code-unknown':
    case 'code-used':
    case 'code-expired':
    case 'not-a-member':
    case 'owner-only':
      return new HandlerError('forbidden', e.message, [e.code]);
    case 'member-unknown':
    case 'not-found':
      return new HandlerError('not-found', e.message, [e.code]);
    default:
      return new HandlerError('conflict', e.message, [e.code]);
  }
}

const refusing =
  <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await f(...args);
    } catch (e) {
      throw asHandlerError(e);
    }
  };

export function createTeamHandlers(team: TeamService | undefined): Pick<Handlers, TeamHandlerName> {
  const need = (): TeamService => {
    if (!team) throw new HandlerError('internal', 'Team sync is not set up in this background.');
    return team;
  };
  return {
    getTeamStatus: refusing(() => need().status()),
    joinTeam: refusing((data) => need().join(data)),
    listTeamMembers: refusing(() => need().members()),
    createTeamInvite: refusing(() => need().invite()),
    removeTeamMember: refusing(async ({ memberId }) => {
      await need().remove(memberId);
      return { removed: memberId };
    }),
    leaveTeam: refusing(async () => {
      await need().leave();
      return { left: true as const };
    }),
  };
}
