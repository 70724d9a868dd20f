import { isClassDimension, labelsOf } from '@/core/model/dimensions';
import { lookup } from '../overlay/i18n';
import type { CardTranslate } from './i18n';

/**
 * The card's names for class dimensions and values, from the registry's card wording. The
 * card's own rows (rfm, keyAccount, repurchase…) keep `ov.dim.<row>`; anything unknown (a newer
 * scorer's dimension or value) shows as its raw code.
 */
export function cardDimensionLabel(t: CardTranslate, dim: string): string {
  const key = isClassDimension(dim) ? labelsOf(dim, 'card').dimension : `ov.dim.${dim}`;
  return lookup(t, key) ?? dim;
}

export function cardClassLabel(t: CardTranslate, dim: string, value: string): string {
  if (!isClassDimension(dim)) return value;
  return lookup(t, `${labelsOf(dim, 'card').valuePrefix}${value}`) ?? value;
}
