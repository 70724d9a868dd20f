import { describe, expect, it } from 'vitest';
import {
  countLeftOut,
  leftOutCurrencies,
  proposedShopCurrency,
  settingsChangeOf,
  sortedCounts,
  undecidedCurrencies,
} from '../../../core/import/currencyPlan';

const none = new Set<string>();

describe('currency plan of an import', () => {
  it('sorts counts largest first and drops empty ones', () => {
    expect(sortedCounts({ USD: 3, CAD: 17, EUR: 0, AUD: 3 })).toEqual([
      { currency: 'CAD', orders: 17 },
      { currency: 'AUD', orders: 3 },
      { currency: 'USD', orders: 3 },
    ]);
  });

  it('proposes the file currency only for a shop without orders', () => {
    expect(proposedShopCurrency({ GBP: 40, USD: 2 }, 'USD', true)).toBe('GBP');
    expect(proposedShopCurrency({ GBP: 40 }, 'USD', false)).toBeUndefined();
    expect(proposedShopCurrency({ USD: 5 }, 'USD', true)).toBeUndefined();
    expect(proposedShopCurrency({}, 'USD', true)).toBeUndefined();
    expect(proposedShopCurrency({ EUR: 1, USD: 1 }, 'USD', true)).toBeUndefined();
    expect(proposedShopCurrency({ EUR: 1, GBP: 1 }, 'USD', true)).toBe('EUR');
  });

  it('leaves a foreign currency undecided until it has a rate or consent', () => {
    const counts = { USD: 100, CAD: 17 };
    expect(undecidedCurrencies(counts, { shopCurrency: 'USD', rates: {}, unconverted: none })).toEqual([
      { currency: 'CAD', orders: 17 },
    ]);
    expect(
      undecidedCurrencies(counts, { shopCurrency: 'USD', rates: { CAD: 0.73 }, unconverted: none }),
    ).toEqual([]);
    expect(
      undecidedCurrencies(counts, { shopCurrency: 'USD', rates: {}, unconverted: new Set(['CAD']) }),
    ).toEqual([]);
    // A zero or missing rate is no rate.
    expect(
      undecidedCurrencies(counts, { shopCurrency: 'USD', rates: { CAD: 0 }, unconverted: none }),
    ).toHaveLength(1);
  });

  it('switching the shop currency turns the other side foreign', () => {
    expect(
      undecidedCurrencies({ GBP: 40, USD: 2 }, { shopCurrency: 'GBP', rates: {}, unconverted: none }),
    ).toEqual([{ currency: 'USD', orders: 2 }]);
  });

  it('names what will be left out of spend', () => {
    expect(
      leftOutCurrencies({ USD: 9, EUR: 4, CAD: 2 }, { shopCurrency: 'USD', rates: { CAD: 0.7 } }),
    ).toEqual([{ currency: 'EUR', orders: 4 }]);
  });

  it('writes settings only when the choice changes them', () => {
    const current = { shopCurrency: 'USD', currencyRates: { EUR: 1.1 } };
    expect(
      settingsChangeOf(current, { shopCurrency: 'USD', rates: { EUR: 1.1 }, unconverted: none }),
    ).toBeUndefined();
    expect(
      settingsChangeOf(current, { shopCurrency: 'USD', rates: { EUR: 1.1, CAD: 0.7 }, unconverted: none }),
    ).toEqual({
      shopCurrency: 'USD',
      currencyRates: { EUR: 1.1, CAD: 0.7 },
    });
    expect(
      settingsChangeOf(current, { shopCurrency: 'GBP', rates: { GBP: 2, EUR: 0.85 }, unconverted: none }),
    ).toEqual({
      shopCurrency: 'GBP',
      currencyRates: { EUR: 0.85 },
    });
  });

  it('counts stored paid orders without a rate, as the aggregates leave them out', () => {
    const orders = [
      { currency: 'USD', status: 'paid' },
      { currency: 'GBP', status: 'paid' },
      { currency: 'GBP', status: 'paid' },
      { currency: 'GBP', status: 'refunded' },
      { currency: 'EUR', status: 'paid' },
      { currency: 'CAD', status: 'cancelled' },
    ];
    expect(countLeftOut(orders, 'USD', { EUR: 1.1 })).toEqual([{ currency: 'GBP', orders: 2 }]);
    expect(countLeftOut(orders, 'USD', { EUR: 1.1, GBP: 1.3 })).toEqual([]);
  });
});
