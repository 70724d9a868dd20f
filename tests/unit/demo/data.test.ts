import { describe, expect, it } from 'vitest';
import { buyerKeyOf, Order } from '../../../core/model';
import { generateDemoData } from '../../demo/data';

const AS_OF = new Date('2026-11-22T00:00:00Z');
const DAY = 86_400_000;

describe('generateDemoData', () => {
  const data = generateDemoData(42, AS_OF);

  it('is deterministic: same seed and date give identical data', () => {
    expect(JSON.stringify(generateDemoData(42, AS_OF))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData(43, AS_OF))).not.toBe(JSON.stringify(data));
  });

  it('has about 300 buyers and 3,000 orders within two years before asOf', () => {
    expect(data.buyers.length).toBeGreaterThanOrEqual(280);
    expect(data.buyers.length).toBeLessThanOrEqual(320);
    expect(data.orders.length).toBeGreaterThanOrEqual(2600);
    expect(data.orders.length).toBeLessThanOrEqual(3400);
    for (const o of data.orders) {
      expect(o.placedAt).toBeLessThan(AS_OF.getTime());
      expect(o.placedAt).toBeGreaterThan(AS_OF.getTime() - 731 * DAY);
      expect(o.updatedAt).toBeLessThanOrEqual(AS_OF.getTime());
    }
  });

  it('produces orders that pass Order.parse unchanged', () => {
    for (const o of data.orders) expect(Order.parse(o)).toEqual(o);
  });

  it('uses unique buyer ids and order keys that match their buyers', () => {
    expect(new Set(data.buyers.map((b) => b.id)).size).toBe(data.buyers.length);
    expect(new Set(data.orders.map((o) => o.key)).size).toBe(data.orders.length);
    const keys = new Set(data.buyers.map((b) => buyerKeyOf('demo', b.id)));
    for (const o of data.orders) expect(keys.has(o.buyerKey)).toBe(true);
  });

  it('covers the behaviours scoring needs', () => {
    const perBuyer = new Map<string, Order[]>();
    for (const o of data.orders) perBuyer.set(o.buyerKey, [...(perBuyer.get(o.buyerKey) ?? []), o]);
    const lastDays = (os: Order[]) => (AS_OF.getTime() - Math.max(...os.map((o) => o.placedAt))) / DAY;
    const all = [...perBuyer.values()];
    expect(all.filter((os) => os.length >= 20 && lastDays(os) < 15).length).toBeGreaterThan(10); // champions
    expect(all.filter((os) => os.length >= 8 && lastDays(os) > 150).length).toBeGreaterThan(10); // at risk
    expect(all.filter((os) => os.length === 1 && lastDays(os) < 15).length).toBeGreaterThan(5); // new
    expect(all.filter((os) => os.length <= 2 && lastDays(os) > 250).length).toBeGreaterThan(10); // hibernating
    expect(data.buyers.length - perBuyer.size).toBeGreaterThan(5); // chat-only prospects
    expect(data.orders.some((o) => o.items.some((i) => i.qty >= 50))).toBe(true); // wholesale
    expect(data.buyers.some((b) => /有限公司|Ltd|Sdn Bhd/.test(b.name))).toBe(true);
    expect(data.orders.filter((o) => o.discount).length).toBeGreaterThan(200);
    for (const s of ['paid', 'refunded', 'cancelled'])
      expect(data.orders.some((o) => o.status === s)).toBe(true);
    for (const c of ['CN', 'US', 'SG', 'MY', 'JP'])
      expect(data.orders.some((o) => o.shipCountry === c)).toBe(true);
    expect(data.orders.filter((o) => o.shipCountry === 'CN').length / data.orders.length).toBeGreaterThan(
      0.6,
    );
    const categories = new Set(data.orders.flatMap((o) => o.items.map((i) => i.category)));
    expect(categories.size).toBe(5);
  });

  it('has realistic names including Chinese ones', () => {
    const names = data.buyers.map((b) => b.name);
    for (const n of ['张伟', '王芳', '李娜', '小鱼儿旗舰店采购']) expect(names).toContain(n);
    expect(names.some((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))).toBe(true);
  });

  it('keeps the hostile buyers, last in the conversation list', () => {
    const byId = new Map(data.buyers.map((b) => [b.id, b.name]));
    expect(byId.get('eve_xss')).toContain('<img src=x onerror=alert(1)>');
    expect(byId.get('mallory_rtl')).toContain('\u202E');
    expect(byId.get('longname_buyer')).toHaveLength(10_000);
    const ids = data.conversations.map((c) => c.buyerId);
    expect(ids.slice(-3).sort()).toEqual(['eve_xss', 'longname_buyer', 'mallory_rtl']);
  });

  it('has conversations in both languages with discount, quality and shipping questions', () => {
    const buyerTexts = data.conversations.flatMap((c) =>
      c.messages.filter((m) => m.from === 'buyer').map((m) => m.text),
    );
    expect(buyerTexts.some((t) => /便宜|优惠|discount/i.test(t))).toBe(true);
    expect(buyerTexts.some((t) => /质量|掉色|safe|纯棉/i.test(t))).toBe(true);
    expect(buyerTexts.some((t) => /发货|shipping|ship/i.test(t))).toBe(true);
    expect(
      buyerTexts.some((t) => /[\u4e00-\u9fff]/.test(t)) && buyerTexts.some((t) => /^[\x20-\x7E’–]+$/.test(t)),
    ).toBe(true);
    for (const c of data.conversations) {
      expect(c.messages[0].from).toBe('buyer');
      expect(c.messages.some((m) => m.from === 'seller') || c.messages.length === 1).toBe(true);
      for (let i = 1; i < c.messages.length; i++)
        expect(c.messages[i].at).toBeGreaterThanOrEqual(c.messages[i - 1].at);
      expect(c.messages.at(-1)!.at).toBeLessThan(AS_OF.getTime());
    }
  });
});
