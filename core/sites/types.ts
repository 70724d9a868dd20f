import type { OrderStatus, Platform } from '../model';
import type { StrategyLog } from './strategy';

/**
 * A selector with its history: `current` is tried first, then `fallbacks` in order (older
 * markup still seen in the wild). `since` dates when `current` was last verified against the page,
 * so a stale selector is easy to spot.
 */
export interface DatedSelector {
  current: string;
  since: string;
  fallbacks: ReadonlyArray<{ selector: string; until: string; note?: string }>;
  /** Page kinds on which this selector is expected to match (health checks); all kinds when absent. */
  kinds?: readonly PageKind[];
  /** True when the element may legitimately be absent (health checks do not flag it). */
  optional?: boolean;
}

/** A buyer found on the page, anchored to the element the badge goes beside. */
export interface FoundBuyer {
  /** Raw buyer handle as read (normalised later with `buyerKeyOf`). */
  buyerId: string;
  name: string;
  anchor: Element;
  /**
   * Handles this buyer may already be stored under, from before the page showed a more stable
   * one (WhatsApp: the display name, once the phone is known). The overlay merges those buyers in.
   */
  formerIds?: string[];
  /**
   * The order this row shows, when the page prints one. A row with an order id but no buyer
   * name has an empty `buyerId` and `name`: the overlay badges it once the order is known.
   */
  orderId?: string;
}

/** An order read from an order-list row, in the page's own units (parsed by the adapter). */
export interface CapturedOrderRow {
  orderId: string;
  buyerId: string;
  buyerName?: string;
  /** Epoch ms. */
  placedAt: number;
  /** Minor units. */
  total: number;
  currency: string;
  status: OrderStatus;
  items: Array<{ title: string; qty: number; unitPrice: number; sku?: string; category?: string }>;
  shipCountry?: string;
  anchor: Element;
}

/** An order as the page's own data (JSON responses) describes it: no element to anchor to. */
export type CapturedOrderData = Omit<CapturedOrderRow, 'anchor'>;

export interface ChatMessage {
  from: 'buyer' | 'seller';
  text: string;
  /** Epoch ms when the page shows it, else undefined. */
  at?: number;
}

export type PageKind = 'chat' | 'orders';

export interface SiteAdapter {
  id: string;
  label: string;
  platform: Platform;
  /** WebExtension match patterns the adapter runs on (must be covered by host permissions). */
  matches: readonly string[];
  /** Which kinds of page this URL shows; an adapter may serve several. */
  pageKinds(url: URL): PageKind[];
  selectors: Readonly<Record<string, DatedSelector>>;
  /*
   * Readers take an optional StrategyLog: when given, every field read records which of its
   * strategies supplied the value (see strategy.ts), which selector health reports.
   */
  /** The buyer of the open conversation, or null when none is open or it cannot be found. */
  readChatBuyer?(root: ParentNode, log?: StrategyLog): FoundBuyer | null;
  /** The element the seller types replies into (textarea, input or contenteditable). */
  findChatInput?(root: ParentNode, log?: StrategyLog): HTMLElement | null;
  /** Every buyer name visible in conversation lists or order lists. */
  readListBuyers?(root: ParentNode, log?: StrategyLog): FoundBuyer[];
  /** Orders visible on an order-list page. */
  readOrderRows?(root: ParentNode, log?: StrategyLog): CapturedOrderRow[];
  /** Messages of the open conversation, oldest first. */
  readMessages?(root: ParentNode, log?: StrategyLog): ChatMessage[];
  /**
   * Sites whose page loads its orders as JSON: a page-world script observes those responses and
   * posts what it read; this checks the message (its `nonce` must be the one the content script
   * announced) and every posted order against the adapter's own platform and shapes (anything
   * else is dropped) and returns the orders to capture.
   */
  ordersFromPageData?(data: unknown, nonce: string, now: number): CapturedOrderData[];
}

/** What an adapter found on a page: drives the "can't find the buyer — teach me" chip. */
export interface SelectorHealth {
  pageKind: PageKind;
  /** Chat pages: the open conversation's buyer was read; order pages: at least one buyer was. */
  buyerFound: boolean;
  listCount: number;
  orderCount: number;
  /** Names of expected (non-optional) selectors that matched nothing, current nor fallbacks. */
  missing: string[];
  /** Per field, which strategy supplied the value how often (NO_MATCH when none did). */
  strategies: Record<string, Record<string, number>>;
}
