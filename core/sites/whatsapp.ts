import type { StrategyLog } from './strategy';
import type { DatedSelector, FoundBuyer, SiteAdapter } from './types';
import { ROW_SPECS, readListBuyers } from './whatsapp/chatList';
import { phoneDigits } from './whatsapp/compare';
import { HEADER_SPECS, readOpenChat } from './whatsapp/header';
import { findChatInput, INPUT_SPECS } from './whatsapp/input';
import { MESSAGE_SPECS, readMessages } from './whatsapp/messages';
import { readChatPhone } from './whatsapp/phone';
import { datedOf } from './whatsapp/spec';

export { phoneFromDataId, phoneFromHref } from './whatsapp/phone';

/**
 * WhatsApp Web, on the 2026 page (shared/evidence/sites-2026.md): generated class names, chats
 * keyed by internal ids, the phone shown only in the contact drawer, a Lexical reply box. Every
 * field is read by several strategies (whatsapp/*.ts), test ids and ARIA first, classes last,
 * each with the date and source of its evidence; selector health counts which one matched.
 *
 * Identity: the phone when the page shows it (the contact drawer while it names the open chat,
 * a wa.me / tel: link, an unsaved contact's number as the chat title, the older layout's
 * `true_/false_<phone>@c.us` message ids), else the display name. With a phone and a name, the
 * name is reported as a former id and the overlay merges the name-keyed buyer into the phone one.
 *
 * Group chats are never buyers (their messages are not read either). Signals (header.ts): a
 * header `[title]` other than the name holding a member list; a member count in the header; an
 * open group-info drawer (member count, several numbers); three or more senders in the messages.
 */
const selectors = {
  chatHeader: datedOf(HEADER_SPECS, { kinds: ['chat'] }),
  chatInput: datedOf(INPUT_SPECS, { kinds: ['chat'] }),
  chatListRow: datedOf(ROW_SPECS),
  message: datedOf(MESSAGE_SPECS, { kinds: ['chat'], optional: true }),
} satisfies Record<string, DatedSelector>;

/**
 * The open chat's buyer: never a group. Keyed by the phone when the page shows it (the contact
 * drawer, a link, an unsaved number's header), else by the display name, which is then also
 * reported as a former id so the overlay can merge a buyer first met by name into the phone one.
 */
export function readChatBuyer(root: ParentNode, log?: StrategyLog): FoundBuyer | null {
  const chat = readOpenChat(root, log);
  if (!chat || chat.group) return null;
  const phone = readChatPhone(root, chat, log);
  if (!phone) return { buyerId: chat.name, name: chat.name, anchor: chat.nameEl };
  const formerIds = phoneDigits(chat.name) === null ? [chat.name] : undefined;
  return { buyerId: phone, name: chat.name, anchor: chat.nameEl, ...(formerIds ? { formerIds } : {}) };
}

export const whatsappAdapter: SiteAdapter = {
  id: 'whatsapp',
  label: 'WhatsApp Web',
  platform: 'whatsapp',
  matches: ['https://web.whatsapp.com/*'],
  pageKinds: () => ['chat'],
  selectors,
  readChatBuyer,
  findChatInput,
  readListBuyers,
  readMessages,
};
