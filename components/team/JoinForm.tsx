import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/core/messaging';
import { DEMO_LOOPBACK_HOSTS } from '@/core/sites/demoMode';
import { originPattern } from '@/core/sites/ruleAdapter';
import { serverOrigin } from '@/core/team/address';
import type { TeamStatusDto } from '@/core/teamDtos';
import type { MessageKey } from '../i18n';
import { useI18n } from '../ui/i18nContext';
import { checkJoinInput, type JoinField, type JoinProblem, joinFailure } from './joinProblem';

/**
 * Joining a team: the server's address, the join code and the seller's name. The click asks the
 * browser for access to exactly that server first (browsers only allow asking inside a click),
 * then the background joins.
 */
export function JoinForm({ onJoined }: { onJoined(status: TeamStatusDto): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ server: '', code: '', name: '' });
  const [problem, setProblem] = useState<JoinProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = () => {
    const invalid = checkJoinInput(values, t);
    setProblem(invalid);
    if (invalid) return;
    const origin = serverOrigin(values.server, DEMO_LOOPBACK_HOSTS)!;
    setBusy(true);
    // No await before this call: the permission prompt needs the click's user gesture. The
    // pattern is the one the background checks, so a granted prompt always satisfies it.
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) return setProblem({ field: 'server', text: t('team.err.denied', { origin }) });
        onJoined(await request('joinTeam', { server: origin, code: values.code, name: values.name.trim() }));
      })
      .catch((e: unknown) => setProblem(joinFailure(e, origin, t)))
      .finally(() => setBusy(false));
  };

  const field = (id: JoinField, label: MessageKey, hint: MessageKey, extra: { autoComplete?: string }) => {
    const wrong = problem?.field === id;
    return (
      <label class="field">
        <span class="field__label">{t(label)}</span>
        <input
          class="input"
          name={id}
          value={values[id]}
          autoComplete={extra.autoComplete ?? 'off'}
          aria-invalid={wrong}
          aria-describedby={wrong ? 'team-join-error' : undefined}
          data-testid={`team-join-${id}`}
          onInput={(e) => setValues({ ...values, [id]: e.currentTarget.value })}
        />
        <span class="field__hint">{t(hint)}</span>
      </label>
    );
  };

  return (
    <section class="card" aria-labelledby="team-join-title" data-testid="team-join">
      <h2 id="team-join-title">{t('team.join.title')}</h2>
      <form
        class="team-join"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) submit();
        }}
      >
        {field('server', 'team.join.server', 'team.join.serverHint', { autoComplete: 'url' })}
        {field('code', 'team.join.code', 'team.join.codeHint', {})}
        {field('name', 'team.join.name', 'team.join.nameHint', { autoComplete: 'name' })}
        {problem && (
          <p
            class="field-error"
            id="team-join-error"
            role="alert"
            data-testid="team-join-error"
            data-field={problem.field ?? ''}
          >
            {problem.text}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="team-join-go">
            {t(busy ? 'team.join.joining' : 'team.join.go')}
          </button>
        </div>
      </form>
    </section>
  );
}
