import { orderKeyOf, splitBuyerKey } from '../model';

/**
 * Who sent a message. Only the extension's own contexts are accepted: its pages (popup,
 * dashboard) and its content scripts. A content script is further bound to the platform of the
 * page it runs in, so a hostile page can neither write nor read another site's buyers.
 */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

export type SenderInfo =
  | { kind: 'page' }
  | { kind: 'content'; url: string; platform: string | undefined; tabId?: number };

export interface SenderEnv {
  extensionId: string;
  /** e.g. `chrome-extension://abc/` */
  extensionBaseUrl: string;
  /** The platform whose adapter or teach-mode rule serves this page URL, if any. */
  platformForUrl(url: string): Promise<string | undefined>;
}

export async function classifySender(sender: RawSender, env: SenderEnv): Promise<SenderInfo | null> {
  if (sender.id !== env.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(env.extensionBaseUrl)) return { kind: 'page' };
  if (!sender.tab || !/^https?:/.test(url)) return null;
  return { kind: 'content', url, platform: await env.platformForUrl(url), tabId: sender.tab.id };
}

/** The fields of an order that say whose it is. */
export interface OwnedOrder {
  key: string;
  orderId: string;
  platform: string;
  buyerKey: string;
}

/**
 * Index of the first order that does not belong to `platform`, or -1: its platform, its key
 * (`<platform>:<orderId>`, exactly as orderKeyOf builds it) and its buyer key must all be that
 * platform's. A page that may write `demo` orders must not overwrite `amazon:…` ones.
 */
export function firstForeignOrder(orders: readonly OwnedOrder[], platform: string): number {
  return orders.findIndex(
    (o) =>
      o.platform !== platform ||
      o.key !== orderKeyOf(platform, o.orderId) ||
      !o.buyerKey.includes(':') ||
      splitBuyerKey(o.buyerKey).platform !== platform,
  );
}
