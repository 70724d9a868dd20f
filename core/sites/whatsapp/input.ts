import { readWith, type StrategyLog } from '../strategy';
import {
  LISTITEM_ERA,
  LISTITEM_ERA_DATE,
  SELECTORS_PY,
  SELECTORS_PY_DATE,
  WA_PLUS,
  WA_PLUS_DATE,
} from './evidence';
import { type SelectorSpec, strategiesOf } from './spec';

/**
 * The reply box: a Lexical editor in the chat footer (data-tab="10"; the search box in the side
 * pane is another contenteditable textbox, data-tab="3", hence the `#main footer` scope).
 */
export const INPUT_SPECS: readonly SelectorSpec[] = [
  {
    kind: 'aria',
    selector: '#main footer [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    seen: SELECTORS_PY_DATE,
    source: SELECTORS_PY,
  },
  {
    kind: 'structure',
    selector: '#main footer [contenteditable="true"][data-tab="10"]',
    seen: WA_PLUS_DATE,
    source: WA_PLUS,
  },
  {
    kind: 'aria',
    selector: '#main footer [contenteditable="true"][role="textbox"]',
    seen: WA_PLUS_DATE,
    source: WA_PLUS,
  },
  {
    kind: 'structure',
    selector: '#main footer div[contenteditable="true"]',
    seen: LISTITEM_ERA_DATE,
    source: LISTITEM_ERA,
  },
];
const INPUT = strategiesOf(INPUT_SPECS);

export function findChatInput(root: ParentNode, log?: StrategyLog): HTMLElement | null {
  return readWith('chatInput', root, INPUT, log) as HTMLElement | null;
}
