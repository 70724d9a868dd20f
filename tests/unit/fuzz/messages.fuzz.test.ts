/**
 * Every message in REQUESTS, dispatched with arbitrary JSON and with near-miss objects derived
 * from its own zod schema, from an extension page and from content scripts on two platforms.
 * Nothing crashes or hangs, every failure is a typed Result error with a readable message, and a
 * rejected message leaves every table of the database exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '@/core/background/router';
import type { RawSender } from '@/core/background/sender';
import { REQUESTS } from '@/core/messageSchemas';
import type { MessageName, Result } from '@/core/messaging';
import { defaultSettings } from '@/core/model';
import { count, params, report, scaled, TIMEOUT } from './budget';
import { env, SENDERS, STRANGERS, settled, snapshot, startBackground, within } from './harness';
import { type Json, nearMissFor, validFor } from './zodArb';

afterAll(report);
beforeEach(() => fakeBrowser.reset());

const NAMES = Object.keys(REQUESTS) as MessageName[];
const CODES = new Set([
  'invalid-message',
  'forbidden',
  'not-found',
  'conflict',
  'storage',
  'quota',
  'internal',
]);
/** Messages a JavaScript engine writes when code trips over bad data: never an answer for a user. */
const CRASH_TEXT =
  /Cannot read prop|is not a function|is not iterable|undefined is not|Maximum call stack|\[object Object\]/;

/** What `unknown` payload fields (settings, templates, demo orders) get besides junk. */
const demoOrder = {
  key: 'demo:o9',
  orderId: 'o9',
  platform: 'demo',
  buyerKey: 'demo:bob',
  placedAt: 1_690_000_000_000,
  total: 500,
  currency: 'CNY',
  items: [{ title: 'Tea', qty: 1, unitPrice: 500 }],
  status: 'paid',
  source: 'demo',
  updatedAt: 1,
};
const unknownPool = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    defaultSettings('en') as unknown as Json,
    { ...defaultSettings('en'), shopCurrency: 'usd' } as unknown as Json,
    demoOrder,
    { ...demoOrder, total: 1.5 },
    { ...demoOrder, platform: 'whatsapp' },
    { platform: 'demo' },
  ),
);

function dataFor(name: MessageName): fc.Arbitrary<Json> {
  const schema = REQUESTS[name].data;
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
    { weight: 2, arbitrary: validFor(schema, unknownPool) },
    { weight: 3, arbitrary: nearMissFor(schema, unknownPool) },
  );
}

function checkError(name: string, res: Result<unknown>): void {
  if (res.ok) return;
  expect(CODES.has(res.error.code), `${name}: code ${res.error.code}`).toBe(true);
  expect(typeof res.error.message).toBe('string');
  expect(res.error.message.length, `${name}: empty message`).toBeGreaterThan(3);
  expect(res.error.message, `${name}: ${res.error.message}`).not.toMatch(CRASH_TEXT);
  for (const d of res.error.details ?? []) expect(typeof d).toBe('string');
}

const RUNS_PER_TARGET = scaled(4, 2);

describe('every message handler under fuzzed data', { timeout: TIMEOUT }, () => {
  for (const name of NAMES) {
    it(`${name}: typed errors only, bounded time, a rejected message changes nothing`, async () => {
      const bg = await startBackground();
      const senders: Array<[string, RawSender]> = [
        ['page', SENDERS.page],
        ['whatsapp content', SENDERS.whatsapp],
        ['demo content', SENDERS.demo],
      ];
      try {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...senders), dataFor(name), async ([who, sender], data) => {
            count(`dispatch: ${name}`);
            const before = await settled(bg.db);
            const res = await within(
              dispatch(name, data, sender, env, bg.service),
              5000,
              `${name} from ${who}`,
            );
            checkError(`${name} from ${who}`, res);
            if (!res.ok)
              expect(await snapshot(bg.db), `${name} from ${who} failed but wrote`).toEqual(before);
          }),
          params(RUNS_PER_TARGET * senders.length),
        );
      } finally {
        await settled(bg.db);
        bg.db.close();
        await bg.db.delete();
      }
    });
  }

  it('unknown message names and non-object payloads are refused without reaching a handler', async () => {
    const bg = await startBackground();
    const before = await snapshot(bg.db);
    for (const name of ['__proto__', 'constructor', 'toString', 'nope', ''] as unknown as MessageName[]) {
      const res = await dispatch(name, {}, SENDERS.page, env, bg.service);
      expect(res.ok, String(name)).toBe(false);
      checkError(String(name), res);
      // Regression: `__proto__`/`constructor`/`toString` used to resolve to Object.prototype members.
      expect(res.ok ? '' : res.error.code, String(name)).toBe('invalid-message');
      count('dispatch: unknown names');
    }
    expect(await snapshot(bg.db)).toEqual(before);
    bg.db.close();
    await bg.db.delete();
  });

  it('random senders: only the extension itself gets an answer other than forbidden', async () => {
    const bg = await startBackground();
    const before = await snapshot(bg.db);
    const sender = fc.record(
      {
        id: fc.constantFrom('ext-id', 'other', '', 'EXT-ID'),
        url: fc.constantFrom(
          'chrome-extension://other/dashboard.html',
          'chrome-extension://ext-id.evil/',
          'https://evil.example/',
          'javascript:alert(1)',
          'data:text/html,hi',
          'about:blank',
          '',
        ),
        tab: fc.option(fc.record({ id: fc.nat(), url: fc.webUrl() }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), sender, async (name, s) => {
        count('dispatch: random senders');
        const res = await dispatch(name, {}, s, env, bg.service);
        // Our own content script on a page no adapter serves is still "content"; all else is a stranger.
        const ourContentScript = s.id === 'ext-id' && s.tab !== undefined && /^https?:/.test(s.url ?? '');
        if (!ourContentScript) expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        else checkError(name, res);
      }),
      params(scaled(100)),
    );
    for (const [label, s] of Object.entries(STRANGERS)) {
      for (const name of NAMES) {
        const res = await dispatch(name, {}, s, env, bg.service);
        expect(res.ok ? 'answered' : res.error.code, `${name} from ${label}`).toBe('forbidden');
      }
    }
    expect(await snapshot(bg.db)).toEqual(before);
    bg.db.close();
    await bg.db.delete();
  });
});

describe('rejected messages on an empty database', () => {
  /**
   * Regression: on a fresh install `loadDemoOrders` switched the shop to CNY / CN / Asia/Shanghai
   * before validating the orders, so a rejected batch still rewrote the seller's settings.
   */
  it('loadDemoOrders with an invalid demo order leaves the settings untouched', async () => {
    const bg = await startBackground();
    try {
      await bg.db.orders.clear();
      const before = await settled(bg.db);
      const res = await dispatch(
        'loadDemoOrders',
        { orders: [{ platform: 'demo' }], done: false },
        SENDERS.demo,
        env,
        bg.service,
      );
      expect(res.ok).toBe(false);
      expect(await snapshot(bg.db)).toEqual(before);
    } finally {
      await settled(bg.db);
      bg.db.close();
      await bg.db.delete();
    }
  });
});
