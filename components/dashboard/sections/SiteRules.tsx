import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/core/messaging';
import type { Settings } from '@/core/model';
import { ADAPTERS } from '@/core/sites/registry';
import { originPattern } from '@/core/sites/ruleAdapter';
import { errorText } from '../../ui/errors';
import { formatCount, formatDateTime } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';
import { useRequest } from '../useRequest';
import { FieldHealth } from './FieldHealth';
import { exportRuleFile, RuleFileImport } from './SiteRuleFiles';

/** Per-site capture switches, teach-mode rules and how well each site's selectors still match. */
export function SiteRules({ ctx, settings }: { ctx: SectionContext; settings: Settings | undefined }) {
  const { t, locale } = useI18n();
  const rules = useRequest(() => request('listSiteRules', {}), ['settings']);
  const health = useRequest(() => request('getSelectorHealth', {}), ['settings', 'buyers']);
  const fail = (e: unknown) => ctx.notify({ text: errorText(e, t), kind: 'error' });
  const ungranted = useUngrantedOrigins(rules.data?.map((r) => r.origin));

  return (
    <div class="sites">
      <h1 class="page-title">{t('dash.nav.sites')}</h1>

      <section class="card">
        <h2>{t('dash.sites.capture')}</h2>
        <p class="muted">{t('dash.sites.captureLead')}</p>
        <ul class="switch-list">
          {ADAPTERS.map((a) => {
            const on = settings?.capture[a.platform] !== false;
            return (
              <li key={a.id}>
                <span>{a.label}</span>
                <button
                  type="button"
                  role="switch"
                  class={`switch ${on ? 'switch--on' : ''}`}
                  aria-checked={on}
                  aria-label={t('dash.sites.captureFor', { site: a.label })}
                  disabled={!settings}
                  onClick={() =>
                    void request('setCapture', { site: a.platform, enabled: !on })
                      .then(ctx.reloadSettings)
                      .catch(fail)
                  }
                >
                  <span class="switch__knob" />
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section class="card">
        <h2>{t('dash.sites.rules')}</h2>
        <p class="muted">{t('dash.sites.teachHow')}</p>
        {rules.data === undefined ? (
          <div class="skeleton skeleton--list" />
        ) : rules.data.length === 0 ? (
          <p class="empty">{t('dash.sites.noRules')}</p>
        ) : (
          <ul class="rule-list">
            {rules.data.map((r) => (
              <li key={r.id}>
                <span class="rule__origin">{r.origin}</span>
                {ungranted.has(r.origin) && (
                  <span
                    class="pill"
                    data-testid="rule-needs-permission"
                    title={t('dash.sites.needsPermissionHow')}
                  >
                    {t('dash.sites.needsPermission')}
                  </span>
                )}
                {r.overrides && (
                  <span class="pill pill--warn" data-testid="rule-overrides">
                    {t('rules.overrides', { adapter: r.overrides })}
                  </span>
                )}
                <span class="muted rule__summary">{r.summary}</span>
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="rule-export"
                  aria-label={t('rules.exportFor', { origin: r.origin })}
                  onClick={() => void exportRuleFile(ctx, t, r.id)}
                >
                  {t('rules.export')}
                </button>
                <button
                  type="button"
                  class="btn btn--small btn--danger"
                  aria-label={t('dash.sites.deleteRule', { origin: r.origin })}
                  onClick={() => void request('deleteSiteRule', { id: r.id }).then(rules.reload).catch(fail)}
                >
                  {t('tagmgr.delete')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <RuleFileImport
          ctx={ctx}
          knownOrigins={rules.data?.map((r) => r.origin) ?? []}
          onImported={rules.reload}
        />
      </section>

      <section class="card">
        <h2>{t('dash.sites.health')}</h2>
        {health.data === undefined ? (
          <div class="skeleton skeleton--list" />
        ) : health.data.length === 0 ? (
          <p class="empty">{t('dash.sites.noHealth')}</p>
        ) : (
          <table class="plain-table">
            <thead>
              <tr>
                <th scope="col">{t('dash.sites.site')}</th>
                <th scope="col" class="num">
                  {t('dash.sites.hits')}
                </th>
                <th scope="col" class="num">
                  {t('dash.sites.misses')}
                </th>
                <th scope="col">{t('dash.sites.lastMiss')}</th>
              </tr>
            </thead>
            <tbody>
              {health.data.map((h) => (
                <tr key={h.site} class={h.misses > 0 ? 'row--warn' : ''}>
                  <td>{ADAPTERS.find((a) => a.platform === h.site)?.label ?? h.site}</td>
                  <td class="num">{formatCount(h.hits, locale)}</td>
                  <td class="num">{formatCount(h.misses, locale)}</td>
                  <td>
                    {h.lastMissAt ? `${formatDateTime(h.lastMissAt, locale)} · ${h.lastMissUrl ?? ''}` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {health.data?.map((h) => {
          const siteLabel = ADAPTERS.find((a) => a.platform === h.site)?.label ?? h.site;
          const reset = () =>
            request('resetSelectorHealth', { site: h.site })
              .then(() => {
                ctx.notify({ text: t('dash.sites.resetDone', { site: siteLabel }), kind: 'info' });
                health.reload();
              })
              .catch(fail);
          return <FieldHealth key={h.site} health={h} siteLabel={siteLabel} onReset={reset} />;
        })}
      </section>
    </div>
  );
}

/**
 * Origins of taught rules this browser has no permission for (e.g. rules restored from a backup
 * made elsewhere): their content script is not registered until the seller grants the origin,
 * which teaching the page again asks for.
 */
function useUngrantedOrigins(origins: readonly string[] | undefined): ReadonlySet<string> {
  const [ungranted, setUngranted] = useState<ReadonlySet<string>>(new Set());
  const key = origins?.join('\n') ?? '';
  useEffect(() => {
    let live = true;
    const list = key ? key.split('\n') : [];
    void Promise.all(
      list.map(async (o) => {
        try {
          return (await browser.permissions.contains({ origins: [originPattern(o)] })) ? null : o;
        } catch {
          return null;
        }
      }),
    ).then((missing) => {
      if (live) setUngranted(new Set(missing.filter((o): o is string => o !== null)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return ungranted;
}
