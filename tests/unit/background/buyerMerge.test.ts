import { describe, expect, it } from 'vitest';
import type { BadgeDto, BuyerMergeDto } from '@/core/messaging';
import { CONTENT, PAGE, testBackgrounds } from '../../support/background';

const NOW = Date.UTC(2026, 10, 20, 12);
const backgrounds = testBackgrounds('merge-handler');

async function setup() {
  const bg = backgrounds.background(backgrounds.database(), { now: NOW, sender: CONTENT });
  await bg.call('seeBuyer', { platform: 'whatsapp', buyerId: 'Tan Wei Ming', name: 'Tan Wei Ming' });
  const tag = await bg.call<{ id: string }>('createTag', { name: 'VIP' });
  await bg.call('tagBuyers', { buyerKeys: ['whatsapp:Tan Wei Ming'], tagId: tag.id });
  return bg;
}

describe('mergeBuyers message', () => {
  it('a WhatsApp chat merges the name-keyed buyer into the phone one; the badge carries the tag', async () => {
    const bg = await setup();
    const res = await bg.call<BuyerMergeDto>('mergeBuyers', {
      fromKey: 'whatsapp:Tan Wei Ming',
      intoKey: 'whatsapp:6591234567',
    });
    expect(res).toMatchObject({ merged: true, into: 'whatsapp:6591234567', tags: 1 });
    const badges = await bg.call<Record<string, BadgeDto>>('getBadges', {
      buyerKeys: ['whatsapp:Tan Wei Ming', 'whatsapp:6591234567'],
    });
    expect(Object.keys(badges)).toEqual(['whatsapp:6591234567']);
    expect(badges['whatsapp:6591234567'].tags.map((t) => t.name)).toEqual(['VIP']);
    expect(bg.signals.at(-1)).toMatchObject({ buyerKeys: ['whatsapp:Tan Wei Ming', 'whatsapp:6591234567'] });
    // Again: nothing left to merge, no signal.
    const signals = bg.signals.length;
    const again = await bg.call<BuyerMergeDto>('mergeBuyers', {
      fromKey: 'whatsapp:Tan Wei Ming',
      intoKey: 'whatsapp:6591234567',
    });
    expect(again.merged).toBe(false);
    expect(bg.signals.length).toBe(signals);
  });

  it.each([
    ['another platform', 'amazon:Tan Wei Ming', 'amazon:6591234567'],
    ['across platforms', 'whatsapp:Tan Wei Ming', 'amazon:6591234567'],
    ['a phone into another phone', 'whatsapp:6500000000', 'whatsapp:6591234567'],
    ['a name into a name', 'whatsapp:Tan Wei Ming', 'whatsapp:Someone Else'],
  ])('a content script may not merge %s', async (_label, fromKey, intoKey) => {
    const bg = await setup();
    const res = await bg.raw('mergeBuyers', { fromKey, intoKey });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('forbidden');
    expect(await bg.db.buyers.get('whatsapp:Tan Wei Ming')).toBeDefined();
  });

  it('the dashboard may merge any two buyers of one platform, and learns when notes do not fit', async () => {
    const bg = await setup();
    await bg.call('seeBuyer', { platform: 'whatsapp', buyerId: 'Tan W.' }, PAGE);
    await bg.call('saveNote', { buyerKey: 'whatsapp:Tan W.', text: 'x'.repeat(3000) }, PAGE);
    await bg.call('saveNote', { buyerKey: 'whatsapp:Tan Wei Ming', text: 'y'.repeat(3000) }, PAGE);
    const res = await bg.raw(
      'mergeBuyers',
      { fromKey: 'whatsapp:Tan W.', intoKey: 'whatsapp:Tan Wei Ming' },
      PAGE,
    );
    expect(res.ok ? null : res.error.code).toBe('conflict');
    await bg.call('saveNote', { buyerKey: 'whatsapp:Tan W.', text: 'short' }, PAGE);
    const ok = await bg.call<BuyerMergeDto>(
      'mergeBuyers',
      { fromKey: 'whatsapp:Tan W.', intoKey: 'whatsapp:Tan Wei Ming' },
      PAGE,
    );
    expect(ok.merged).toBe(true);
  });
});
