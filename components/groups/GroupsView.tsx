import { useEffect, useState } from 'preact/hooks';
import type { ClusteringDto } from '@/core/scoring/cluster/types';
import { translator, type UiLocale } from '../i18n';
import { formatAgo, formatCount } from '../ui/format';
import type { GroupsApi } from './api';
import { CrossTable } from './CrossTable';
import { GroupCard } from './GroupCard';

export interface GroupsViewProps {
  /** `groupsApi` from ./api in the extension. */
  api: GroupsApi;
  locale: UiLocale;
  /** Opens a buyer (e.g. the dashboard's buyer detail); without it names are not clickable. */
  onOpenBuyer?(buyerKey: string): void;
  /** Shows a short confirmation (toast); defaults to an inline line. */
  notify?(message: string): void;
}

const K_CHOICES = [0, 2, 3, 4, 5, 6, 7, 8] as const;

/**
 * The "discovered groups" dashboard view: runs the clustering, shows each group in plain words
 * with its size and revenue share, lets the seller open a group's buyers or save it as a tag,
 * and compares groups with the rule-based segments.
 */
export function GroupsView({ api, locale, onOpenBuyer, notify }: GroupsViewProps) {
  const t = translator(locale);
  const [result, setResult] = useState<ClusteringDto | null | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [k, setK] = useState<number>(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .status()
      .then((s) => {
        setResult(s.last);
        setRunning(s.running);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.run(k || undefined));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const say = (m: string) => (notify ? notify(m) : setMessage(m));

  return (
    <div class="groups" data-testid="groups-view">
      <h1 class="page-title">{t('groups.title')}</h1>
      <p class="muted">{t('groups.intro')}</p>
      <div class="toolbar">
        <label class="filter">
          <span class="filter__label">{t('groups.k')}</span>
          <select class="select" value={k} onChange={(e) => setK(Number(e.currentTarget.value))}>
            {K_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c === 0 ? t('groups.k.auto') : c}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="btn btn--primary"
          onClick={() => void run()}
          disabled={running}
          aria-busy={running || undefined}
          data-testid="groups-run"
        >
          {running ? <span class="spinner" aria-hidden="true" /> : null}
          {running ? t('groups.running') : result ? t('groups.rerun') : t('groups.run')}
        </button>
        {result ? (
          <span class="muted">
            {t('groups.computedAt', {
              when: formatAgo(result.computedAt, Date.now(), locale),
              ms: Math.round(result.tookMs),
            })}
          </span>
        ) : null}
      </div>
      {error ? (
        <p class="error" role="alert">
          {t('groups.error', { message: error })}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      {running ? (
        <p class="groups__progress" role="status" data-testid="groups-progress">
          <span class="spinner" aria-hidden="true" />
          {t('groups.running')}
        </p>
      ) : null}
      {result === undefined ? (
        <div class="skeleton skeleton--list" />
      ) : result === null ? (
        <p class="empty">{t('groups.none')}</p>
      ) : result.groups.length === 0 ? (
        <p class="empty">{t('groups.empty')}</p>
      ) : (
        <>
          <p>
            {t('groups.summary', {
              n: formatCount(result.clustered, locale),
              k: result.k,
              silhouette: result.silhouette.toFixed(2),
            })}
          </p>
          <div class="group-grid">
            {result.groups.map((g) => (
              <GroupCard
                key={`${result.computedAt}-${g.id}`}
                group={g}
                totalBuyers={result.clustered}
                currency={result.currency}
                locale={locale}
                t={t}
                api={api}
                onOpenBuyer={onOpenBuyer}
                onSaved={say}
                onError={setError}
              />
            ))}
          </div>
          <CrossTable table={result.crossTable} t={t} locale={locale} />
        </>
      )}
    </div>
  );
}
