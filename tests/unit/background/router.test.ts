import { describe, expect, it } from 'vitest';
import type { Rescorer } from '@/core/background/context';
import { dispatch } from '@/core/background/router';
import type { SenderEnv } from '@/core/background/sender';
import { PAGE as EXT, testBackgrounds, CONTENT as whatsappTab } from '../../support/background';

const env: SenderEnv = {
  extensionId: 'ext-id',
  extensionBaseUrl: 'chrome-extension://ext-id/',
  platformForUrl: async (url) => (url.startsWith('https://web.whatsapp.com/') ? 'whatsapp' : undefined),
};
const backgrounds = testBackgrounds('router');

function setup() {
  const rescored: string[][] = [];
  const rescorer: Rescorer = {
    afterWrite: async (touched) => {
      rescored.push(touched.map((t) => t.key));
    },
    full: async () => ({ running: false, done: 0, total: 0 }),
    status: () => ({ running: false, done: 0, total: 0 }),
    suggestActions: async () => [],
  };
  const { db, service } = backgrounds.background(backgrounds.database(), {
    now: 1_700_000_000_000,
    rescorer,
  });
  return { db, service, rescored };
}

describe('message validation and sender checks', () => {
  it('answers malformed data with a typed error naming the field, never a crash', async () => {
    const { service } = setup();
    const res = await dispatch('getBadges', { buyerKeys: ['no-colon', 42] }, EXT, env, service);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid-message');
    expect(res.error.details?.join('\n')).toMatch(/buyerKeys\.0: buyer key must look like platform:buyerId/);
    expect(res.error.details?.join('\n')).toMatch(/buyerKeys\.1/);
    for (const junk of [undefined, null, 'x', [], { buyerKeys: 'x'.repeat(100) }]) {
      const r = await dispatch('getBadges', junk, EXT, env, service);
      expect(r.ok).toBe(false);
    }
  });

  it('rejects senders that are not the extension itself', async () => {
    const { service } = setup();
    const res = await dispatch(
      'listTags',
      {},
      { id: 'other-extension', url: 'https://evil.example/' },
      env,
      service,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps page-only messages away from content scripts', async () => {
    const { service } = setup();
    const res = await dispatch('forgetBuyer', { buyerKey: 'whatsapp:1' }, whatsappTab, env, service);
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('binds a content script to its own platform: no writes or reads of other sites', async () => {
    const { service, db } = setup();
    const write = await dispatch('seeBuyer', { platform: 'amazon', buyerId: 'x' }, whatsappTab, env, service);
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.buyers.count()).toBe(0);
    await dispatch('seeBuyer', { platform: 'amazon', buyerId: 'x' }, EXT, env, service);
    const read = await dispatch('getBadges', { buyerKeys: ['amazon:x'] }, whatsappTab, env, service);
    expect(read).toEqual({ ok: true, value: {} });
    const card = await dispatch('getBuyerCard', { buyerKey: 'amazon:x' }, whatsappTab, env, service);
    expect(card).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps a buyer seen in chat as a prospect and returns its badge', async () => {
    const { service } = setup();
    const res = await dispatch(
      'seeBuyer',
      { platform: 'whatsapp', buyerId: '+86 138-1234-5678', name: '  张伟  ' },
      whatsappTab,
      env,
      service,
    );
    expect(res).toMatchObject({
      ok: true,
      value: { key: 'whatsapp:8613812345678', name: '张伟', segment: 'prospect', paidOrders: 0 },
    });
  });

  it('stores captured orders idempotently and rescores the touched buyers', async () => {
    const { service, rescored } = setup();
    const order = {
      orderId: 'W1',
      buyerId: '8613812345678',
      placedAt: 1_699_000_000_000,
      total: 12_300,
      currency: 'USD',
      items: [{ title: 'Mug', qty: 1, unitPrice: 12_300 }],
      status: 'paid',
    };
    const first = await dispatch(
      'recordCapturedOrders',
      { platform: 'whatsapp', orders: [order] },
      whatsappTab,
      env,
      service,
    );
    expect(first).toMatchObject({ ok: true, value: { new: 1 } });
    const again = await dispatch(
      'recordCapturedOrders',
      { platform: 'whatsapp', orders: [order] },
      whatsappTab,
      env,
      service,
    );
    expect(again).toMatchObject({ ok: true, value: { new: 0, duplicate: 1 } });
    expect(rescored).toEqual([['whatsapp:8613812345678']]);
    const badge = await dispatch(
      'getBadges',
      { buyerKeys: ['whatsapp:8613812345678'] },
      whatsappTab,
      env,
      service,
    );
    expect(badge.ok && badge.value['whatsapp:8613812345678']).toMatchObject({ paidOrders: 1, spend: 12_300 });
  });

  it('reports a storage failure as a typed error and keeps the data', async () => {
    const { service, db } = setup();
    await dispatch('seeBuyer', { platform: 'whatsapp', buyerId: '1' }, whatsappTab, env, service);
    db.close();
    const res = await dispatch('getBadges', { buyerKeys: ['whatsapp:1'] }, whatsappTab, env, service);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(['storage', 'internal']).toContain(res.error.code);
    await db.open();
    expect(await db.buyers.count()).toBe(1);
  });
});
