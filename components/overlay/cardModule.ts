import { request } from '@/core/messaging';
import type { OverlayLocale } from './i18n';

/*
 * The buyer card is its own bundle (entrypoints/buyer-card.ts), injected into this tab's
 * content-script world on first use: it carries the card, its catalogues (reasons, actions) and
 * its CSS, which would otherwise make every page load pay for a card most never open.
 */
export const CARD_GLOBAL = '__buyerTiersCard';

export interface CardMountProps {
  buyerKey: string;
  locale: OverlayLocale;
  version: number;
  focusTags: boolean;
  /** The page's chat box (or null): the card inserts replies itself, see insertReply. */
  findInput(): HTMLElement | null;
  /** The buyer's own message texts in the open chat when it is this buyer's, else none. */
  buyerMessages(buyerKey: string): string[];
  onClose(): void;
}

export interface CardModule {
  mount(root: ShadowRoot, container: HTMLElement, props: CardMountProps): void;
  unmount(container: HTMLElement): void;
}

function installed(): CardModule | undefined {
  return (globalThis as Record<string, unknown>)[CARD_GLOBAL] as CardModule | undefined;
}

let loading: Promise<CardModule> | undefined;

export function loadCardModule(): Promise<CardModule> {
  const have = installed();
  if (have) return Promise.resolve(have);
  loading ??= request('loadBuyerCard', {})
    .then(() => {
      const m = installed();
      if (!m) throw new Error('buyer card bundle did not load');
      return m;
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}
