import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/core/messaging';
import type { Settings } from '@/core/model';
import { resolveLocale, translator, type UiLocale } from '../i18n';
import type { I18n } from './i18nContext';
import { useChangeSignal } from './useChangeSignal';

export function browserLanguage(): string {
  return browser.i18n?.getUILanguage?.() ?? navigator.language ?? 'en';
}

export function localeOf(language: Settings['language'] | undefined): UiLocale {
  return resolveLocale(!language || language === 'auto' ? browserLanguage() : language);
}

/**
 * The page's language: the seller's choice in settings, else the browser's. Starts from the
 * browser language so the first paint is already in the right language for most sellers.
 */
export function useUiLocale(): I18n & { settings: Settings | undefined; reloadSettings(): void } {
  const [settings, setSettings] = useState<Settings>();
  const reloadSettings = useCallback(() => {
    request('getSettings', {})
      .then(setSettings)
      .catch(() => {});
  }, []);
  useEffect(reloadSettings, []);
  useChangeSignal((c) => {
    if (c.kinds.includes('settings')) reloadSettings();
  });
  const locale = localeOf(settings?.language);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh_CN' ? 'zh-CN' : 'en';
  }, [locale]);
  const t = useMemo(() => translator(locale), [locale]);
  return { locale, t, settings, reloadSettings };
}
