/**
 * The background as unit tests drive it: a Buyer Tiers database in fake-indexeddb, the real
 * handlers over it and a rescorer (the real one unless a test passes its own), reached through
 * the router as a dashboard page or a content script would reach it.
 */
import { afterEach } from 'vitest';
import { aggregateContextOf, type Rescorer } from '@/core/background/context';
import { createHandlers } from '@/core/background/handlers';
import { createRescorer } from '@/core/background/rescorer';
import { type CallChanges, dispatch } from '@/core/background/router';
import type { SenderEnv } from '@/core/background/sender';
import type { TeamService } from '@/core/background/team/service';
import type { MessageName } from '@/core/messaging';
import { defaultSettings, type Settings } from '@/core/model';
import { BuyerTiersDB, saveSettings, writeOrders } from '@/core/store';
import { syntheticShop } from './synthetic';

/** The extension's dashboard page as a message sender. */
export const PAGE = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };
/** The content script on WhatsApp Web as a message sender. */
export const CONTENT = {
  id: 'ext-id',
  url: 'https://web.whatsapp.com/',
  tab: { id: 3, url: 'https://web.whatsapp.com/' },
};
/** Sender checks with every web page taken for WhatsApp Web. */
export const env: SenderEnv = {
  extensionId: 'ext-id',
  extensionBaseUrl: 'chrome-extension://ext-id/',
  platformForUrl: async () => 'whatsapp',
};

export interface BackgroundOptions {
  /** The background's clock: it always answers this instant. */
  now: number;
  /** Replaces the real rescorer (built over the same database and clock). */
  rescorer?: Rescorer;
  /** Who `call` and `raw` send as unless told otherwise; the dashboard page by default. */
  sender?: object;
  /** Team sync, for tests of the team messages. */
  team?: TeamService;
}

export interface TestBackground {
  db: BuyerTiersDB;
  rescorer: Rescorer;
  /** The handlers as first built, for `dispatch`; `restart` builds new ones, which `call` and `raw` then use. */
  service: ReturnType<typeof createHandlers>;
  /** Every change signal the handlers sent, oldest first. */
  signals: unknown[];
  /** The router's answer to a message. */
  raw: (name: MessageName, data: unknown, sender?: object) => ReturnType<typeof dispatch>;
  /** The answer's value; a refusal throws `code: message details`. */
  call: <T>(name: MessageName, data: unknown, sender?: object) => Promise<T>;
  /** New handlers over the same database and rescorer, as after a worker restart. */
  restart(): void;
}

/**
 * Call once at the top of a test file. Databases opened through the result are deleted after
 * each test; with `settle`, each one's rescorer first finishes a full rescore (a restore starts
 * one in the background, which must end before its database goes away).
 */
export function testBackgrounds(prefix: string, options: { settle?: boolean } = {}) {
  const open: Array<{ db: BuyerTiersDB; rescorer?: Rescorer }> = [];
  afterEach(async () => {
    for (const o of open.splice(0)) {
      if (options.settle) await o.rescorer?.full();
      await o.db.delete();
    }
  });

  const rescorerFor = (db: BuyerTiersDB, opts: BackgroundOptions): Rescorer => {
    const rescorer = opts.rescorer ?? createRescorer({ db, now: () => opts.now, browserLanguage: 'en' });
    const entry = open.find((o) => o.db === db);
    if (entry) entry.rescorer = rescorer;
    return rescorer;
  };

  return {
    /** A new, empty database. */
    database(): BuyerTiersDB {
      const db = new BuyerTiersDB(`${prefix}-${Math.random()}`);
      open.push({ db });
      return db;
    },

    /** The background over `db` (a database from `database()`). */
    background(db: BuyerTiersDB, opts: BackgroundOptions): TestBackground {
      return backgroundOver(db, opts, rescorerFor(db, opts));
    },

    /** The same once its rescorer has finished a full rescore, as a worker that has caught up. */
    async rescoredBackground(db: BuyerTiersDB, opts: BackgroundOptions): Promise<TestBackground> {
      const rescorer = rescorerFor(db, opts);
      await rescorer.full();
      return backgroundOver(db, opts, rescorer);
    },
  };
}

function backgroundOver(db: BuyerTiersDB, opts: BackgroundOptions, rescorer: Rescorer): TestBackground {
  const now = () => opts.now;
  const signals: unknown[] = [];
  const make = () =>
    createHandlers({
      db,
      now,
      browserLanguage: 'en',
      signal: (s) => signals.push(s),
      rescorer,
      team: opts.team,
    });
  let service = make();
  const defaultSender = opts.sender ?? PAGE;
  const raw = (name: MessageName, data: unknown, sender: object = defaultSender) =>
    dispatch(name, data, sender, env, service);
  const call = async <T>(name: MessageName, data: unknown, sender: object = defaultSender) => {
    const res = await raw(name, data, sender);
    if (!res.ok)
      throw new Error(`${res.error.code}: ${res.error.message} ${res.error.details?.join('; ') ?? ''}`);
    return res.value as T;
  };
  return {
    db,
    rescorer,
    service,
    signals,
    raw,
    call,
    restart: () => {
      service = make();
    },
  };
}

/**
 * Saves CNY shop settings and writes a synthetic shop's orders (three per buyer over the 600 days
 * up to `now`), in one write or `batch` orders at a time. Returns the settings.
 */
export async function seedSyntheticShop(
  db: BuyerTiersDB,
  opts: { buyers: number; now: number; batch?: number },
): Promise<Settings> {
  const settings = { ...defaultSettings('en'), shopCurrency: 'CNY' };
  await saveSettings(db, settings);
  const orders = syntheticShop({
    buyers: opts.buyers,
    orders: opts.buyers * 3,
    startMs: opts.now - 600 * 86_400_000,
    endMs: opts.now,
  }).flatMap((b) => b.orders);
  if (opts.batch === undefined) {
    await writeOrders(db, orders, aggregateContextOf(settings), opts.now);
  } else {
    for (let i = 0; i < orders.length; i += opts.batch) {
      await writeOrders(db, orders.slice(i, i + opts.batch), aggregateContextOf(settings), opts.now);
    }
  }
  return settings;
}

/** For tests that call a handler part directly, without the router: its changes go nowhere. */
export const UNROUTED: CallChanges = { buyers() {}, none() {} };
