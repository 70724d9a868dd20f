import { useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import type { TeamInviteDto } from '@/core/teamDtos';
import { errorText } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { ToastState } from '../ui/Toast';

/** The owner creates a one-time join code for an agent and copies it to send it on. */
export function InviteCard({ notify }: { notify(toast: ToastState): void }) {
  const { t, locale } = useI18n();
  const [invite, setInvite] = useState<TeamInviteDto>();
  const [busy, setBusy] = useState(false);

  const create = () => {
    setBusy(true);
    void request('createTeamInvite', {})
      .then(setInvite)
      .catch((e: unknown) => notify({ text: errorText(e, t), kind: 'error' }))
      .finally(() => setBusy(false));
  };
  const copy = (code: string) =>
    navigator.clipboard.writeText(code).then(
      () => notify({ text: t('team.invite.copied') }),
      // Without clipboard access the code stays on screen, selectable, which is enough.
      () => undefined,
    );

  return (
    <section class="card" aria-labelledby="team-invite-title" data-testid="team-invite">
      <h2 id="team-invite-title">{t('team.invite.title')}</h2>
      <p class="muted">{t('team.invite.lead')}</p>
      <div class="inline-form">
        <button
          type="button"
          class="btn btn--primary"
          disabled={busy}
          onClick={create}
          data-testid="team-invite-go"
        >
          {t('team.invite.go')}
        </button>
      </div>
      {invite && (
        <div class="team-invite-code">
          <p>
            {t('team.invite.codeLabel')} <code data-testid="team-invite-code">{invite.code}</code>{' '}
            <button
              type="button"
              class="btn"
              onClick={() => void copy(invite.code)}
              data-testid="team-invite-copy"
            >
              {t('team.invite.copy')}
            </button>
          </p>
          <p class="muted">{t('team.invite.expires', { date: formatDateTime(invite.expiresAt, locale) })}</p>
        </div>
      )}
    </section>
  );
}
