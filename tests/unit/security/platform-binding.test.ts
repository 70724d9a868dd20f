/**
 * A content script is bound to its page's platform. Meta-test over REQUESTS: every message a
 * content script may send whose data names a buyer or a platform (`buyerKey`, `buyerKeys`,
 * `platform`) must refuse, or answer with nothing, when that buyer or platform is another site's,
 * and must leave the database untouched. A new message added without that check fails here.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dispatch } from '@/core/background/router';
import { REQUESTS } from '@/core/messageSchemas';
import type { MessageName } from '@/core/messaging';
import {
  env,
  type FuzzBackground,
  SENDERS,
  STRANGERS,
  settled,
  snapshot,
  startBackground,
} from '../fuzz/harness';
import { type Json, validFor } from '../fuzz/zodArb';

const NAMES = Object.keys(REQUESTS) as MessageName[];
const BINDING_KEYS = ['buyerKey', 'buyerKeys', 'platform'] as const;

function shapeKeys(name: MessageName): string[] {
  const def = (REQUESTS[name].data as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod
    .def;
  return Object.keys(def.shape ?? {});
}

/** Messages whose data says which buyer(s) or platform they are about. */
const PLATFORM_BOUND = NAMES.filter((n) =>
  shapeKeys(n).some((k) => (BINDING_KEYS as readonly string[]).includes(k)),
);
const CONTENT_REACHABLE = PLATFORM_BOUND.filter((n) => REQUESTS[n].from !== 'page');

/** Re-targets valid data at amazon (the whatsapp tab's foreign platform). */
function aimAtAmazon(data: Json): Json {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, Json> = { ...data };
  if ('buyerKey' in out) out.buyerKey = 'amazon:x';
  if ('buyerKeys' in out) out.buyerKeys = ['amazon:x'];
  if ('platform' in out) out.platform = 'amazon';
  return out;
}

/** Valid data for `name` aimed at amazon, found by sampling the schema. */
function foreignData(name: MessageName): Json[] {
  const schema = REQUESTS[name].data;
  const samples = fc.sample(validFor(schema), { numRuns: 150, seed: 42 }).map(aimAtAmazon);
  const valid = samples.filter((d) => schema.safeParse(d).success);
  // Keep a few different shapes (e.g. with and without optional fields).
  return [...new Map(valid.map((d) => [JSON.stringify(d), d])).values()].slice(0, 4);
}

let bg: FuzzBackground;
beforeEach(async () => {
  fakeBrowser.reset();
  bg = await startBackground();
});
afterEach(async () => {
  await settled(bg.db);
  bg.db.close();
  await bg.db.delete();
});

describe('content scripts cannot reach another platform (meta-test over REQUESTS)', () => {
  it('finds the platform-bound messages, including the known ones', () => {
    expect(PLATFORM_BOUND).toEqual(
      expect.arrayContaining([
        'getBadges',
        'getBuyerCard',
        'seeBuyer',
        'recordCapturedOrders',
        'tagBuyers',
        'saveNote',
      ]),
    );
    expect(CONTENT_REACHABLE.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of PLATFORM_BOUND) {
    it(`${name}: a whatsapp content script aimed at amazon is refused and writes nothing`, async () => {
      const samples = foreignData(name);
      expect(samples.length, `no valid sample for ${name}: teach validFor its schema`).toBeGreaterThan(0);
      for (const data of samples) {
        const before = await settled(bg.db);
        const res = await dispatch(name, data, SENDERS.whatsapp, env, bg.service);
        if (res.ok) {
          // Reads may answer, but with nothing about the other platform.
          expect(JSON.stringify(res.value), `${name} leaked amazon data`).not.toMatch(
            /amazon:x|private note/,
          );
        } else {
          expect(['forbidden', 'invalid-message'], `${name}: ${res.error.message}`).toContain(res.error.code);
        }
        expect(await snapshot(bg.db), `${name} wrote for a foreign platform`).toEqual(before);
      }
    });
  }

  it('a content script on a page no adapter serves (platform unknown) reaches no buyers at all', async () => {
    const stranger = {
      id: 'ext-id',
      url: 'https://shop.example/',
      tab: { id: 8, url: 'https://shop.example/' },
    };
    for (const name of CONTENT_REACHABLE) {
      for (const data of foreignData(name)) {
        const before = await settled(bg.db);
        const res = await dispatch(name, data, stranger, env, bg.service);
        if (res.ok) expect(JSON.stringify(res.value)).not.toMatch(/amazon:x|private note/);
        expect(await snapshot(bg.db), name).toEqual(before);
      }
    }
  });

  it('page-only messages are refused to every content script', async () => {
    for (const name of NAMES.filter((n) => REQUESTS[n].from === 'page')) {
      for (const sender of [SENDERS.whatsapp, SENDERS.amazon, SENDERS.demo]) {
        const res = await dispatch(name, {}, sender, env, bg.service);
        expect(res.ok ? 'answered' : res.error.code, name).toBe('forbidden');
      }
    }
  });

  it('unknown sender ids and web-page URLs are refused for every message', async () => {
    const before = await snapshot(bg.db);
    for (const [label, sender] of Object.entries(STRANGERS)) {
      for (const name of NAMES) {
        const res = await dispatch(name, {}, sender, env, bg.service);
        expect(res.ok ? 'answered' : res.error.code, `${name} from ${label}`).toBe('forbidden');
      }
    }
    expect(await snapshot(bg.db)).toEqual(before);
  });

  it('the same content script still works on its own platform (the check is not just "refuse all")', async () => {
    const res = await dispatch(
      'getBuyerCard',
      { buyerKey: 'whatsapp:8613812345678' },
      SENDERS.whatsapp,
      env,
      bg.service,
    );
    expect(res.ok).toBe(true);
    const badges = await dispatch(
      'getBadges',
      { buyerKeys: ['whatsapp:8613812345678', 'amazon:x'] },
      SENDERS.whatsapp,
      env,
      bg.service,
    );
    expect(badges.ok && Object.keys(badges.value)).toEqual(['whatsapp:8613812345678']);
  });
});
