import { useState } from 'preact/hooks';
import {
  type CurrencyChoice,
  type CurrencyCount,
  proposedShopCurrency,
  sortedCounts,
  undecidedCurrencies,
} from '@/core/import/currencyPlan';
import { formatCount } from '../ui/format';
import { useI18n } from '../ui/i18nContext';

/** Currencies offered as the shop currency besides the file's own and the current one. */
const COMMON = [
  'USD',
  'EUR',
  'GBP',
  'CNY',
  'JPY',
  'CAD',
  'AUD',
  'HKD',
  'TWD',
  'SGD',
  'MYR',
  'THB',
  'IDR',
  'PHP',
  'VND',
  'KRW',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
  'BDT',
];

interface Props {
  byCurrency: Readonly<Record<string, number>>;
  /** The shop currency saved now (before this import). */
  currentShop: string;
  /** The shop has no orders: its currency may still change. */
  shopIsEmpty: boolean;
  choice: CurrencyChoice;
  onChange(choice: CurrencyChoice): void;
}

/**
 * The money decision of an import, before anything is written: which currency the shop counts
 * spend in (only while the shop is empty), and for every other currency in the file either a
 * rate or the seller's knowing "import unconverted".
 */
export function CurrencyStep({ byCurrency, currentShop, shopIsEmpty, choice, onChange }: Props) {
  const { t, locale } = useI18n();
  const counts = sortedCounts(byCurrency);
  const foreign = counts.filter((c) => c.currency !== choice.shopCurrency);
  const undecided = undecidedCurrencies(byCurrency, choice);
  const proposal = proposedShopCurrency(byCurrency, currentShop, shopIsEmpty);
  const n = (x: number) => formatCount(x, locale);
  const options = [...new Set([...counts.map((c) => c.currency), currentShop, ...COMMON])];

  const setRate = (currency: string, rate: number) => {
    const rates = { ...choice.rates };
    if (Number.isFinite(rate) && rate > 0) rates[currency] = rate;
    else delete rates[currency];
    const unconverted = new Set(choice.unconverted);
    if (rates[currency]) unconverted.delete(currency);
    onChange({ ...choice, rates, unconverted });
  };
  const setUnconverted = (currency: string, on: boolean) => {
    const unconverted = new Set(choice.unconverted);
    const rates = { ...choice.rates };
    if (on) {
      unconverted.add(currency);
      delete rates[currency];
    } else unconverted.delete(currency);
    onChange({ ...choice, rates, unconverted });
  };

  return (
    <section class="io-money" aria-labelledby="io-money-title" data-testid="io-money">
      <h3 id="io-money-title">{t('io.money.title')}</h3>
      {proposal && choice.shopCurrency === proposal && (
        <p class="io-money__proposal" data-testid="io-currency-proposal">
          {t('io.money.proposal', { currency: proposal, current: currentShop })}
        </p>
      )}
      {shopIsEmpty && (
        <label class="filter">
          <span class="filter__label">{t('io.money.shopCurrency')}</span>
          <select
            class="select"
            data-testid="io-shop-currency"
            value={choice.shopCurrency}
            onChange={(e) => onChange({ ...choice, shopCurrency: e.currentTarget.value })}
          >
            {options.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      {foreign.length === 0 && counts.length > 0 && (
        <p class="muted" data-testid="io-money-same">
          {t('io.money.same', { currency: choice.shopCurrency })}
        </p>
      )}
      {foreign.length > 0 && (
        <>
          <p data-testid="io-money-foreign">{t('io.money.foreignLead', { shop: choice.shopCurrency })}</p>
          <ul class="io-money__list">
            {foreign.map((c) => (
              <ForeignRow
                key={c.currency}
                count={c}
                shop={choice.shopCurrency}
                rate={choice.rates[c.currency]}
                unconverted={choice.unconverted.has(c.currency)}
                canSwitch={shopIsEmpty}
                n={n}
                onRate={(r) => setRate(c.currency, r)}
                onUnconverted={(on) => setUnconverted(c.currency, on)}
                onSwitch={() => onChange({ ...choice, shopCurrency: c.currency })}
              />
            ))}
          </ul>
        </>
      )}
      {undecided.length > 0 && (
        <p class="io-error" role="alert" data-testid="io-money-undecided">
          {t('io.money.undecided', { list: undecided.map((c) => c.currency).join(', ') })}
        </p>
      )}
    </section>
  );
}

function ForeignRow(props: {
  count: CurrencyCount;
  shop: string;
  rate: number | undefined;
  unconverted: boolean;
  canSwitch: boolean;
  n(x: number): string;
  onRate(rate: number): void;
  onUnconverted(on: boolean): void;
  onSwitch(): void;
}) {
  const { t } = useI18n();
  const { currency, orders } = props.count;
  // The seller's own text, so "0." or "1,"-in-progress is not wiped by the parsed value.
  const [text, setText] = useState(props.rate === undefined ? '' : String(props.rate));
  const parsed = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));
  return (
    <li class="io-money__row" data-testid="io-money-row" data-currency={currency}>
      <strong>
        {orders === 1
          ? t('io.money.rowOne', { currency })
          : t('io.money.row', { n: props.n(orders), currency })}
      </strong>
      <label class="io-money__rate">
        <span>{t('io.money.oneIs', { currency })}</span>
        <input
          class="input input--num"
          type="text"
          inputMode="decimal"
          data-testid="io-money-rate"
          aria-label={t('io.money.rateLabel', { currency, shop: props.shop })}
          value={text}
          disabled={props.unconverted}
          onInput={(e) => {
            setText(e.currentTarget.value);
            props.onRate(parsed(e.currentTarget.value));
          }}
        />
        <span>{props.shop}</span>
      </label>
      <label class="io-money__unconverted">
        <input
          type="checkbox"
          data-testid="io-money-unconverted"
          checked={props.unconverted}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            // Unticked again: a rate still typed in the box applies at once.
            if (!on && parsed(text) > 0) props.onRate(parsed(text));
            else props.onUnconverted(on);
          }}
        />
        {t('io.money.unconverted')}
      </label>
      {props.canSwitch && (
        <button type="button" class="btn btn--small" data-testid="io-money-switch" onClick={props.onSwitch}>
          {t('io.money.switch', { currency })}
        </button>
      )}
    </li>
  );
}
