import { actionMessages } from '../i18n/messages/actions';
import { badgeMessages } from '../i18n/messages/badge';
import { cardMessages } from '../i18n/messages/card';
import { classMessages } from '../i18n/messages/classes';
import { overlayMessages } from '../i18n/messages/overlay';
import { reasonMessages } from '../i18n/messages/reasons';
import { type KeysOf, makeTranslator, type OverlayLocale, type TranslateOf } from '../overlay/i18n';

/** Class names come from the dashboard's catalogue too: the registry's card wording uses both. */
export const CARD_AREAS = [
  badgeMessages,
  overlayMessages,
  cardMessages,
  classMessages,
  actionMessages,
  reasonMessages,
] as const;
export type CardKey = KeysOf<(typeof CARD_AREAS)[number]>;
export type CardTranslate = TranslateOf<CardKey>;

/** The card bundle's translator: the badge's strings plus the card, class names, actions and reasons. */
export function cardTranslator(locale: OverlayLocale): CardTranslate {
  return makeTranslator(CARD_AREAS, locale);
}
