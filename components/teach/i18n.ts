import { teachMessages } from '../i18n/messages/teach';

export type TeachKey = keyof typeof teachMessages.en;
export type TeachTranslate = (key: TeachKey, params?: Record<string, string | number>) => string;

/** Teach mode ships only its own catalogue (the picker is injected into arbitrary pages). */
export function teachTranslator(language: string | undefined): TeachTranslate {
  const table = language && /^zh/i.test(language) ? teachMessages.zh_CN : teachMessages.en;
  return (key, params) => {
    const template = table[key] ?? teachMessages.en[key];
    return params
      ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m))
      : template;
  };
}
