import type { Platform } from '../model';
import type { CustomRule } from './customRule';
import { foundBuyer, uniqueBuyers } from './found';
import { queryAllDated, queryDated } from './query';
import type { DatedSelector, FoundBuyer, PageKind, SiteAdapter } from './types';

/*
 * Turning a teach-mode rule into an adapter needs no zod: this file is what content scripts
 * import, so the schema (and zod) stay out of the content bundle.
 */

/** "Shop_Rule 1" → "shop-rule-1": a platform-safe slug (lower-case, digits, -). */
export function ruleSlug(id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return slug || 'rule';
}

/** Match pattern for an origin; the port is dropped because match patterns ignore it anyway. */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

function dated(selector: string | undefined, since: string, kinds: PageKind[]): DatedSelector | undefined {
  return selector ? { current: selector, since, fallbacks: [], kinds } : undefined;
}

function buyerFrom(el: Element): FoundBuyer | null {
  // Taught elements rarely carry an id; the visible name is the handle, as the seller saw it.
  const id = el.getAttribute('data-buyer-id') ?? el.getAttribute('data-user-id');
  return foundBuyer(el, id, el.getAttribute('title') || el.textContent);
}

/**
 * The adapter a rule describes. `platform` is given for a rule that replaces a built-in
 * adapter's reading on that adapter's site: buyers stay keyed by the built-in platform, which is
 * also what the background's sender check expects from that origin.
 */
export function adapterFromRule(rule: CustomRule, platform?: Platform): SiteAdapter {
  const since = new Date(rule.createdAt).toISOString().slice(0, 10);
  const entries = {
    chatBuyer: dated(rule.chatBuyerSelector, since, ['chat']),
    chatInput: dated(rule.chatInputSelector, since, ['chat']),
    listBuyer: dated(rule.listBuyerSelector, since, ['chat', 'orders']),
    orderRow: dated(rule.orderRowSelector, since, ['orders']),
  };
  const selectors: Record<string, DatedSelector> = {};
  for (const [name, sel] of Object.entries(entries)) if (sel) selectors[name] = sel;
  const { chatBuyer, chatInput, listBuyer } = entries;
  const kinds: PageKind[] = [];
  if (chatBuyer || chatInput) kinds.push('chat');
  if (listBuyer || entries.orderRow) kinds.push('orders');
  return {
    id: `custom-${ruleSlug(rule.id)}`,
    label: rule.label,
    platform: platform ?? `custom-${ruleSlug(rule.id)}`,
    matches: [originPattern(rule.origin)],
    pageKinds: () => kinds,
    selectors,
    ...(chatBuyer
      ? {
          readChatBuyer: (root: ParentNode) => {
            const el = queryDated(root, chatBuyer);
            return el ? buyerFrom(el) : null;
          },
        }
      : {}),
    ...(chatInput
      ? { findChatInput: (root: ParentNode) => queryDated(root, chatInput) as HTMLElement | null }
      : {}),
    ...(listBuyer
      ? { readListBuyers: (root: ParentNode) => uniqueBuyers(queryAllDated(root, listBuyer).map(buyerFrom)) }
      : {}),
  };
}
