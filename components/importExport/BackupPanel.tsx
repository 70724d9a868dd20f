import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem } from '@/core/backup/passphrase';
import type { RestorePlan } from '@/core/importExportDtos';
import { request } from '@/core/messaging';
import { leaveTeamFirst } from '../team/leaveFirst';
import { errorText } from '../ui/errors';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import { saveText } from './download';
import { RestorePlanTable } from './RestorePlanTable';

type Mode = 'merge' | 'replace';

/** A cheap look at the file: encrypted envelopes carry their format name at the top level. */
function looksEncrypted(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"buyer-tiers-backup-encrypted"/.test(text.slice(0, 200));
}

/**
 * Backup (optionally encrypted with a passphrase that is never stored) and restore: read the
 * file, decrypt, validate every record, show the plan, then apply it in one transaction.
 */
export function BackupPanel() {
  const { t, locale } = useI18n();
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [backupMsg, setBackupMsg] = useState<{ text: string; error?: boolean }>();
  const [file, setFile] = useState<{ name: string; text: string; encrypted: boolean }>();
  const [restorePass, setRestorePass] = useState('');
  const [mode, setMode] = useState<Mode>('merge');
  const [plan, setPlan] = useState<RestorePlan>();
  const [restoreMsg, setRestoreMsg] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBackupMsg(undefined);
    setBusy(true);
    try {
      const out = await request('createBackup', { passphrase: pass || undefined });
      saveText(out.fileName, 'application/json', out.content);
      setBackupMsg({
        text: t(out.encrypted ? 'io.backup.savedEncrypted' : 'io.backup.saved', { file: out.fileName }),
      });
      setPass('');
      setPass2('');
    } catch (e) {
      setBackupMsg({ text: errorText(e, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const check = async (m: Mode = mode) => {
    if (!file) return;
    setRestoreMsg(undefined);
    setPlan(undefined);
    setBusy(true);
    try {
      setPlan(
        await request('planRestore', { content: file.text, passphrase: restorePass || undefined, mode: m }),
      );
    } catch (e) {
      setRestoreMsg({ text: errorText(e, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file || !plan) return;
    if (mode === 'replace' && !window.confirm(t('io.restore.replaceConfirm'))) return;
    setBusy(true);
    try {
      if (!(await leaveTeamFirst('restore', t))) return;
      await request('applyRestore', { content: file.text, passphrase: restorePass || undefined, mode });
      setRestoreMsg({ text: t('io.restore.done', { n: formatCount(plan.tables.buyers.inBackup, locale) }) });
      setPlan(undefined);
      setFile(undefined);
      setRestorePass('');
    } catch (e) {
      setRestoreMsg({ text: errorText(e, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const mismatch = pass !== '' && pass !== pass2;
  // The same rule the background enforces, shown while typing (an empty passphrase = no encryption).
  const weak = pass !== '' ? passphraseProblem(pass) : undefined;
  return (
    <section class="card" aria-labelledby="io-backup-title" data-testid="io-backup">
      <h2 id="io-backup-title">{t('io.backup.title')}</h2>
      <p class="muted">{t('io.backup.lead')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!mismatch && !weak) void create();
        }}
      >
        <input
          class="input"
          type="password"
          autoComplete="new-password"
          value={pass}
          placeholder={t('io.backup.passphrase')}
          aria-label={t('io.backup.passphrase')}
          data-testid="io-backup-pass"
          onInput={(e) => setPass(e.currentTarget.value)}
        />
        {pass !== '' && (
          <input
            class="input"
            type="password"
            autoComplete="new-password"
            value={pass2}
            placeholder={t('io.backup.passphraseAgain')}
            aria-label={t('io.backup.passphraseAgain')}
            data-testid="io-backup-pass2"
            onInput={(e) => setPass2(e.currentTarget.value)}
          />
        )}
        <button
          type="submit"
          class="btn btn--primary"
          disabled={busy || mismatch || weak !== undefined}
          data-testid="io-backup-go"
        >
          {t('io.backup.go')}
        </button>
      </form>
      {weak && (
        <p class="io-error" data-testid="io-backup-weak">
          {t(`io.backup.weak.${weak}`, { min: MIN_PASSPHRASE_LENGTH })}
        </p>
      )}
      {mismatch && pass2 !== '' && <p class="io-error">{t('io.backup.mismatch')}</p>}
      {backupMsg && (
        <p class={backupMsg.error ? 'io-error' : 'muted'} role="status" data-testid="io-backup-message">
          {backupMsg.text}
        </p>
      )}

      <h3>{t('io.restore.title')}</h3>
      <label class="btn">
        {t('io.restore.choose')}
        <input
          type="file"
          class="sr-only"
          accept=".json,application/json"
          data-testid="io-restore-file"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!f) return;
            const text = await f.text();
            setPlan(undefined);
            setRestoreMsg(undefined);
            setFile({ name: f.name, text, encrypted: looksEncrypted(text) });
          }}
        />
      </label>
      {file && (
        <div class="io-restore" data-testid="io-restore">
          <p>
            {file.name}
            {file.encrypted ? ` · ${t('io.restore.encrypted')}` : ''}
          </p>
          {file.encrypted && (
            <input
              class="input"
              type="password"
              autoComplete="off"
              value={restorePass}
              placeholder={t('io.restore.passphrase')}
              aria-label={t('io.restore.passphrase')}
              data-testid="io-restore-pass"
              onInput={(e) => setRestorePass(e.currentTarget.value)}
            />
          )}
          <div class="segmented" role="radiogroup" aria-label={t('io.restore.mode')}>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} class={`segmented__opt ${mode === m ? 'segmented__opt--on' : ''}`}>
                <input
                  type="radio"
                  name="io-restore-mode"
                  value={m}
                  checked={mode === m}
                  data-testid={`io-restore-mode-${m}`}
                  onChange={() => {
                    setMode(m);
                    if (plan) void check(m);
                  }}
                />{' '}
                {t(`io.restore.mode.${m}`)}
              </label>
            ))}
          </div>
          <div class="inline-form">
            <button
              type="button"
              class="btn"
              disabled={busy}
              data-testid="io-restore-check"
              onClick={() => void check()}
            >
              {t('io.restore.check')}
            </button>
            {plan && (
              <button
                type="button"
                class={`btn ${mode === 'replace' ? 'btn--danger' : 'btn--primary'}`}
                disabled={busy}
                data-testid="io-restore-apply"
                onClick={() => void apply()}
              >
                {t(mode === 'replace' ? 'io.restore.applyReplace' : 'io.restore.applyMerge')}
              </button>
            )}
          </div>
          {plan && <RestorePlanTable plan={plan} />}
        </div>
      )}
      {restoreMsg && (
        <p
          class={restoreMsg.error ? 'io-error' : 'muted'}
          role={restoreMsg.error ? 'alert' : 'status'}
          data-testid="io-restore-message"
        >
          {restoreMsg.text}
        </p>
      )}
    </section>
  );
}
