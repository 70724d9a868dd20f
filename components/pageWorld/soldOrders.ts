import { PAGE_HELLO_CHANNEL, PAGE_ORDERS_CHANNEL, PAGE_ORDERS_VERSION } from '@/core/sites/qianniu/bridge';
import { ordersFromSoldJson, parseResponseText, SOLD_ORDER_URL } from '@/core/sites/qianniu/json';
import type { CapturedOrderData } from '@/core/sites/types';

/** Orders kept while the content script has not said hello yet (it starts at document_idle). */
const BUFFER = 500;

/**
 * Runs in the page's own world: wraps fetch and XMLHttpRequest to READ the responses of the
 * sold-orders endpoints (never changing a request or a response, never sending one), and posts
 * the orders found to this window for the content script, tagged with the nonce it announced.
 */
export function observeSoldOrderResponses(win: Window & typeof globalThis): void {
  let nonce: string | null = null;
  let pending: CapturedOrderData[] = [];

  const post = (orders: CapturedOrderData[]) => {
    if (orders.length === 0) return;
    if (!nonce) {
      pending = [...pending, ...orders].slice(-BUFFER);
      return;
    }
    win.postMessage(
      {
        channel: PAGE_ORDERS_CHANNEL,
        v: PAGE_ORDERS_VERSION,
        nonce,
        orders: orders.map((o) => ({ ...o, platform: 'taobao' })),
      },
      win.location.origin,
    );
  };

  const read = (url: string, text: string) => {
    if (!SOLD_ORDER_URL.test(url)) return;
    try {
      post(ordersFromSoldJson(parseResponseText(text)));
    } catch {
      // A response we cannot read is simply not captured.
    }
  };

  win.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as { channel?: unknown; nonce?: unknown } | null;
    if (e.source !== win || d?.channel !== PAGE_HELLO_CHANNEL || typeof d.nonce !== 'string') return;
    nonce = d.nonce;
    const buffered = pending;
    pending = [];
    post(buffered);
  });

  const origFetch = win.fetch;
  win.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
    const res = await origFetch.apply(this, args);
    try {
      const url = res.url || String(args[0] instanceof Request ? args[0].url : args[0]);
      if (SOLD_ORDER_URL.test(url))
        void res
          .clone()
          .text()
          .then(
            (t) => read(url, t),
            () => undefined,
          );
    } catch {
      // never disturb the page's own request
    }
    return res;
  } as typeof fetch;

  const origOpen = win.XMLHttpRequest.prototype.open;
  win.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = String(args[1] ?? '');
    if (SOLD_ORDER_URL.test(url)) {
      this.addEventListener('load', () => {
        try {
          if (this.responseType === '' || this.responseType === 'text')
            read(this.responseURL || url, this.responseText);
          else if (this.responseType === 'json') read(this.responseURL || url, JSON.stringify(this.response));
        } catch {
          // as above
        }
      });
    }
    return (origOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof XMLHttpRequest.prototype.open;
}
