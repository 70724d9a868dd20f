import { badgeMessages } from './messages/badge';

/**
 * Every UI area's catalogue. Add a new area as `messages/<area>.ts` and list it here; keys must
 * be unique across areas (checked by tests/unit/i18n).
 */
export const CATALOGUES = [badgeMessages] as const;

type KeysOf<C> = C extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof CATALOGUES)[number]>;
