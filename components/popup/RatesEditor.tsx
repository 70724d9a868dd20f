import { useState } from 'preact/hooks';
import { useI18n } from '../ui/i18nContext';
import { translateIssue } from './draft';
import { NumberInput } from './fields';

/** Exchange rates into the shop currency: one row per foreign currency, add and remove. */
export function RatesEditor(props: {
  shopCurrency: string;
  rates: Record<string, number>;
  issues: Map<string, string>;
  onChange(rates: Record<string, number>): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const entries = Object.entries(props.rates);
  const problem = [...props.issues].find(([k]) => k.startsWith('currencyRates'))?.[1];
  const add = (e: Event) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(c) || c in props.rates) return;
    props.onChange({ ...props.rates, [c]: 1 });
    setCode('');
  };
  return (
    <div class="rates">
      <p class="field__label">{t('set.rates', { currency: props.shopCurrency })}</p>
      {entries.length === 0 && <p class="field__hint">{t('set.rates.none')}</p>}
      <ul class="rates__list">
        {entries.map(([c, rate]) => (
          <li key={c} class="rates__row">
            <span class="rates__code">{t('set.rates.one', { code: c })}</span>
            <NumberInput
              label={t('set.rates.rateFor', { code: c, currency: props.shopCurrency })}
              value={rate}
              onChange={(v) => props.onChange({ ...props.rates, [c]: v })}
            />
            <span class="rates__code">{props.shopCurrency}</span>
            <button
              type="button"
              class="btn btn--small"
              aria-label={t('set.rates.remove', { code: c })}
              onClick={() => {
                const { [c]: _gone, ...rest } = props.rates;
                props.onChange(rest);
              }}
            >
              {t('ui.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div class="rates__add">
        <input
          class="input input--code"
          value={code}
          maxLength={3}
          aria-label={t('set.rates.newCode')}
          placeholder={t('set.rates.codePlaceholder')}
          onInput={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add(e)}
        />
        <button type="button" class="btn btn--small" onClick={add}>
          {t('set.rates.add')}
        </button>
      </div>
      <p class="field-error">{problem ? translateIssue(problem, t) : ''}</p>
    </div>
  );
}
