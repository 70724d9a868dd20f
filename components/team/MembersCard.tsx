import { request } from '@/core/messaging';
import type { TeamMemberDto } from '@/core/teamDtos';
import { errorText } from '../ui/errors';
import { formatDate } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { ToastState } from '../ui/Toast';

interface Props {
  members: readonly TeamMemberDto[];
  myId: string | undefined;
  /** Only an owner may remove members; agents see the list without the buttons. */
  canRemove: boolean;
  notify(toast: ToastState): void;
  onChanged(): void;
}

/** Who is in the team, with their roles; the owner removes a member after a confirm. */
export function MembersCard({ members, myId, canRemove, notify, onChanged }: Props) {
  const { t, locale } = useI18n();
  const remove = (m: TeamMemberDto) => {
    if (!window.confirm(t('team.members.removeConfirm', { name: m.name }))) return;
    void request('removeTeamMember', { memberId: m.id })
      .then(() => notify({ text: t('team.members.removed', { name: m.name }) }))
      .catch((e: unknown) => notify({ text: errorText(e, t), kind: 'error' }))
      .finally(onChanged);
  };
  return (
    <section class="card" aria-labelledby="team-members-title" data-testid="team-members">
      <h2 id="team-members-title">{t('team.members.title')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th>{t('team.members.name')}</th>
            <th>{t('team.members.role')}</th>
            <th>{t('team.members.joined')}</th>
            {canRemove && <th />}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="team-member" data-member-id={m.id} data-role={m.role}>
              <td data-testid="team-member-name">
                {m.name}
                {m.id === myId ? ` ${t('team.members.you')}` : ''}
              </td>
              <td>{t(`team.role.${m.role}`)}</td>
              <td>{formatDate(m.joinedAt, locale)}</td>
              {canRemove && (
                <td>
                  {m.role !== 'owner' && m.id !== myId && (
                    <button
                      type="button"
                      class="btn btn--danger"
                      data-testid="team-member-remove"
                      onClick={() => remove(m)}
                    >
                      {t('team.members.remove')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
