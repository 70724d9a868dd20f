import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_NEEDS, defaultSettings, EMPTY_AGGREGATE } from '@/core/model';
import {
  applyChatDay,
  emptyNeedsRecord,
  MAX_SEEN_DAYS,
  type NeedsRecord,
  NeedsRecord as NeedsRecordSchema,
  needsOrientation,
} from '@/core/needs';
import { DEFAULT_ACTION_TEMPLATES, suggestActions } from '@/core/scoring/actions';
import { classifyBuyer } from '@/core/scoring/classify';
import { buildScoringContext } from '@/core/scoring/context';

const NOW = Date.UTC(2025, 0, 10);
const D = 20_000;

function withDays(
  days: Array<[number, Partial<Record<'price' | 'quality' | 'service', number>>]>,
): NeedsRecord {
  return days.reduce(
    (r, [day, counts]) => applyChatDay(r, { day, counts, messages: 3 }, NOW),
    emptyNeedsRecord('whatsapp:1', NOW),
  );
}

describe('needs record', () => {
  it('counts conversation-days, and re-sending a day replaces it (idempotent)', () => {
    let r = withDays([
      [D, { price: 2 }],
      [D + 1, { quality: 1 }],
    ]);
    expect(r.chats).toBe(2);
    expect(r.perNeed.price).toEqual({ chats: 1, lastAt: D * DAY_MS });
    const again = applyChatDay(r, { day: D, counts: { price: 5 }, messages: 9 }, NOW);
    expect(again.chats).toBe(2);
    expect(again.perNeed.price.chats).toBe(1);
    r = applyChatDay(r, { day: D, counts: { service: 1 }, messages: 2 }, NOW);
    expect(r.perNeed.price).toEqual({ chats: 0 });
    expect(r.perNeed.service.chats).toBe(1);
    // A day without buyer messages is not a chat.
    r = applyChatDay(r, { day: D + 1, counts: {}, messages: 0 }, NOW);
    expect(r.chats).toBe(1);
    expect(NeedsRecordSchema.parse(r)).toEqual(r);
  });

  it('caps the replaceable days and keeps counting older ones in the archive', () => {
    let r = emptyNeedsRecord('whatsapp:1', NOW);
    for (let i = 0; i < MAX_SEEN_DAYS + 10; i++)
      r = applyChatDay(r, { day: D + i, counts: { price: 1 }, messages: 1 }, NOW);
    expect(r.seenChatDays).toHaveLength(MAX_SEEN_DAYS);
    expect(r.chats).toBe(MAX_SEEN_DAYS + 10);
    expect(r.perNeed.price.chats).toBe(MAX_SEEN_DAYS + 10);
    // An archived day can no longer be replaced or double-counted.
    expect(applyChatDay(r, { day: D, counts: { quality: 1 }, messages: 1 }, NOW)).toBe(r);
  });
});

describe('needsOrientation', () => {
  it('never sets an orientation from a single message or chat', () => {
    const one = withDays([[D, { price: 1 }]]);
    const o = needsOrientation(one, DEFAULT_NEEDS);
    expect(o.orientation).toBeNull();
    expect(o.reasons[0]).toEqual({
      code: 'needs.too-few-chats',
      values: { need: 'price', chats: 1, total: 1, minChats: 2 },
    });
    // Many mentions on one day are still one chat.
    const loud = applyChatDay(
      emptyNeedsRecord('whatsapp:1', NOW),
      { day: D, counts: { price: 40 }, messages: 40 },
      NOW,
    );
    expect(needsOrientation(loud, DEFAULT_NEEDS).orientation).toBeNull();
  });

  it('picks the dominant need with its reason ("asked about discounts in 4 of 6 chats")', () => {
    const r = withDays([
      [D, { price: 1 }],
      [D + 1, { price: 1 }],
      [D + 2, { quality: 1 }],
      [D + 3, { price: 1 }],
      [D + 4, {}],
      [D + 5, { price: 1, service: 1 }],
    ]);
    const o = needsOrientation(r, DEFAULT_NEEDS);
    expect(o).toMatchObject({ orientation: 'price', source: 'counted', kind: 'basic', chats: 6 });
    expect(o.reasons).toEqual([{ code: 'needs.dominant', values: { need: 'price', chats: 4, total: 6 } }]);
  });

  it('needs the share threshold too, and breaks ties by the most recent need', () => {
    const spread = withDays(
      Array.from(
        { length: 10 },
        (_, i) => [D + i, i < 2 ? { price: 1 } : {}] as [number, { price?: number }],
      ),
    );
    expect(needsOrientation(spread, DEFAULT_NEEDS).reasons[0].code).toBe('needs.too-small-share');
    const tie = withDays([
      [D, { price: 1 }],
      [D + 1, { price: 1 }],
      [D + 2, { service: 1 }],
      [D + 3, { service: 1 }],
    ]);
    expect(needsOrientation(tie, DEFAULT_NEEDS).orientation).toBe('service');
  });

  it('lets the seller’s correction win over any count', () => {
    const r: NeedsRecord = {
      ...withDays([[D, { price: 1 }]]),
      correction: { orientation: 'special', at: NOW },
    };
    expect(needsOrientation(r, DEFAULT_NEEDS)).toMatchObject({
      orientation: 'special',
      source: 'corrected',
      kind: 'special',
    });
    const none: NeedsRecord = { ...r, correction: { orientation: 'none', at: NOW } };
    expect(needsOrientation(none, DEFAULT_NEEDS)).toMatchObject({ orientation: null, source: 'corrected' });
  });
});

describe('need conditions in suggested actions', () => {
  it('suggests the bundle / coupon reply to price-oriented buyers only', () => {
    const settings = defaultSettings('en');
    const agg = { ...EMPTY_AGGREGATE };
    const ctx = buildScoringContext([agg], settings, NOW);
    const classes = classifyBuyer({ agg }, ctx, settings, NOW);
    const ids = (orientation: 'price' | 'quality' | null) =>
      suggestActions(classes, agg, 'Ann', DEFAULT_ACTION_TEMPLATES, 'en', {}, { orientation }).map(
        (a) => a.id,
      );
    expect(ids('price')).toContain('bundle-discount');
    expect(ids('quality')).not.toContain('bundle-discount');
    expect(ids(null)).not.toContain('bundle-discount');
    expect(
      suggestActions(classes, agg, 'Ann', DEFAULT_ACTION_TEMPLATES, 'en').map((a) => a.id),
    ).not.toContain('bundle-discount');
  });
});
