import type { TeamStatusDto } from '@/core/teamDtos';
import type { MessageKey } from '../i18n';
import { formatCount, formatDateTime } from '../ui/format';
import { useI18n } from '../ui/i18nContext';

/**
 * The team this browser is in and how its sync stands. `removed` when the server no longer
 * accepts this member: syncing cannot resume, so the card says so instead of "connecting".
 */
export function TeamStatusCard({ status, removed }: { status: TeamStatusDto; removed: boolean }) {
  const { t, locale } = useI18n();
  const { sync } = status;
  const facts: [MessageKey, string, string][] = [
    ['team.status.team', status.teamName ?? '', 'team'],
    ['team.status.me', status.memberName ?? '', 'me'],
    ['team.status.role', status.role ? t(`team.role.${status.role}`) : '', 'role'],
    ['team.status.server', status.origin ?? '', 'server'],
    ['team.status.connection', t(`team.conn.${sync.connection}`), 'connection'],
    [
      'team.status.lastSync',
      sync.lastSyncAt ? formatDateTime(sync.lastSyncAt, locale) : t('team.status.never'),
      'last-sync',
    ],
  ];
  return (
    <section class="card" aria-labelledby="team-status-title" data-testid="team-status">
      <h2 id="team-status-title">{t('team.status.title')}</h2>
      {removed && (
        <p class="field-error" role="alert" data-testid="team-removed">
          {t('team.status.refused')}
        </p>
      )}
      <dl class="facts">
        {facts.map(([label, value, id]) => (
          <div key={id}>
            <dt>{t(label)}</dt>
            <dd data-testid={`team-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {sync.unsynced > 0 && (
        <p class="muted" data-testid="team-unsynced">
          {t('team.status.unsynced', { n: formatCount(sync.unsynced, locale) })}
        </p>
      )}
    </section>
  );
}
