import { adapterFromRule } from '@/core/sites/ruleAdapter';
import { generateListSelector, generateSelector } from '@/core/sites/selectorGenerator';
import type { TeachKey } from './i18n';

export type StepId = 'chatBuyer' | 'chatInput' | 'listBuyer';

export interface Step {
  id: StepId;
  prompt: TeachKey;
}

/** The picker's steps, in order; every one may be skipped, but one buyer name is required. */
export const STEPS: readonly Step[] = [
  { id: 'chatBuyer', prompt: 'teach.step.chatBuyer' },
  { id: 'chatInput', prompt: 'teach.step.chatInput' },
  { id: 'listBuyer', prompt: 'teach.step.listBuyer' },
];

export type Picked = Partial<Record<StepId, string>>;

/** A text box the seller clicked into may be a child of the actual editor. */
export function inputTarget(el: Element): Element {
  return (
    el.closest('textarea, input, [contenteditable=""], [contenteditable="true"], [role="textbox"]') ?? el
  );
}

/** The selector a step derives from the clicked element (null when none is robust enough). */
export function selectorFor(step: StepId, el: Element, root: ParentNode = el.ownerDocument): string | null {
  if (step === 'listBuyer') return generateListSelector(el, root);
  if (step === 'chatInput') return generateSelector(inputTarget(el), root);
  return generateSelector(el, root);
}

export interface Preview {
  chatBuyer?: string;
  chatInput: boolean;
  listCount: number;
  listSample: string[];
}

/** Exactly what the content script will read with these selectors: the same adapter code. */
export function previewOf(picked: Picked, root: ParentNode, origin: string): Preview {
  const adapter = adapterFromRule({
    id: 'preview',
    origin,
    label: 'preview',
    chatBuyerSelector: picked.chatBuyer,
    chatInputSelector: picked.chatInput,
    listBuyerSelector: picked.listBuyer,
    createdAt: 0,
  });
  const buyer = adapter.readChatBuyer?.(root) ?? null;
  const list = adapter.readListBuyers?.(root) ?? [];
  return {
    chatBuyer: buyer?.name,
    chatInput: Boolean(adapter.findChatInput?.(root)),
    listCount: list.length,
    listSample: list.slice(0, 5).map((b) => b.name),
  };
}
