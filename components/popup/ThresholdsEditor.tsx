import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '@/core/messaging';
import type { Settings } from '@/core/model';
import { errorText } from '../ui/errors';
import { currencyDigits } from '../ui/format';
import { useI18n } from '../ui/i18nContext';
import type { ToastState } from '../ui/Toast';
import { browserLanguage } from '../ui/useUiLocale';
import { type Draft, resetThresholds, setIn, validate } from './draft';
import { CutsField, Field, NumberInput } from './fields';
import { PreviewPanel } from './PreviewPanel';
import { RatesEditor } from './RatesEditor';
import { RescoreProgress } from './RescoreProgress';
import { useRescore } from './useRescore';
import { useSettingsPreview } from './useSettingsPreview';

/**
 * The thresholds editor: every cut point, weight and band of the classification, with a live
 * count of buyers per class, zod's validation next to each field, reset to defaults, and a
 * save that shows the rescore's progress.
 */
export function ThresholdsEditor({
  settings,
  notify,
}: {
  settings: Settings | undefined;
  notify(t: ToastState): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(settings ?? null);
  const [saving, setSaving] = useState(false);
  const { status, follow } = useRescore();
  useEffect(() => {
    // Adopt saved settings when they arrive or change elsewhere, unless the seller is editing.
    if (settings && (!draft || !dirtyAgainst(draft, settings))) setDraft(settings);
  }, [settings]);

  const result = useMemo(() => (draft ? validate(draft) : null), [draft]);
  const valid = result?.ok ? result.settings : null;
  const issues = result && !result.ok ? result.issues : new Map<string, string>();
  const { preview, busy } = useSettingsPreview(valid);

  if (!draft || !settings) return <div class="skeleton skeleton--form" aria-busy="true" />;

  const set = (path: Array<string | number>, value: unknown) =>
    setDraft((d) => (d ? setIn(d, path, value) : d));
  const err = (path: string) => issues.get(path);
  const money = 10 ** currencyDigits(draft.shopCurrency);
  const dirty = dirtyAgainst(draft, settings);

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    const since = Date.now();
    try {
      await request('saveSettings', { settings: valid });
      follow(since);
      notify({ text: t('set.saved') });
    } catch (e) {
      notify({ text: errorText(e, t), kind: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="thresholds">
      <PreviewPanel preview={preview} busy={busy || !valid} />
      <form
        class="thresholds__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset class="group">
          <legend>{t('set.group.segments')}</legend>
          <Field label={t('set.scheme')} error={err('scheme')}>
            {({ id }) => (
              <select
                id={id}
                class="select"
                data-testid="scheme"
                value={draft.scheme}
                onChange={(e) => set(['scheme'], e.currentTarget.value)}
              >
                <option value="rfm-grid">{t('set.scheme.rfm-grid')}</option>
                <option value="value-8">{t('set.scheme.value-8')}</option>
              </select>
            )}
          </Field>
          <Field label={t('set.method')} hint={t('set.method.hint')} error={err('rfm.method')}>
            {({ id }) => (
              <select
                id={id}
                class="select"
                data-testid="method"
                value={draft.rfm.method}
                onChange={(e) => set(['rfm', 'method'], e.currentTarget.value)}
              >
                <option value="quantile">{t('set.method.quantile')}</option>
                <option value="absolute">{t('set.method.absolute')}</option>
              </select>
            )}
          </Field>
          <Field label={t('set.window')} hint={t('set.window.hint')} error={err('rfm.windowDays')}>
            {({ id, errorId, invalid }) => (
              <NumberInput
                id={id}
                label={t('set.window')}
                value={draft.rfm.windowDays}
                step={1}
                invalid={invalid}
                describedBy={errorId}
                testId="windowDays"
                onChange={(v) => set(['rfm', 'windowDays'], v)}
              />
            )}
          </Field>
          {draft.rfm.method === 'absolute' && (
            <>
              <CutsField
                label={t('set.cuts.r')}
                hint={t('set.cuts.r.hint')}
                values={draft.rfm.recencyCuts}
                error={err('rfm.recencyCuts')}
                testId="recencyCuts"
                onChange={(v) => set(['rfm', 'recencyCuts'], v)}
              />
              <CutsField
                label={t('set.cuts.f')}
                hint={t('set.cuts.f.hint')}
                values={draft.rfm.frequencyCuts}
                error={err('rfm.frequencyCuts')}
                testId="frequencyCuts"
                onChange={(v) => set(['rfm', 'frequencyCuts'], v)}
              />
              <CutsField
                label={t('set.cuts.m', { currency: draft.shopCurrency })}
                hint={t('set.cuts.m.hint')}
                values={draft.rfm.monetaryCuts}
                scale={money}
                error={err('rfm.monetaryCuts')}
                testId="monetaryCuts"
                onChange={(v) => set(['rfm', 'monetaryCuts'], v)}
              />
            </>
          )}
          {draft.scheme === 'value-8' && (
            <>
              <Field label={t('set.value8.threshold')} error={err('value8.threshold')}>
                {({ id }) => (
                  <select
                    id={id}
                    class="select"
                    value={draft.value8.threshold}
                    onChange={(e) => set(['value8', 'threshold'], e.currentTarget.value)}
                  >
                    <option value="median">{t('set.value8.median')}</option>
                    <option value="absolute">{t('set.value8.absolute')}</option>
                  </select>
                )}
              </Field>
              {draft.value8.threshold === 'absolute' && (
                <div class="field-row">
                  <Field label={t('set.value8.r')} error={err('value8.recencyDays')}>
                    {({ id }) => (
                      <NumberInput
                        id={id}
                        label={t('set.value8.r')}
                        value={draft.value8.recencyDays}
                        onChange={(v) => set(['value8', 'recencyDays'], v)}
                      />
                    )}
                  </Field>
                  <Field label={t('set.value8.f')} error={err('value8.frequency')}>
                    {({ id }) => (
                      <NumberInput
                        id={id}
                        label={t('set.value8.f')}
                        value={draft.value8.frequency}
                        onChange={(v) => set(['value8', 'frequency'], v)}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('set.value8.m', { currency: draft.shopCurrency })}
                    error={err('value8.monetary')}
                  >
                    {({ id }) => (
                      <NumberInput
                        id={id}
                        label={t('set.value8.m', { currency: draft.shopCurrency })}
                        value={draft.value8.monetary}
                        scale={money}
                        onChange={(v) => set(['value8', 'monetary'], v)}
                      />
                    )}
                  </Field>
                </div>
              )}
            </>
          )}
        </fieldset>

        <fieldset class="group">
          <legend>{t('set.group.valueTier')}</legend>
          <div class="field-row">
            {(['r', 'f', 'm'] as const).map((k) => (
              <Field key={k} label={t(`set.weight.${k}`)} error={err(`valueTier.weights.${k}`)}>
                {({ id, errorId, invalid }) => (
                  <NumberInput
                    id={id}
                    label={t(`set.weight.${k}`)}
                    value={draft.valueTier.weights[k]}
                    step={0.1}
                    invalid={invalid || issues.has('valueTier.weights')}
                    describedBy={errorId}
                    testId={`weight-${k}`}
                    onChange={(v) => set(['valueTier', 'weights', k], v)}
                  />
                )}
              </Field>
            ))}
          </div>
          <p
            class="field-error"
            role={err('valueTier.weights') ? 'alert' : undefined}
            data-testid="weights-error"
          >
            {err('valueTier.weights') ? t('set.err.weightsZero') : ''}
          </p>
          <div class="field-row">
            <Field label={t('set.tier.medium')} error={err('valueTier.mediumAt')}>
              {({ id }) => (
                <NumberInput
                  id={id}
                  label={t('set.tier.medium')}
                  value={draft.valueTier.mediumAt}
                  step={0.1}
                  testId="mediumAt"
                  onChange={(v) => set(['valueTier', 'mediumAt'], v)}
                />
              )}
            </Field>
            <Field label={t('set.tier.high')} error={err('valueTier.highAt')}>
              {({ id }) => (
                <NumberInput
                  id={id}
                  label={t('set.tier.high')}
                  value={draft.valueTier.highAt}
                  step={0.1}
                  testId="highAt"
                  onChange={(v) => set(['valueTier', 'highAt'], v)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset class="group">
          <legend>{t('set.group.keyAccount')}</legend>
          <div class="field-row">
            <Field label={t('set.key.top')} error={err('keyAccount.topShare')}>
              {({ id }) => (
                <NumberInput
                  id={id}
                  label={t('set.key.top')}
                  value={draft.keyAccount.topShare}
                  scale={0.01}
                  step={0.5}
                  testId="topShare"
                  onChange={(v) => set(['keyAccount', 'topShare'], v)}
                />
              )}
            </Field>
            <Field
              label={t('set.key.min', { currency: draft.shopCurrency })}
              hint={t('set.key.min.hint')}
              error={err('keyAccount.minSpend')}
            >
              {({ id }) => (
                <NumberInput
                  id={id}
                  label={t('set.key.min', { currency: draft.shopCurrency })}
                  value={draft.keyAccount.minSpend}
                  scale={money}
                  onChange={(v) => set(['keyAccount', 'minSpend'], Math.round(v))}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset class="group">
          <legend>{t('set.group.bands')}</legend>
          <CutsField
            label={t('set.bands.f')}
            hint={t('set.bands.f.hint')}
            values={draft.frequencyBands}
            error={err('frequencyBands')}
            testId="frequencyBands"
            onChange={(v) => set(['frequencyBands'], v)}
          />
          <CutsField
            label={t('set.bands.m', { currency: draft.shopCurrency })}
            hint={t('set.bands.m.hint')}
            values={draft.spendBands}
            scale={money}
            error={err('spendBands')}
            testId="spendBands"
            onChange={(v) => set(['spendBands'], v)}
          />
        </fieldset>

        <fieldset class="group">
          <legend>{t('set.group.shop')}</legend>
          <div class="field-row">
            <Field label={t('set.currency')} error={err('shopCurrency')}>
              {({ id }) => (
                <input
                  id={id}
                  class="input input--code"
                  value={draft.shopCurrency}
                  maxLength={3}
                  onInput={(e) => set(['shopCurrency'], e.currentTarget.value.toUpperCase())}
                />
              )}
            </Field>
            <Field label={t('set.country')} error={err('shopCountry')}>
              {({ id }) => (
                <input
                  id={id}
                  class="input input--code"
                  value={draft.shopCountry}
                  maxLength={2}
                  onInput={(e) => set(['shopCountry'], e.currentTarget.value.toUpperCase())}
                />
              )}
            </Field>
          </div>
          <Field label={t('set.timeZone')} error={err('timeZone')}>
            {({ id }) => (
              <>
                <input
                  id={id}
                  class="input"
                  list="bt-time-zones"
                  value={draft.timeZone}
                  onInput={(e) => set(['timeZone'], e.currentTarget.value)}
                />
                <datalist id="bt-time-zones">
                  {timeZones().map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <RatesEditor
            shopCurrency={draft.shopCurrency}
            rates={draft.currencyRates}
            issues={issues}
            onChange={(r) => set(['currencyRates'], r)}
          />
        </fieldset>

        <div class="form-actions">
          <button
            type="button"
            class="btn"
            onClick={() => setDraft(resetThresholds(draft, browserLanguage()))}
            data-testid="reset-defaults"
          >
            {t('set.reset')}
          </button>
          <button type="button" class="btn" disabled={!dirty} onClick={() => setDraft(settings)}>
            {t('set.discard')}
          </button>
          <button
            type="submit"
            class="btn btn--primary"
            disabled={!valid || !dirty || saving}
            data-testid="save-settings"
          >
            {t('set.save')}
          </button>
        </div>
        <p class="field-error" role={valid ? undefined : 'alert'}>
          {valid ? '' : t('set.invalid')}
        </p>
        <RescoreProgress status={status} />
      </form>
    </div>
  );
}

function dirtyAgainst(a: Draft, b: Settings): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

let zones: string[] | undefined;
function timeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return zones;
}
