import { cleanText } from '../text';
import { phoneDigits, sameParty } from './compare';

/** An international number as the contact drawer prints it: "+39 333 123 4567". */
const PHONE_IN_TEXT = /\+\d[\d\s().-]{5,20}\d/g;

/** "12 participants", "Group · 5 members", "5 membri", "3 位成员": a group's member count. */
export const MEMBER_COUNT =
  /\b\d+\s*(participants?|members?|partecipanti|membri|iscritti|teilnehmer|mitglieder|participantes|miembros|membres|membros)\b|\d+\s*[位名]?(成员|参与者)/i;

/** Text of every text node, so a name and a number in sibling spans stay apart. */
export function textsOf(el: Element): string[] {
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = cleanText(n.textContent);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The right-hand drawer's texts while it is about the open chat (it names it): a drawer left over
 * from another chat must not hand its number to this one. Null when shut or about another chat.
 */
export function openChatDrawer(root: ParentNode, chatName: string): string[] | null {
  const drawer = root.querySelector('[data-testid="drawer-right"]');
  if (!drawer) return null;
  const texts = textsOf(drawer);
  return texts.some((t) => sameParty(t, chatName)) ? texts : null;
}

/** Distinct phone numbers (digits) printed in `texts`. */
export function phonesIn(texts: readonly string[]): Set<string> {
  const phones = new Set<string>();
  for (const t of texts) {
    for (const m of t.match(PHONE_IN_TEXT) ?? []) {
      const digits = phoneDigits(m);
      if (digits) phones.add(digits);
    }
  }
  return phones;
}

/** A group's info drawer: a member count, or several members' numbers (a contact shows one). */
export function isGroupDrawer(texts: readonly string[]): boolean {
  return MEMBER_COUNT.test(texts.join(' ')) || phonesIn(texts).size >= 2;
}
