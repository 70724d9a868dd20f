import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/core/model';
import { CONTENT, PAGE, testBackgrounds } from '../../support/background';

const NOW = Date.UTC(2025, 0, 10);
const TODAY = Math.floor(NOW / DAY_MS);
const backgrounds = testBackgrounds('needs');

function setup() {
  const { db, call, raw, signals } = backgrounds.background(backgrounds.database(), {
    now: NOW,
    sender: CONTENT,
  });
  return { db, call, raw, signals };
}

interface Dto {
  orientation: string | null;
  source: string;
  chats: number;
  perNeed: Record<string, { chats: number }>;
  reasons: Array<{ code: string; values: Record<string, unknown> }>;
}

const day = (d: number, counts: Record<string, number>, messages = 3) => ({
  platform: 'whatsapp',
  buyerId: '+86 138 0000 0000',
  day: d,
  counts,
  messages,
});
const KEY = 'whatsapp:8613800000000';

describe('needs messages', () => {
  it('stores counts and dates only: no text anywhere in the stored record', async () => {
    const { db, call, raw } = setup();
    await call('recordChatNeeds', day(TODAY, { price: 2, service: 1 }));
    const row = await db.needs.get(KEY);
    expect(row).toBeDefined();
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string') expect(path).toBe('.buyerKey');
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      else expect(typeof v === 'number' || typeof v === 'boolean' || v === undefined).toBe(true);
    };
    walk(row, '');
    expect(Object.keys(row!).sort()).toEqual([
      'buyerKey',
      'chats',
      'dayNeeds',
      'perNeed',
      'seenChatDays',
      'updatedAt',
    ]);
    // A message carrying text is refused outright.
    const withText = await raw('recordChatNeeds', { ...day(TODAY, { price: 1 }), text: 'cheaper please' });
    expect(withText.ok).toBe(false);
    const textInCounts = await raw(
      'recordChatNeeds',
      day(TODAY, { price: 1, note: 1 } as Record<string, number>),
    );
    expect(textInCounts.ok).toBe(false);
  });

  it('is idempotent per buyer and chat day, and a single chat sets no orientation', async () => {
    const { call } = setup();
    const first = await call<Dto>('recordChatNeeds', day(TODAY - 1, { price: 1 }));
    expect(first.orientation).toBeNull();
    await call('recordChatNeeds', day(TODAY - 1, { price: 3 }));
    await call('recordChatNeeds', day(TODAY - 1, { price: 3 }));
    const same = await call<Dto>('getNeeds', { buyerKey: KEY });
    expect(same.chats).toBe(1);
    expect(same.perNeed.price.chats).toBe(1);
    expect(same.orientation).toBeNull();
    const second = await call<Dto>('recordChatNeeds', day(TODAY, { price: 1 }));
    expect(second).toMatchObject({ orientation: 'price', source: 'counted', chats: 2 });
    expect(second.reasons[0]).toEqual({
      code: 'needs.dominant',
      values: { need: 'price', chats: 2, total: 2 },
    });
  });

  it('keeps the seller’s correction through later recounts until it is cleared', async () => {
    const { call } = setup();
    await call('recordChatNeeds', day(TODAY - 2, { price: 1 }));
    const corrected = await call<Dto>('correctNeeds', { buyerKey: KEY, orientation: 'quality' });
    expect(corrected).toMatchObject({ orientation: 'quality', source: 'corrected' });
    await call('recordChatNeeds', day(TODAY - 1, { price: 1 }));
    await call('recordChatNeeds', day(TODAY, { price: 2 }));
    const after = await call<Dto>('getNeeds', { buyerKey: KEY });
    expect(after).toMatchObject({ orientation: 'quality', source: 'corrected', chats: 3 });
    expect(after.reasons[0].code).toBe('needs.corrected');
    const cleared = await call<Dto>('correctNeeds', { buyerKey: KEY, orientation: null });
    expect(cleared).toMatchObject({ orientation: 'price', source: 'counted' });
  });

  it('binds content scripts to their own platform and refuses future days', async () => {
    const { raw } = setup();
    const other = await raw('recordChatNeeds', { ...day(TODAY, { price: 1 }), platform: 'taobao' });
    expect(other.ok || other.error.code).toBe('forbidden');
    const read = await raw('getNeeds', { buyerKey: 'taobao:alice' });
    expect(read.ok || read.error.code).toBe('forbidden');
    const future = await raw('recordChatNeeds', day(TODAY + 5, { price: 1 }));
    expect(future.ok).toBe(false);
  });

  it('edits and resets the lexicon (pages only); content scripts may read it', async () => {
    const { call, raw } = setup();
    const lex = await call<{ terms: Record<string, string[]> }>('getLexicon', {});
    expect(lex.terms.price).toContain('包邮');
    const denied = await raw('saveLexicon', { lexicon: lex });
    expect(denied.ok || denied.error.code).toBe('forbidden');
    lex.terms.special.push('刻章');
    await call('saveLexicon', { lexicon: lex }, PAGE);
    expect((await call<typeof lex>('getLexicon', {})).terms.special).toContain('刻章');
    const bad = await raw('saveLexicon', { lexicon: { version: 1 } }, PAGE);
    expect(bad.ok).toBe(false);
    await call('resetLexicon', {}, PAGE);
    expect((await call<typeof lex>('getLexicon', {})).terms.special).not.toContain('刻章');
  });

  it('respects the off switch in settings and forgets needs with the buyer', async () => {
    const { call, raw, db } = setup();
    await call('recordChatNeeds', day(TODAY, { price: 1 }));
    await call('forgetBuyer', { buyerKey: KEY }, PAGE);
    expect(await db.needs.get(KEY)).toBeUndefined();
    const s = await call<Record<string, unknown>>('getSettings', {}, PAGE);
    await call(
      'saveSettings',
      { settings: { ...s, needs: { enabled: false, minChats: 2, minShare: 0.3 } } },
      PAGE,
    );
    const off = await raw('recordChatNeeds', day(TODAY, { price: 1 }));
    expect(off.ok || off.error.code).toBe('forbidden');
  });
});
