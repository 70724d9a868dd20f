import { readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText } from '../text';
import { labelOf } from './compare';
import { isGroupDrawer, MEMBER_COUNT, openChatDrawer } from './drawer';
import {
  CATALOG,
  CATALOG_CHAT,
  LISTITEM_ERA,
  LISTITEM_ERA_DATE,
  SELECTORS_PY,
  SELECTORS_PY_DATE,
  WA_PLUS,
  WA_PLUS_DATE,
} from './evidence';
import { type SelectorSpec, strategiesOf, strategy } from './spec';

/** The open conversation's header (absent when no chat is open). */
export const HEADER_SPECS: readonly SelectorSpec[] = [
  {
    kind: 'testid',
    selector: 'header[data-testid="conversation-header"]',
    seen: CATALOG_CHAT,
    source: CATALOG,
  },
  { kind: 'structure', selector: '#main header', seen: SELECTORS_PY_DATE, source: SELECTORS_PY },
];
const HEADER = strategiesOf(HEADER_SPECS);

/**
 * A `title` holding a group's member list: "Ana, Ben, +65 9123 4567, You". Two or more short
 * comma-separated parts and no clock time (a "last seen Monday, 10:41" line is not a list).
 */
export function isParticipantList(raw: string | null | undefined): boolean {
  const text = cleanText(raw, 5000);
  if (/\d{1,2}[:.]\d{2}/.test(text)) return false;
  const parts = text.split(/\s*[,，、]\s*/);
  return parts.length >= 2 && parts.every((p) => p.length > 0 && p.length <= 60);
}

/** The first element matching `selector` in `scope` whose label passes `ok`. */
function firstLabelled(scope: ParentNode, selector: string, ok: (label: string) => boolean): Element | null {
  for (const el of scope.querySelectorAll(selector)) if (ok(labelOf(el))) return el;
  return null;
}

/** The chat's name inside the header: the test id, then the first auto-direction span, then older titles. */
const NAME: Strategy<Element>[] = [
  ...strategiesOf([
    {
      kind: 'testid',
      selector: '[data-testid="conversation-info-header-chat-title"]',
      seen: SELECTORS_PY_DATE,
      source: SELECTORS_PY,
    },
  ]),
  strategy('structure', 'span[dir=auto]', WA_PLUS_DATE, WA_PLUS, (scope) =>
    firstLabelled(scope, 'span[dir="auto"]', (l) => l !== ''),
  ),
  // Older builds titled the name span; a member-list title is never taken for the name.
  strategy('structure', 'span[title]', LISTITEM_ERA_DATE, LISTITEM_ERA, (scope) =>
    firstLabelled(scope, 'span[title]', (l) => l !== '' && !isParticipantList(l)),
  ),
];

/** Senders in `data-pre-plain-text` ("[10:32, 20/11/2026] Name: "), distinct after cleaning. */
function distinctSenders(root: ParentNode): Set<string> {
  const senders = new Set<string>();
  for (const el of root.querySelectorAll('#main [data-pre-plain-text]')) {
    const sender = senderOfMeta(el.getAttribute('data-pre-plain-text'));
    if (sender) senders.add(sender.toLocaleLowerCase());
  }
  return senders;
}

/** The sender part of a `data-pre-plain-text` value, or null. */
export function senderOfMeta(meta: string | null): string | null {
  const m = meta?.match(/^\s*\[[^\]]*\]\s*(.+?):\s*$/);
  return m ? cleanText(m[1]) || null : null;
}

/**
 * Signals that the open chat is a group (a group never becomes a buyer). Each returns the signal's
 * name when it fires; none firing is logged as NO_MATCH, i.e. "a one-to-one chat".
 *  - a header `[title]` other than the name holding a member list (evidence: the group header's
 *    `[title]` is the participant list);
 *  - a member count in the header text (BOT_OUTBOUND PoC-4: low recall, but never seen on a 1:1 chat);
 *  - the group-info drawer open (a member count, or several members' numbers: a contact's drawer
 *    shows one), so a member's number is never taken for the chat's;
 *  - three or more distinct senders in the messages' `data-pre-plain-text` (a one-to-one chat has
 *    two parties at most, however the buyer's name is spelled).
 */
function groupSignals(root: ParentNode, header: Element, name: Element): Strategy<string>[] {
  const notName = (el: Element) => el !== name && !el.contains(name) && !name.contains(el);
  return [
    strategy('aria', 'participant-title', SELECTORS_PY_DATE, SELECTORS_PY, () =>
      [...header.querySelectorAll('[title]')].some(
        (el) => notName(el) && isParticipantList(el.getAttribute('title')),
      )
        ? 'participant-title'
        : null,
    ),
    strategy('text', 'member-count', CATALOG_CHAT, CATALOG, () => {
      const text = [...header.querySelectorAll('span, div')]
        .filter((el) => notName(el) && el.children.length === 0)
        .map((el) => el.textContent ?? '')
        .join(' ');
      return MEMBER_COUNT.test(text) ? 'member-count' : null;
    }),
    strategy('testid', 'drawer-members', CATALOG_CHAT, CATALOG, () => {
      const texts = openChatDrawer(root, labelOf(name));
      return texts && isGroupDrawer(texts) ? 'drawer-members' : null;
    }),
    strategy('text', 'senders', SELECTORS_PY_DATE, SELECTORS_PY, () =>
      distinctSenders(root).size >= 3 ? 'senders' : null,
    ),
  ];
}

export interface OpenChat {
  header: Element;
  nameEl: Element;
  name: string;
  group: boolean;
}

/** The open chat's header, name and whether it is a group; null when no chat (or no name) shows. */
export function readOpenChat(root: ParentNode, log?: StrategyLog): OpenChat | null {
  const header = readWith('chatHeader', root, HEADER, log);
  if (!header) return null;
  const nameEl = readWith('chatName', header, NAME, log);
  const name = nameEl ? labelOf(nameEl) : '';
  if (!nameEl || !name) return null;
  const group = readWith('groupChat', root, groupSignals(root, header, nameEl), log) !== null;
  return { header, nameEl, name, group };
}
