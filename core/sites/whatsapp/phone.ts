import { readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText } from '../text';
import { phoneDigits, sameParty } from './compare';
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

/** An international number as the contact drawer prints it: "+39 333 123 4567". */
const PHONE_IN_TEXT = /\+\d[\d\s().-]{5,20}\d/g;

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

/** Words of every text node, so "Tan Wei Ming" and "+65 9123 4567" in sibling spans stay apart. */
function textsOf(el: Element): string[] {
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = cleanText(n.textContent);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The contact-info drawer, trusted only while it names the open chat: a drawer left over from
 * another chat must not hand its number to this one.
 */
function drawerOf(root: ParentNode, chat: OpenChat): Element | null {
  const d = root.querySelector('[data-testid="drawer-right"]');
  return d && textsOf(d).some((t) => sameParty(t, chat.name)) ? d : null;
}

function phoneInTexts(texts: readonly string[]): string | null {
  for (const t of texts) {
    for (const m of t.match(PHONE_IN_TEXT) ?? []) {
      const digits = phoneDigits(m);
      if (digits) return digits;
    }
  }
  return null;
}

/**
 * The open one-to-one chat's phone, from the most direct place that shows it: the contact drawer,
 * a wa.me / tel: link in the header or drawer, the header name itself (an unsaved number), or
 * the older layout's message ids. Null when the page shows no number (a saved contact, drawer shut).
 */
function phoneStrategies(chat: OpenChat): Strategy<string>[] {
  return [
    strategy('testid', 'drawer-right', CATALOG_CHAT, CATALOG, (root) => {
      const d = drawerOf(root, chat);
      return d ? phoneInTexts(textsOf(d)) : null;
    }),
    // Not in the dated evidence (which finds the number only in the drawer): a precaution for
    // builds that link the number, dated by the newest note that checked where the number shows.
    strategy('structure', 'chat-link', FIELD_NOTE_DATE, `${FIELD_NOTE} (precaution)`, (root) => {
      const d = drawerOf(root, chat);
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
