import { foundBuyer } from '../found';
import { bySelector, readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText, cleanTextOf } from '../text';
import type { ChatMessage, FoundBuyer } from '../types';
import { etsyUsername } from './orders';

/*
 * Messages (/messages*, /conversations*). Evidence (sites-2026.md, Etsy section, Makaytron
 * 2026-08): bubbles `div.wt-rounded.wt-text-body-01`, buyer `h3.buyer-name`, reply box
 * `textarea.new-message-textarea-min-height`. No source says how a bubble tells who wrote it, so
 * direction comes from structure that any two-sided thread has — the buyer's avatar or profile
 * link beside their bubbles, the seller's bubbles pushed to the other side — and a bubble with
 * no such signal is not counted at all (needs count only what the buyer surely wrote).
 */
const SEEN = '2026-08-10';
// Evidence for the strategies below (a comment, so it costs the bundle nothing): Makaytron/Etsy-Automation-Tools Makaytron-Etsy-Message-Assistant.user.js
const REPLY = 'textarea.new-message-textarea-min-height';

const INPUT: readonly Strategy<HTMLElement>[] = [
  bySelector('class', REPLY, SEEN) as Strategy<HTMLElement>,
  {
    id: 'aria:labelled-textarea',
    kind: 'aria',
    seen: SEEN,
    read: (root) => root.querySelector<HTMLElement>('textarea[aria-label], textarea[placeholder]'),
  },
  {
    id: 'structure:form-textarea',
    kind: 'structure',
    seen: SEEN,
    read: (root) => root.querySelector<HTMLElement>('form textarea, textarea'),
  },
];

export function findReplyBox(root: ParentNode, log?: StrategyLog): HTMLElement | null {
  return readWith('chatInput', root, INPUT, log);
}

const BUYER: readonly Strategy<Element>[] = [
  bySelector('class', 'h3.buyer-name', SEEN),
  {
    id: 'structure:heading-above-reply',
    kind: 'structure',
    seen: SEEN,
    read: (root) => {
      let box = findReplyBox(root)?.parentElement ?? null;
      for (let d = 0; box && d < 6; d++, box = box.parentElement) {
        const h = [...box.querySelectorAll('h1, h2, h3, [role="heading"]')].find((el) => cleanTextOf(el));
        if (h) return h;
      }
      return null;
    },
  },
];

export function readConversationBuyer(root: ParentNode, log?: StrategyLog): FoundBuyer | null {
  const el = readWith('chatBuyer', root, BUYER, log);
  if (!el) return null;
  const link = el.closest('a[href*="/people/"]') ?? el.querySelector('a[href*="/people/"]');
  return foundBuyer(el, etsyUsername(link?.getAttribute('href')), el.textContent);
}

type Direction = ChatMessage['from'];

const BUBBLE = 'div.wt-rounded.wt-text-body-01';

/** The bubble's row: its widest ancestor (up to three levels) that holds no other bubble. */
function rowOf(bubble: Element): Element {
  let row = bubble;
  for (let el = bubble.parentElement, d = 0; el && d < 3; el = el.parentElement, d++) {
    if (el.querySelectorAll(BUBBLE).length > 1) break;
    row = el;
  }
  return row;
}

function directionStrategies(buyerName: string): readonly Strategy<Direction>[] {
  return [
    {
      id: 'structure:buyer-avatar',
      kind: 'structure',
      seen: SEEN,
      read: (bubble) => {
        const row = rowOf(bubble as Element);
        const avatar = [...row.querySelectorAll('img[alt]')].some(
          (img) => buyerName !== '' && cleanText(img.getAttribute('alt')) === buyerName,
        );
        return avatar || row.querySelector('a[href*="/people/"]') ? 'buyer' : null;
      },
    },
    {
      id: 'class:flex-alignment',
      kind: 'class',
      seen: SEEN,
      read: (bubble) => {
        for (
          let el = rowOf(bubble as Element) as Element | null, d = 0;
          el && d < 2;
          el = el.parentElement, d++
        ) {
          const c = el.getAttribute('class') ?? '';
          if (/wt-justify-content-flex-end|wt-ml-xs-auto|wt-text-right/.test(c)) return 'seller';
          if (/wt-justify-content-flex-start|wt-mr-xs-auto/.test(c)) return 'buyer';
        }
        return null;
      },
    },
  ];
}

/** The open conversation's messages, oldest first; bubbles of unknown direction are left out. */
export function readConversation(root: ParentNode, log?: StrategyLog): ChatMessage[] {
  const buyerName = readConversationBuyer(root)?.name ?? '';
  const strategies = directionStrategies(buyerName);
  const out: ChatMessage[] = [];
  for (const bubble of root.querySelectorAll(BUBBLE)) {
    const text = cleanText(bubble.textContent, 5000);
    if (!text) continue;
    const from = readWith('messageDirection', bubble, strategies, log);
    if (from) out.push({ from, text });
  }
  return out;
}
