import { parseDateTime } from '../dates';
import { allBySelector, readWith, type Strategy, type StrategyLog } from '../strategy';
import { cleanText } from '../text';
import type { ChatMessage } from '../types';
import { directionReader, rowOf } from './direction';
import {
  CATALOG,
  CATALOG_CHAT,
  INCOGNITO,
  INCOGNITO_DATE,
  LISTITEM_ERA,
  LISTITEM_ERA_DATE,
  SELECTORS_PY,
  SELECTORS_PY_DATE,
  WA_PLUS,
  WA_PLUS_DATE,
} from './evidence';
import { readOpenChat } from './header';
import { type SelectorSpec, strategy } from './spec';

/** Message bubbles: `conv-msg-<id>` test ids and `data-id` are two names of one node today. */
export const MESSAGE_SPECS: readonly SelectorSpec[] = [
  { kind: 'testid', selector: '#main [data-testid^="conv-msg"]', seen: INCOGNITO_DATE, source: INCOGNITO },
  { kind: 'structure', selector: '#main [data-id]', seen: CATALOG_CHAT, source: CATALOG },
  {
    kind: 'class',
    selector: '#main .message-in, #main .message-out',
    seen: LISTITEM_ERA_DATE,
    source: LISTITEM_ERA,
  },
];
const BUBBLES: Strategy<Element[]>[] = MESSAGE_SPECS.map((s) =>
  allBySelector(s.kind, s.selector, s.seen, s.source),
);

/** A quoted message inside a reply is someone else's text (precaution: not in the evidence). */
const QUOTED = '[data-testid="quoted-message"]';

function textStrategy(
  id: string,
  kind: Strategy<string>['kind'],
  selector: string,
  seen: string,
  source: string,
): Strategy<string> {
  return {
    id,
    kind,
    seen,
    source,
    read: (bubble) => {
      for (const el of bubble.querySelectorAll(selector)) {
        if (el.closest(QUOTED)) continue;
        const text = cleanText(el.textContent, 5000);
        if (text) return text;
      }
      return null;
    },
  };
}

/** The bubble's text: the selectable-text test id, its class, then any text span of the metadata block. */
const TEXT: Strategy<string>[] = [
  textStrategy('testid:selectable-text', 'testid', '[data-testid="selectable-text"]', WA_PLUS_DATE, WA_PLUS),
  textStrategy('class:selectable-text', 'class', '.selectable-text', SELECTORS_PY_DATE, SELECTORS_PY),
  textStrategy(
    'structure:pre-plain-span',
    'structure',
    '[data-pre-plain-text] span[dir]',
    SELECTORS_PY_DATE,
    SELECTORS_PY,
  ),
];

/** `data-pre-plain-text` on text messages only (17 of 35 in the catalog; media have none). */
const META: Strategy<string>[] = [
  strategy(
    'class',
    'copyable-text[data-pre-plain-text]',
    SELECTORS_PY_DATE,
    SELECTORS_PY,
    (b) =>
      b.querySelector('.copyable-text[data-pre-plain-text]')?.getAttribute('data-pre-plain-text') ?? null,
  ),
  strategy(
    'structure',
    '[data-pre-plain-text]',
    SELECTORS_PY_DATE,
    SELECTORS_PY,
    (b) => b.querySelector('[data-pre-plain-text]')?.getAttribute('data-pre-plain-text') ?? null,
  ),
];

/** "[10:32, 20/11/2026] Name: " or "[10:32 AM, 11/20/2026] Name: " → epoch ms (browser zone). */
export function timeFromMeta(meta: string | null): number | undefined {
  const bracket = meta?.match(/^\s*\[([^\]]+)\]/)?.[1];
  if (!bracket) return undefined;
  // 12-hour clocks come with month-first dates (US locale); 24-hour ones mostly day-first.
  const at = parseDateTime(bracket, { dayFirst: !/[AaPp]\.?[Mm]/.test(bracket) });
  return at ?? undefined;
}

/** Drops matches nested in another match (a wrapper and its inner node would read twice). */
function outermost(list: readonly Element[]): Element[] {
  return list.filter((el) => !list.some((other) => other !== el && other.contains(el)));
}

/**
 * Messages of the open one-to-one chat, oldest first, with who wrote each. A group chat reads as
 * no messages (its needs are nobody's), and so does a bubble whose writer no signal decides.
 * Media without text still count for direction: a caption-less photo can start a run. Times are
 * read in the browser's zone (the page prints local time without a zone).
 */
export function readMessages(root: ParentNode, log?: StrategyLog): ChatMessage[] {
  const chat = readOpenChat(root);
  if (!chat || chat.group) return [];
  const bubbles = outermost(readWith('messageRows', root, BUBBLES, log) ?? []);
  const directionOf = directionReader(chat.name);
  const out: ChatMessage[] = [];
  let prev: { row: Element; at: number | undefined } | undefined;
  for (const bubble of bubbles) {
    const from = directionOf(bubble, log);
    const text = readWith('messageText', bubble, TEXT, log);
    const row = rowOf(bubble);
    // Media bubbles print no date: one right after another bubble (no day divider between) was
    // sent no earlier than it, so it takes that time; needs are counted per day, and this keeps
    // a photo's caption on its own day instead of "today".
    const at =
      timeFromMeta(readWith('messageMeta', bubble, META, log)) ??
      (prev && prev.row.nextElementSibling === row ? prev.at : undefined);
    prev = { row, at };
    if (!from || !text) continue;
    out.push({ from, text, ...(at !== undefined ? { at } : {}) });
  }
  return out;
}
