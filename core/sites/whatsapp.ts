import { parseDateTime } from './dates';
import { foundBuyer, uniqueBuyers } from './found';
import { queryAllDated, queryDated } from './query';
import { cleanText } from './text';
import type { ChatMessage, DatedSelector, FoundBuyer, SiteAdapter } from './types';

/**
 * WhatsApp Web. Class names there are generated and change often, so selectors lean on ids,
 * roles and attributes (`#main`, `#pane-side`, `span[title]`, `data-id`, `contenteditable`).
 */
const V = '2026-11-22';

const selectors = {
  chatName: {
    current: '#main header span[title]',
    since: V,
    fallbacks: [
      { selector: '#main header span[dir="auto"]', until: V, note: 'builds without title on the name' },
    ],
    kinds: ['chat'],
  },
  messageRow: { current: '#main [data-id]', since: V, fallbacks: [], kinds: ['chat'], optional: true },
  chatInput: {
    current: '#main footer [contenteditable="true"][data-tab]',
    since: V,
    fallbacks: [
      { selector: '#main footer div[contenteditable="true"]', until: V },
      { selector: '#main footer [role="textbox"]', until: V },
    ],
    kinds: ['chat'],
  },
  chatListRow: {
    current: '#pane-side [role="listitem"]',
    since: V,
    fallbacks: [{ selector: '#pane-side [role="row"]', until: '2025-06-01', note: 'grid-based chat list' }],
  },
  chatListName: { current: 'span[title]', since: V, fallbacks: [{ selector: 'span[dir="auto"]', until: V }] },
  message: {
    current: '#main .message-in, #main .message-out',
    since: V,
    fallbacks: [],
    kinds: ['chat'],
    optional: true,
  },
  messageText: {
    current: '.selectable-text',
    since: V,
    fallbacks: [{ selector: '.copyable-text', until: V }],
    kinds: ['chat'],
    optional: true,
  },
  messageMeta: { current: '[data-pre-plain-text]', since: V, fallbacks: [], kinds: ['chat'], optional: true },
} satisfies Record<string, DatedSelector>;

/** `false_8613812345678@c.us_3EB0…` → "8613812345678"; groups and non-phone ids → null. */
export function phoneFromDataId(dataId: string | null | undefined): string | null {
  const m = dataId?.match(/^(?:true|false)_(\d{6,15})@c\.us(?:_|$)/);
  return m ? m[1] : null;
}

function openChatPhone(root: ParentNode): string | null {
  for (const el of queryAllDated(root, selectors.messageRow)) {
    const phone = phoneFromDataId(el.getAttribute('data-id'));
    if (phone) return phone;
  }
  return null;
}

function nameOf(el: Element): string {
  return el.getAttribute('title') || el.textContent || '';
}

/** "[10:32, 20/11/2026] Name: " or "[10:32 AM, 11/20/2026] Name: " → epoch ms (browser zone). */
function timeFromMeta(meta: string | null): number | undefined {
  const bracket = meta?.match(/^\[([^\]]+)\]/)?.[1];
  if (!bracket) return undefined;
  // 12-hour clocks come with month-first dates (US locale); 24-hour ones mostly day-first.
  const at = parseDateTime(bracket, { dayFirst: !/[AaPp][Mm]/.test(bracket) });
  return at ?? undefined;
}

export const whatsappAdapter: SiteAdapter = {
  id: 'whatsapp',
  label: 'WhatsApp Web',
  platform: 'whatsapp',
  matches: ['https://web.whatsapp.com/*'],
  pageKinds: () => ['chat'],
  selectors,
  readChatBuyer(root): FoundBuyer | null {
    const el = queryDated(root, selectors.chatName);
    if (!el) return null;
    // The phone is the stable handle; a saved contact's display name is only the seller's label.
    return foundBuyer(el, openChatPhone(root), nameOf(el));
  },
  findChatInput: (root) => queryDated(root, selectors.chatInput) as HTMLElement | null,
  readListBuyers: (root) =>
    uniqueBuyers(
      queryAllDated(root, selectors.chatListRow).map((row) => {
        const el = queryDated(row, selectors.chatListName);
        return el ? foundBuyer(el, null, nameOf(el)) : null;
      }),
    ),
  readMessages: (root): ChatMessage[] =>
    queryAllDated(root, selectors.message).flatMap((el) => {
      const from = el.classList.contains('message-in') ? 'buyer' : 'seller';
      const text = cleanText(queryDated(el, selectors.messageText)?.textContent, 5000);
      const at = timeFromMeta(
        queryDated(el, selectors.messageMeta)?.getAttribute('data-pre-plain-text') ?? null,
      );
      return text ? [{ from, text, ...(at !== undefined ? { at } : {}) }] : [];
    }),
};
