/**
 * Receiver-side validation of the team messages (spread into REQUESTS in `messageSchemas.ts`).
 * Extension pages only: a marketplace page can never join, invite, remove or leave.
 */
import { z } from 'zod';
import type { RequestSpec } from './messageSchemas';
import { MemberId, MemberName } from './team/protocol';

export const TEAM_REQUESTS = {
  getTeamStatus: { from: 'page', data: z.object({}) },
  joinTeam: {
    from: 'page',
    invalidates: ['buyers', 'tags'],
    data: z.object({ server: z.string().min(1).max(300), code: z.string().min(1).max(40), name: MemberName }),
  },
  listTeamMembers: { from: 'page', data: z.object({}) },
  createTeamInvite: { from: 'page', data: z.object({}) },
  removeTeamMember: { from: 'page', data: z.object({ memberId: MemberId }) },
  leaveTeam: { from: 'page', data: z.object({}) },
} as const satisfies Record<string, RequestSpec>;
