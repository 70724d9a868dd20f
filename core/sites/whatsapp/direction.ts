import { readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText } from '../text';
import { sameParty } from './compare';
import {
  CATALOG,
  CATALOG_CHAT,
  INCOGNITO,
  LISTITEM_ERA,
  LISTITEM_ERA_DATE,
  SELECTORS_PY,
  SELECTORS_PY_DATE,
} from './evidence';
import { senderOfMeta } from './header';
import { strategy } from './spec';

export type Direction = 'buyer' | 'seller';

/** Delivery-state labels WhatsApp puts on the seller's own messages only (trimmed, any case). */
const OWN_STATUS_LABELS = new Set(
  [
    'read',
    'delivered',
    'sent',
    'pending',
    'letto',
    'consegnato',
    'inviato',
    'in attesa',
    'gelesen',
    'zugestellt',
    'gesendet',
    'ausstehend',
    'leído',
    'entregado',
    'enviado',
    'pendiente',
    'lu',
    'distribué',
    'envoyé',
    'en attente',
    'lida',
    'entregue',
    'enviada',
    'pendente',
    '已读',
    '已送达',
    '已发送',
    '等待中',
  ].map((s) => s.toLocaleLowerCase()),
);

/** "You:" on the seller's own bubbles, per UI language (the catalog saw Italian "Tu:"). */
const YOU_LABELS = new Set(['you', 'tu', 'du', 'tú', 'vous', 'você', 'voi', 'jij', '你', '您', 'あなた']);

/** The row a bubble sits in; consecutive rows with no other row between form one run. */
export function rowOf(bubble: Element): Element {
  return bubble.closest('#main [role="row"]') ?? bubble;
}

/** The tail icon WhatsApp draws on the first bubble of a run. */
function tailOf(bubble: Element): Direction | null {
  if (bubble.querySelector('[data-icon="tail-in"]')) return 'buyer';
  return bubble.querySelector('[data-icon="tail-out"]') ? 'seller' : null;
}

/** Left or right of the conversation pane, when the page is laid out; null when it cannot tell. */
function sideOf(bubble: Element): Direction | null {
  const pane = bubble.closest('#main')?.getBoundingClientRect();
  const box = (
    bubble.querySelector('[data-pre-plain-text]')?.parentElement ?? bubble
  ).getBoundingClientRect();
  if (!pane || pane.width <= 0 || box.width <= 0 || box.width > pane.width * 0.9) return null;
  const left = box.left - pane.left;
  const right = pane.right - box.right;
  if (right * 2 < left) return 'seller';
  if (left * 2 < right) return 'buyer';
  return null;
}

/**
 * Who wrote each bubble of a one-to-one chat, read oldest first. Signals, in order: the tail icon
 * (first bubble of a run only); the run's direction for the later bubbles of that run; the sender
 * name in `data-pre-plain-text` against the chat's name; a localized "You:" label; a delivery
 * state (own messages only); the older layout's message-in/out classes; the bubble's side. A
 * bubble no signal decides stays unknown, and is not read as the buyer's.
 */
export function directionReader(chatName: string): (bubble: Element, log?: StrategyLog) => Direction | null {
  /** `tailed`: the previous bubble's run started with a tail, so a tail-less neighbour continues it. */
  let prev: { row: Element; from: Direction | null; tailed: boolean } | undefined;
  const strategies = (row: Element): Strategy<Direction>[] => [
    strategy('testid', 'tail', SELECTORS_PY_DATE, SELECTORS_PY, (b) => tailOf(b as Element)),
    strategy('structure', 'run', CATALOG_CHAT, CATALOG, () =>
      prev?.tailed && prev.row.nextElementSibling === row ? prev.from : null,
    ),
    strategy('text', 'pre-plain-sender', SELECTORS_PY_DATE, SELECTORS_PY, (b) => {
      const sender = senderOfMeta(
        b.querySelector('[data-pre-plain-text]')?.getAttribute('data-pre-plain-text') ?? null,
      );
      if (!sender) return null;
      // Groups never get here, so a one-to-one chat's other party is the seller.
      return sameParty(sender, chatName) ? 'buyer' : 'seller';
    }),
    strategy('aria', 'sender-label', CATALOG_CHAT, CATALOG, (b) => {
      for (const el of b.querySelectorAll('[aria-label$=":"]')) {
        const who = cleanText(el.getAttribute('aria-label')).replace(/:$/, '').trim();
        if (YOU_LABELS.has(who.toLocaleLowerCase())) return 'seller';
        if (sameParty(who, chatName)) return 'buyer';
      }
      return null;
    }),
    strategy('aria', 'own-status', CATALOG_CHAT, CATALOG, (b) => {
      for (const el of b.querySelectorAll('[aria-label]')) {
        if (OWN_STATUS_LABELS.has(cleanText(el.getAttribute('aria-label')).toLocaleLowerCase()))
          return 'seller';
      }
      // Older builds drew the ticks as icons (gone from the catalog's 35 messages in 2026).
      return b.querySelector('[data-icon^="status-"], [data-icon^="msg-check"], [data-icon^="msg-dblcheck"]')
        ? 'seller'
        : null;
    }),
    strategy('class', 'message-in-out', LISTITEM_ERA_DATE, `${LISTITEM_ERA}; gone per ${INCOGNITO}`, (b) => {
      const el = b as Element;
      const hit = el.matches('.message-in, .message-out')
        ? el
        : el.querySelector('.message-in, .message-out');
      if (!hit) return null;
      return hit.classList.contains('message-in') ? 'buyer' : 'seller';
    }),
    strategy('structure', 'side', CATALOG_CHAT, CATALOG, (b) => sideOf(b as Element)),
  ];
  return (bubble, log) => {
    const row = rowOf(bubble);
    const from = readWith('messageDirection', bubble, strategies(row), log);
    // Older layouts draw no tails at all: there, neighbours say nothing about each other.
    const continues = prev?.tailed === true && prev.row.nextElementSibling === row;
    prev = { row, from, tailed: tailOf(bubble) !== null || continues };
    return from;
  };
}
