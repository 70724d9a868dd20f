import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/core/messaging';
import { adapterForUrl } from '@/core/sites/registry';
import { originPattern } from '@/core/sites/ruleAdapter';
import {
  parseSiteRuleFile,
  type RuleFileProblem,
  type SiteRuleFile,
  siteRuleFileName,
} from '@/core/sites/ruleFile';
import type { MessageKey } from '../../i18n';
import { saveText } from '../../importExport/download';
import { errorText } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';

/** A rule file is a few hundred bytes; anything much larger is not one (and is not read). */
const MAX_FILE_BYTES = 64 * 1024;
const FIELDS = ['chatBuyerSelector', 'chatInputSelector', 'listBuyerSelector', 'orderRowSelector'] as const;

type T = ReturnType<typeof useI18n>['t'];

function problemText(t: T, file: string, p: RuleFileProblem): string {
  switch (p.code) {
    case 'not-json':
      return t('rules.import.notJson', { file });
    case 'not-a-rule-file':
      return t('rules.import.notRule', { file });
    case 'newer-version':
      return t('rules.import.newer', { file, version: p.version });
    case 'bad-field':
      return t('rules.import.badField', { file, field: p.field, detail: p.detail });
    case 'no-buyer-selector':
      return t('rules.import.noBuyer', { file });
  }
}

/** Saves one taught rule as a small JSON file (the seller's download, no permission needed). */
export async function exportRuleFile(ctx: SectionContext, t: T, id: string): Promise<void> {
  try {
    const file = await request('exportSiteRule', { id });
    const name = siteRuleFileName(file.rule);
    saveText(name, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    ctx.notify({ text: t('rules.exported', { file: name }) });
  } catch (e) {
    ctx.notify({ text: errorText(e, t), kind: 'error' });
  }
}

/**
 * Import of a rule file: the file is checked here first (the first bad field is named), shown
 * to the seller, and only the confirming click asks the browser for the site's access (a
 * permission prompt needs that click) and hands the rule to the background.
 */
export function RuleFileImport({
  ctx,
  knownOrigins,
  onImported,
}: {
  ctx: SectionContext;
  knownOrigins: readonly string[];
  onImported(): void;
}) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<{ name: string; file: SiteRuleFile } | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (f: File | undefined) => {
    setPending(null);
    setProblem('');
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      setProblem(t('rules.import.tooBig', { file: f.name }));
      return;
    }
    const checked = parseSiteRuleFile(await f.text());
    if (checked.ok) setPending({ name: f.name, file: checked.file });
    else setProblem(problemText(t, f.name, checked.problem));
  };

  const reset = () => {
    setPending(null);
    if (input.current) input.current.value = '';
  };

  const confirm = (file: SiteRuleFile) => {
    const origin = file.rule.origin;
    setBusy(true);
    // Asked first, inside the click: the browser shows its prompt only for a user gesture.
    browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          ctx.notify({ text: t('rules.import.denied', { origin }), kind: 'error' });
          return;
        }
        await request('importSiteRule', { file });
        ctx.notify({ text: t('rules.import.done', { origin }) });
        reset();
        onImported();
      })
      .catch((e) => ctx.notify({ text: errorText(e, t), kind: 'error' }))
      .finally(() => setBusy(false));
  };

  const rule = pending?.file.rule;
  const builtIn = rule ? adapterForUrl(`${rule.origin}/`) : undefined;
  return (
    <div class="rule-import" data-testid="rule-import">
      <h3>{t('rules.import.title')}</h3>
      <p class="muted">{t('rules.import.lead')}</p>
      <label class="btn btn--small">
        {t('rules.import.choose')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          class="sr-only"
          data-testid="rule-import-file"
          onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </label>
      {problem && (
        <p class="field-error" role="alert" data-testid="rule-import-problem">
          {problem}
        </p>
      )}
      {pending && rule && (
        <div class="rule-import__preview" data-testid="rule-import-preview">
          <p>
            {t('rules.import.preview', {
              origin: rule.origin,
              label: rule.label,
              date: formatDate(rule.createdAt, locale),
            })}
          </p>
          <p class="muted">
            {t('rules.import.fields', {
              fields: FIELDS.filter((f) => rule[f])
                .map((f) => t(`rules.field.${f}` as MessageKey))
                .join(', '),
            })}
          </p>
          {knownOrigins.includes(rule.origin) && <p class="muted">{t('rules.import.replaces')}</p>}
          {builtIn && (
            <p class="pill pill--warn" data-testid="rule-import-overrides">
              {t('rules.import.overrides', { adapter: builtIn.label })}
            </p>
          )}
          <button
            type="button"
            class="btn btn--primary btn--small"
            data-testid="rule-import-confirm"
            disabled={busy}
            onClick={() => confirm(pending.file)}
          >
            {t('rules.import.confirm')}
          </button>{' '}
          <button type="button" class="btn btn--small" disabled={busy} onClick={reset}>
            {t('rules.import.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
