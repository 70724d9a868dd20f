import { InviteCard } from '../../team/InviteCard';
import { JoinForm } from '../../team/JoinForm';
import { LeaveCard } from '../../team/LeaveCard';
import { MembersCard } from '../../team/MembersCard';
import { TeamStatusCard } from '../../team/TeamStatusCard';
import { useTeam } from '../../team/useTeam';
import { errorText } from '../../ui/errors';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';
import '../../team/team.css';

/** Team sync: join a team, or see the team, its members, invite agents (owner) and leave. */
export function Team({ ctx }: { ctx: SectionContext }) {
  const { t } = useI18n();
  const team = useTeam();
  const { status } = team;
  const owner = status?.role === 'owner' && !team.removed;

  return (
    <div class="team narrow" data-testid="team-section">
      <h1 class="page-title">{t('dash.nav.team')}</h1>
      <p class="muted">{t('team.lead')}</p>
      {team.error !== null && !status && <p class="field-error">{errorText(team.error, t)}</p>}
      {status && !status.inTeam && (
        <>
          <p class="team-privacy" data-testid="team-privacy">
            {t('team.privacy')}
          </p>
          <JoinForm
            onJoined={(joined) => {
              team.show(joined);
              ctx.notify({ text: t('team.join.joined', { team: joined.teamName ?? '' }) });
            }}
          />
        </>
      )}
      {status?.inTeam && (
        <>
          <TeamStatusCard status={status} removed={team.removed} />
          {team.members && (
            <MembersCard
              members={team.members}
              myId={status.memberId}
              canRemove={owner}
              notify={ctx.notify}
              onChanged={team.reload}
            />
          )}
          {owner && <InviteCard notify={ctx.notify} />}
          <LeaveCard teamName={status.teamName ?? ''} notify={ctx.notify} onLeft={team.reload} />
        </>
      )}
    </div>
  );
}
