/**
 * What can be wrong with a join, as one sentence tied to the field the seller has to change.
 * The form checks the address, code and name before asking for any permission (so the browser
 * never asks for an origin that would be refused anyway); the background's refusals carry the
 * server's code in `details`, which picks the sentence here.
 */
import { MessageFailure } from '@/core/messaging';
import { DEMO_LOOPBACK_HOSTS } from '@/core/sites/demoMode';
import { serverOrigin } from '@/core/team/address';
import { normalizeCode } from '@/core/team/protocol';
import type { Translate } from '../i18n';
import { errorText } from '../ui/errors';

export type JoinField = 'server' | 'code' | 'name';

export interface JoinProblem {
  /** The field to fix, or null when the problem is not one field's (already in a team…). */
  field: JoinField | null;
  text: string;
}

export interface JoinInput {
  server: string;
  code: string;
  name: string;
}

/** The longest name the server accepts (core/team/protocol MemberName). */
const MAX_NAME = 60;

/** The first problem of the typed values, or null when they may be sent. */
export function checkJoinInput(input: JoinInput, t: Translate): JoinProblem | null {
  if (!input.server.trim()) return { field: 'server', text: t('team.err.serverEmpty') };
  if (!serverOrigin(input.server, DEMO_LOOPBACK_HOSTS))
    return { field: 'server', text: t('team.err.serverBad') };
  if (!normalizeCode(input.code)) return { field: 'code', text: t('team.err.codeShape') };
  const name = input.name.trim();
  if (!name) return { field: 'name', text: t('team.err.nameEmpty') };
  if (name.length > MAX_NAME) return { field: 'name', text: t('team.err.nameLong') };
  return null;
}

/** A failed `joinTeam` (or permission request) in the seller's words. */
export function joinFailure(e: unknown, origin: string, t: Translate): JoinProblem {
  if (e instanceof MessageFailure) {
    switch (e.error.details?.[0]) {
      case 'code-unknown':
        return { field: 'code', text: t('team.err.codeUnknown') };
      case 'code-used':
        return { field: 'code', text: t('team.err.codeUsed') };
      case 'code-expired':
        return { field: 'code', text: t('team.err.codeExpired') };
      case 'unreachable':
        return { field: 'server', text: t('team.err.unreachable', { origin }) };
      case 'bad-answer':
        return { field: 'server', text: t('team.err.notServer', { origin }) };
    }
    if (e.error.code === 'invalid-message' && e.error.details?.some((d) => d.startsWith('name')))
      return { field: 'name', text: t('team.err.nameEmpty') };
  }
  return { field: null, text: errorText(e, t) };
}
