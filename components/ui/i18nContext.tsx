import { createContext, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import { type Translate, translator, type UiLocale } from '../i18n';

export interface I18n {
  locale: UiLocale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: translator('en') });

export function I18nProvider({ value, children }: { value: I18n; children: JSX.Element | JSX.Element[] }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI language and its translator, for any component under an `I18nProvider`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
