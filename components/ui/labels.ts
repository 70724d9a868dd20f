import { isClassDimension, labelsOf } from '@/core/model/dimensions';
import type { MessageKey, Translate } from '../i18n';

/**
 * The translation of a key built at run time (the registry's class keys, selector-health field
 * names), or undefined: such keys are plain strings the catalogues' types cannot check; tests
 * (tests/unit/model, tests/unit/sites/fieldHealth) check every one exists.
 */
export function translated(t: Translate, key: string): string | undefined {
  const text = t(key as MessageKey);
  return text === key ? undefined : text;
}

/** Class names as the seller reads them; unknown dimensions and values fall back to the raw code. */
export function classLabel(t: Translate, dimension: string, value: string): string {
  if (!isClassDimension(dimension)) return value;
  return translated(t, `${labelsOf(dimension).valuePrefix}${value}`) ?? value;
}

export function dimensionLabel(t: Translate, dimension: string): string {
  if (!isClassDimension(dimension)) return dimension;
  return translated(t, labelsOf(dimension).dimension) ?? dimension;
}
