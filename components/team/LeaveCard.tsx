import { request } from '@/core/messaging';
import { errorText } from '../ui/errors';
import { useI18n } from '../ui/i18nContext';
import type { ToastState } from '../ui/Toast';

/** Leaving the team after a confirm that says the local data stays. */
export function LeaveCard({
  teamName,
  notify,
  onLeft,
}: {
  teamName: string;
  notify(toast: ToastState): void;
  onLeft(): void;
}) {
  const { t } = useI18n();
  const leave = () => {
    if (!window.confirm(t('team.leave.confirm', { team: teamName }))) return;
    void request('leaveTeam', {})
      .then(() => {
        notify({ text: t('team.leave.done') });
        onLeft();
      })
      .catch((e: unknown) => notify({ text: errorText(e, t), kind: 'error' }));
  };
  return (
    <section class="card" aria-labelledby="team-leave-title" data-testid="team-leave">
      <h2 id="team-leave-title">{t('team.leave.title')}</h2>
      <p class="muted">{t('team.leave.lead')}</p>
      <button type="button" class="btn btn--danger" onClick={leave} data-testid="team-leave-go">
        {t('team.leave.go')}
      </button>
    </section>
  );
}
