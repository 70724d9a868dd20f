/** What the team messages answer (core/teamSchemas.ts validates what they carry). */
import type { Role } from './team/protocol';

export type TeamConnection = 'off' | 'connecting' | 'connected' | 'disconnected';

export interface TeamSyncStatus {
  connection: TeamConnection;
  /** When the server last confirmed that this browser's edits were all stored. */
  lastSyncAt?: number;
  /** Local edits the server has not confirmed yet (queued while offline). */
  unsynced: number;
  /** Why the server refused this member (removed from the team), if it did. */
  refused?: string;
}

export interface TeamStatusDto {
  inTeam: boolean;
  origin?: string;
  teamName?: string;
  memberName?: string;
  role?: Role;
  memberId?: string;
  joinedAt?: number;
  sync: TeamSyncStatus;
}

export type { InviteResponse as TeamInviteDto, Member as TeamMemberDto } from './team/protocol';
