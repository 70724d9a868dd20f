/**
 * Before deleting everything or restoring a backup: the background refuses both while this
 * browser is in a team (they would rewrite the team's data for every member), so the page asks
 * the seller whether to leave the team first instead of only showing that refusal.
 */
import { request } from '@/core/messaging';
import type { Translate } from '../i18n';

export type WipingAction = 'delete' | 'restore';

/**
 * True when the action may go ahead: this browser is in no team, or the seller agreed and the
 * team was left. False when the seller said no (nothing was changed).
 */
export async function leaveTeamFirst(action: WipingAction, t: Translate): Promise<boolean> {
  const status = await request('getTeamStatus', {});
  if (!status.inTeam) return true;
  if (!window.confirm(t(`team.leaveFirst.${action}`, { team: status.teamName ?? '' }))) return false;
  await request('leaveTeam', {});
  return true;
}
