import { foundBuyer, uniqueBuyers } from '../found';
import { allBySelector, readWith, type Strategy, type StrategyLog } from '../strategy';
import type { FoundBuyer } from '../types';
import { labelOf, phoneDigits } from './compare';
import { CATALOG, CATALOG_SIDEBAR, LISTITEM_ERA, LISTITEM_ERA_DATE, WA_PLUS, WA_PLUS_DATE } from './evidence';
import { type SelectorSpec, strategiesOf } from './spec';

/**
 * Rows of the chat list. Today a grid of `[role="row"]` (virtualised: ~70 of 485 rendered), which
 * also holds section headers in search results; in 2024 a list of `[role="listitem"]`.
 */
export const ROW_SPECS: readonly SelectorSpec[] = [
  { kind: 'testid', selector: '[data-testid="chat-list"] [role="row"]', seen: WA_PLUS_DATE, source: WA_PLUS },
  { kind: 'aria', selector: '#pane-side [role="grid"] [role="row"]', seen: CATALOG_SIDEBAR, source: CATALOG },
  {
    kind: 'testid',
    selector: '#pane-side [data-testid="cell-frame-container"]',
    seen: CATALOG_SIDEBAR,
    source: CATALOG,
  },
  { kind: 'aria', selector: '#pane-side [role="listitem"]', seen: LISTITEM_ERA_DATE, source: LISTITEM_ERA },
];
const ROWS: Strategy<Element[]>[] = ROW_SPECS.map((s) => allBySelector(s.kind, s.selector, s.seen, s.source));

/**
 * The chat's name in a row: the title cell's `span[title]` (the row's other `span[title]` is the
 * last-message preview), then the auto-direction name span of older builds, then any title.
 */
const NAME: Strategy<Element>[] = strategiesOf([
  {
    kind: 'testid',
    selector: '[data-testid="cell-frame-title"] span[title]',
    seen: CATALOG_SIDEBAR,
    source: CATALOG,
  },
  { kind: 'structure', selector: 'span[dir="auto"][title]', seen: LISTITEM_ERA_DATE, source: LISTITEM_ERA },
  { kind: 'structure', selector: 'span[title]', seen: LISTITEM_ERA_DATE, source: LISTITEM_ERA },
]);

/** The "message yourself" row is the seller's own notes, never a buyer. */
const SELF_ROW = '[data-testid="message-yourself-row"]';

/**
 * Buyers named in the visible rows. A row shows the saved name or, for an unsaved contact, the
 * number, which is then the buyer's id. Badges here only look buyers up: only the open chat's
 * header ever records one, and it never does for a group.
 */
export function readListBuyers(root: ParentNode, log?: StrategyLog): FoundBuyer[] {
  const rows = readWith('chatListRows', root, ROWS, log) ?? [];
  return uniqueBuyers(
    rows.map((row) => {
      if (row.matches(SELF_ROW) || row.querySelector(SELF_ROW)) return null;
      const el = readWith('chatListName', row, NAME, log);
      if (!el) return null;
      const name = labelOf(el);
      return foundBuyer(el, phoneDigits(name) ?? name, name);
    }),
  );
}
