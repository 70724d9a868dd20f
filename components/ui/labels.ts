import type { MessageKey, Translate } from '../i18n';

/** Class names as the seller reads them; unknown values fall back to the raw code. */
export function classLabel(t: Translate, dimension: string, value: string): string {
  const key =
    dimension === 'segment'
      ? `segment.${value}`
      : dimension === 'valueTier' || dimension === 'tier'
        ? `tier.${value}`
        : `cls.${dimension}.${value}`;
  const text = t(key as MessageKey);
  return text === key ? value : text;
}

export function dimensionLabel(t: Translate, dimension: string): string {
  const key = `cls.dim.${dimension}`;
  const text = t(key as MessageKey);
  return text === key ? dimension : text;
}
