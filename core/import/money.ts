/**
 * Amount cells for file import: the shared reader of `core/model/money` (the same one page
 * capture uses), under the names the importer has always used.
 */
export {
  type AmountOptions as MoneyOptions,
  type AmountResult as MoneyResult,
  formatMinor,
  parseAmount as parseMoney,
} from '../model/money';
