/**
 * A background with real handlers over a fake-indexeddb database, seeded with a little of
 * everything, plus the senders the fuzz and security suites use.
 */
import type { Rescorer } from '@/core/background/context';
import { type BackgroundService, createHandlers } from '@/core/background/handlers';
import type { RawSender, SenderEnv } from '@/core/background/sender';
import { defaultSettings } from '@/core/model';
import { BuyerTiersDB, saveSettings, writeOrders } from '@/core/store';
import { makeOrder } from '../../support/orders';

export const EXT_ID = 'ext-id';
export const env: SenderEnv = {
  extensionId: EXT_ID,
  extensionBaseUrl: `chrome-extension://${EXT_ID}/`,
  platformForUrl: async (url) => {
    if (url.startsWith('https://web.whatsapp.com/')) return 'whatsapp';
    if (url.startsWith('https://sellercentral.amazon.com/')) return 'amazon';
    if (url.startsWith('http://127.0.0.1:')) return 'demo';
    return undefined;
  },
};

export const SENDERS = {
  page: { id: EXT_ID, url: `chrome-extension://${EXT_ID}/dashboard.html` },
  whatsapp: {
    id: EXT_ID,
    url: 'https://web.whatsapp.com/',
    tab: { id: 3, url: 'https://web.whatsapp.com/' },
  },
  amazon: {
    id: EXT_ID,
    url: 'https://sellercentral.amazon.com/messaging',
    tab: { id: 5, url: 'https://sellercentral.amazon.com/messaging' },
  },
  demo: { id: EXT_ID, url: 'http://127.0.0.1:5173/shop', tab: { id: 4, url: 'http://127.0.0.1:5173/shop' } },
} satisfies Record<string, RawSender>;

/** Senders that must be refused outright, whatever the message. */
export const STRANGERS: Record<string, RawSender> = {
  'another extension': { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
  'no id': { url: `chrome-extension://${EXT_ID}/dashboard.html` },
  'web page (no tab)': { id: EXT_ID, url: 'https://evil.example/' },
  'web page with a tab but a javascript: url': { id: EXT_ID, url: 'javascript:alert(1)', tab: { id: 9 } },
  'file url': { id: EXT_ID, url: 'file:///etc/passwd', tab: { id: 9, url: 'file:///etc/passwd' } },
  'lookalike extension base': {
    id: 'other-extension',
    url: `chrome-extension://${EXT_ID}/dashboard.html`,
  },
  'empty sender': {},
};

export interface FuzzBackground {
  db: BuyerTiersDB;
  /** What the router dispatches to: the handlers and where their changes are announced. */
  service: BackgroundService;
  signals: unknown[];
}

export const NOW = 1_700_000_000_000;

const rescorer: Rescorer = {
  afterWrite: async () => {},
  full: async () => ({ running: false, done: 0, total: 0 }),
  status: () => ({ running: false, done: 0, total: 0 }),
  suggestActions: async () => [],
};

/** A fresh database with buyers on three platforms, a tag, a note, history and settings. */
export async function startBackground(name = `bg-${Math.random()}`): Promise<FuzzBackground> {
  const db = new BuyerTiersDB(name);
  await db.open();
  const settings = { ...defaultSettings('en'), currencyRates: { CNY: 0.14 } };
  await saveSettings(db, settings);
  const ctx = { shopCurrency: 'USD', currencyRates: { CNY: 0.14 }, timeZone: 'UTC' };
  await writeOrders(
    db,
    [
      makeOrder({ orderId: 'w1', platform: 'whatsapp', buyer: '8613812345678', currency: 'USD' }),
      makeOrder({ orderId: 'a1', platform: 'amazon', buyer: 'x', currency: 'USD' }),
      makeOrder({ orderId: 'd1', platform: 'demo', buyer: 'alice', currency: 'CNY' }),
    ],
    ctx,
    NOW,
  );
  await db.tags.put({ id: 't1', name: 'vip', color: '#3366ff', createdAt: 1 });
  await db.buyerTags.put({ buyerKey: 'amazon:x', tagId: 't1', at: 1 });
  await db.notes.put({ buyerKey: 'amazon:x', text: 'private note', updatedAt: 1 });
  await db.classChanges.add({
    buyerKey: 'amazon:x',
    dimension: 'segment',
    from: 'new',
    to: 'loyal',
    at: NOW - 1,
  });
  await db.selectorHealth.put({ site: 'whatsapp', misses: 0, hits: 1 });
  const signals: unknown[] = [];
  const service = createHandlers({
    db,
    now: () => NOW,
    browserLanguage: 'en',
    signal: (c) => signals.push(c),
    rescorer,
  });
  return { db, service, signals };
}

/** Every row of every table, for before/after comparisons. */
export async function snapshot(db: BuyerTiersDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** Waits until fire-and-forget work started by an earlier message has stopped writing. */
export async function settled(db: BuyerTiersDB): Promise<Record<string, unknown[]>> {
  let prev = await snapshot(db);
  let prevText = JSON.stringify(prev);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 1));
    const next = await snapshot(db);
    const nextText = JSON.stringify(next);
    if (nextText === prevText) return next;
    prev = next;
    prevText = nextText;
  }
  return prev;
}

/** Rejects when `p` takes longer than `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
