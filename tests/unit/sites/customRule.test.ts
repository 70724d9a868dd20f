// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFromRule, CustomRule, ruleSlug } from '../../../core/sites/customRule';
import { selectorHealth } from '../../../core/sites/health';
import { matchesPattern } from '../../../core/sites/matchPattern';
import { generateListSelector, generateSelector } from '../../../core/sites/selectorGenerator';
import { loadIntoDocument } from './harness';

const HTML = `<div class="chat"><div class="title"><b data-role="peer">Ana Lima</b></div>
  <ul class="list"><li class="row"><span class="who">Ana Lima</span></li><li class="row"><span class="who">Bo Chen</span></li></ul>
  <textarea name="msg"></textarea></div>`;

describe('custom (teach-mode) rules', () => {
  it('validates rules', () => {
    const ok = CustomRule.safeParse({
      id: 'Shop_1',
      origin: 'https://seller.example.com',
      label: 'My shop',
      createdAt: 1,
    });
    expect(ok.success).toBe(true);
    expect(
      CustomRule.safeParse({ id: 'x', origin: 'https://seller.example.com/path', label: 'x', createdAt: 1 })
        .success,
    ).toBe(false);
    expect(
      CustomRule.safeParse({ id: 'a b', origin: 'https://x.test', label: 'x', createdAt: 1 }).success,
    ).toBe(false);
    expect(
      CustomRule.safeParse({ id: 'a', origin: 'javascript:alert(1)', label: 'x', createdAt: 1 }).success,
    ).toBe(false);
  });

  it('slugs rule ids into platform names', () => {
    expect(ruleSlug('Shop_Rule 1')).toBe('shop-rule-1');
    expect(ruleSlug('___')).toBe('rule');
  });

  it('builds a working adapter from selectors produced by teach mode', () => {
    const doc = loadIntoDocument(HTML);
    const rule = CustomRule.parse({
      id: 'Shop_1',
      origin: 'https://seller.example.com:8443',
      label: 'My shop',
      chatBuyerSelector: generateSelector(doc.querySelector('b')!)!,
      chatInputSelector: generateSelector(doc.querySelector('textarea')!)!,
      listBuyerSelector: generateListSelector(doc.querySelector('.who')!)!,
      createdAt: Date.parse('2026-11-22T00:00:00Z'),
    });
    const a = adapterFromRule(rule);
    expect(a.id).toBe('custom-shop-1');
    expect(a.platform).toBe('custom-shop-1');
    expect(matchesPattern(a.matches[0], 'https://seller.example.com:8443/inbox')).toBe(true);
    expect(a.readChatBuyer?.(doc)).toMatchObject({ buyerId: 'Ana Lima', name: 'Ana Lima' });
    expect(a.findChatInput?.(doc)?.localName).toBe('textarea');
    expect(a.readListBuyers?.(doc).map((b) => b.name)).toEqual(['Ana Lima', 'Bo Chen']);
    expect(a.selectors.chatBuyer.since).toBe('2026-11-22');
    expect(selectorHealth(a, doc, 'chat')).toMatchObject({
      pageKind: 'chat',
      buyerFound: true,
      listCount: 2,
      orderCount: 0,
      missing: [],
    });
  });

  it('treats an invalid taught selector as "found nothing"', () => {
    const doc = loadIntoDocument(HTML);
    const a = adapterFromRule(
      CustomRule.parse({
        id: 'bad',
        origin: 'https://x.test',
        label: 'x',
        chatBuyerSelector: 'div[[[',
        createdAt: 0,
      }),
    );
    expect(a.readChatBuyer?.(doc)).toBeNull();
    expect(selectorHealth(a, doc, 'chat').missing).toEqual(['chatBuyer']);
  });
});
