import { useCallback, useEffect, useState } from 'preact/hooks';
import { MessageFailure, request } from '@/core/messaging';
import type { TeamMemberDto, TeamStatusDto } from '@/core/teamDtos';

/** How often the open Team section asks again: connection state and members change remotely. */
export const TEAM_REFRESH_MS = 3000;

export interface TeamState {
  status: TeamStatusDto | undefined;
  members: TeamMemberDto[] | undefined;
  /** The server no longer accepts this member (removed by the owner). */
  removed: boolean;
  error: unknown;
  reload(): void;
  /** Shows a status the page already has (the join's answer) without waiting for the next poll. */
  show(status: TeamStatusDto): void;
}

const refusedMember = (e: unknown) => e instanceof MessageFailure && e.error.details?.[0] === 'not-a-member';

/** The team status and members, re-read every few seconds while the section is mounted. */
export function useTeam(): TeamState {
  const [status, setStatus] = useState<TeamStatusDto>();
  const [members, setMembers] = useState<TeamMemberDto[]>();
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadMembers = useCallback((s: TeamStatusDto) => {
    if (!s.inTeam) {
      setMembers(undefined);
      setRemoved(false);
      return;
    }
    if (s.sync.refused) setRemoved(true);
    request('listTeamMembers', {})
      .then((m) => {
        setMembers(m);
        setRemoved(Boolean(s.sync.refused));
      })
      .catch((e: unknown) => {
        if (refusedMember(e)) {
          setRemoved(true);
          setMembers(undefined);
        }
        // Anything else (server briefly down) keeps the last list; the status card says offline.
      });
  }, []);

  const show = useCallback(
    (s: TeamStatusDto) => {
      setStatus(s);
      setError(null);
      loadMembers(s);
    },
    [loadMembers],
  );

  const reload = useCallback(() => {
    request('getTeamStatus', {}).then(show, setError);
  }, [show]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, TEAM_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return { status, members, removed, error, reload, show };
}
