import { describe, expect, it } from 'vitest';
import { buyerKeyOf, normalizeBuyerId, orderKeyOf, splitBuyerKey } from '@/core/model';

describe('buyer identity', () => {
  it('normalises handles so one person always gets one key', () => {
    expect(normalizeBuyerId('  ＡＢＣ１２３  ')).toBe('ABC123');
    expect(normalizeBuyerId('Alice@Example.COM')).toBe('alice@example.com');
    expect(normalizeBuyerId('+86 138-1234-5678')).toBe('8613812345678');
    expect(normalizeBuyerId('张\u200b伟\u202e')).toBe('张伟');
    expect(normalizeBuyerId('x'.repeat(10_000))).toHaveLength(256);
    expect(buyerKeyOf('whatsapp', '(0)20 7946 0958')).toBe('whatsapp:02079460958');
  });

  it('splits keys at the first colon only', () => {
    expect(splitBuyerKey('custom-shop:a:b')).toEqual({ platform: 'custom-shop', buyerId: 'a:b' });
    expect(orderKeyOf('taobao', ' 123 ')).toBe('taobao:123');
  });
});
