import { actionMessages } from './messages/actions';
import { badgeMessages } from './messages/badge';
import { cardMessages } from './messages/card';
import { classMessages } from './messages/classes';
import { dashboardMessages } from './messages/dashboard';
import { groupsMessages } from './messages/groups';
import { importCoreMessages } from './messages/importCore';
import { importExportMessages } from './messages/importExport';
import { needsMessages } from './messages/needs';
import { needsSettingsMessages } from './messages/needsSettings';
import { overlayMessages } from './messages/overlay';
import { popupMessages } from './messages/popup';
import { reasonMessages } from './messages/reasons';
import { settingsMessages } from './messages/settings';
import { siteRuleMessages } from './messages/siteRules';
import { teachMessages } from './messages/teach';
import { teamMessages } from './messages/team';

/**
 * Every UI area's catalogue. Add a new area as `messages/<area>.ts` and list it here; keys must
 * be unique across areas (checked by tests/unit/i18n).
 */
export const CATALOGUES = [
  badgeMessages,
  overlayMessages,
  cardMessages,
  actionMessages,
  reasonMessages,
  teachMessages,
  popupMessages,
  settingsMessages,
  dashboardMessages,
  classMessages,
  importExportMessages,
  groupsMessages,
  needsMessages,
  needsSettingsMessages,
  importCoreMessages,
  siteRuleMessages,
  teamMessages,
] as const;

type KeysOf<C> = C extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof CATALOGUES)[number]>;
