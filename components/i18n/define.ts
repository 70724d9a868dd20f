/**
 * One catalogue per UI area, English and Chinese side by side. The type makes the Chinese table
 * carry exactly the English keys, so a missing or extra key fails `npm run compile`.
 */
export interface Catalogue<K extends string> {
  en: Readonly<Record<K, string>>;
  zh_CN: Readonly<Record<K, string>>;
}

export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh_CN: { readonly [k in keyof E]: string },
): Catalogue<Extract<keyof E, string>> {
  return { en, zh_CN };
}
