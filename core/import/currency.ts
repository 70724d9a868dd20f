/**
 * Currency vocabulary for file import: re-exported from `core/model/money`, the one table that
 * sites, import, scoring and the UI share (ISO 4217 minor units, non-ISO spellings, symbols).
 */
export { CURRENCY_SYMBOLS, canonicalCode, KNOWN_CODES, minorDigits, recogniseCurrency } from '../model/money';
