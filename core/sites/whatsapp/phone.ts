import { readWith, type Strategy, type StrategyLog } from '../strategy';
import { phoneDigits } from './compare';
import { isGroupDrawer, openChatDrawer, phonesIn } from './drawer';
import {
  CATALOG,
  CATALOG_CHAT,
  CATALOG_SIDEBAR,
  FIELD_NOTE,
  FIELD_NOTE_DATE,
  LISTITEM_ERA,
  LISTITEM_ERA_DATE,
} from './evidence';
import type { OpenChat } from './header';
import { strategy } from './spec';

/** `false_8613812345678@c.us_3EB0…` → "8613812345678"; groups and today's bare ids → null. */
export function phoneFromDataId(dataId: string | null | undefined): string | null {
  const m = dataId?.match(/^(?:true|false)_(\d{6,15})@c\.us(?:_|$)/);
  return m ? m[1] : null;
}

/** "https://wa.me/6591234567", "tel:+65 9123 4567", "…/send?phone=6591234567" → digits. */
export function phoneFromHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let href = raw;
  try {
    href = decodeURIComponent(raw);
  } catch {
    // A malformed escape: read the link as written.
  }
  const m =
    href.match(/^https?:\/\/wa\.me\/\+?(\d{7,15})(?:[/?#]|$)/) ??
    href.match(/^tel:([+\d\s().-]{7,})$/) ??
    href.match(/[?&]phone=\+?(\d{7,15})(?:&|$)/);
  return m ? phoneDigits(m[1]) : null;
}

/** The one number a contact's drawer shows; none for a group's (several numbers, a member count). */
function drawerPhone(root: ParentNode, chat: OpenChat): string | null {
  const texts = openChatDrawer(root, chat.name);
  if (!texts || isGroupDrawer(texts)) return null;
  const [phone] = phonesIn(texts);
  return phone ?? null;
}

/**
 * The open one-to-one chat's phone, from the most direct place that shows it: the contact drawer,
 * a wa.me / tel: link in the header or drawer, the header name itself (an unsaved number), or
 * the older layout's message ids. Null when the page shows no number (a saved contact, drawer shut).
 */
function phoneStrategies(chat: OpenChat): Strategy<string>[] {
  return [
    strategy('testid', 'drawer-right', CATALOG_CHAT, CATALOG, (root) => {
      return drawerPhone(root, chat);
    }),
    // Not in the dated evidence (which finds the number only in the drawer): a precaution for
    // builds that link the number, dated by the newest note that checked where the number shows.
    strategy('structure', 'chat-link', FIELD_NOTE_DATE, `${FIELD_NOTE} (precaution)`, (root) => {
      const texts = openChatDrawer(root, chat.name);
      const d = texts && !isGroupDrawer(texts) ? root.querySelector('[data-testid="drawer-right"]') : null;
      for (const scope of d ? [chat.header, d] : [chat.header]) {
        for (const a of scope.querySelectorAll('a[href]')) {
          const phone = phoneFromHref(a.getAttribute('href'));
          if (phone) return phone;
        }
      }
      return null;
    }),
    strategy('text', 'header-number', CATALOG_SIDEBAR, CATALOG, () => phoneDigits(chat.name)),
    strategy('structure', 'data-id-c.us', LISTITEM_ERA_DATE, LISTITEM_ERA, (root) => {
      for (const el of root.querySelectorAll('#main [data-id]')) {
        const phone = phoneFromDataId(el.getAttribute('data-id'));
        if (phone) return phone;
      }
      return null;
    }),
  ];
}

export function readChatPhone(root: ParentNode, chat: OpenChat, log?: StrategyLog): string | null {
  return readWith('chatPhone', root, phoneStrategies(chat), log);
}
