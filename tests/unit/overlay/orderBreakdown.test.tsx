// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { cardTranslator } from '@/components/card/i18n';
import { OrdersSection } from '@/components/card/sections';
import type { Order } from '@/core/model';

function order(over: Partial<Order>): Order {
  return {
    key: 'shopify:#1',
    orderId: '#1',
    platform: 'shopify',
    buyerKey: 'shopify:a@example.com',
    placedAt: Date.UTC(2024, 1, 5),
    total: 13000,
    currency: 'ZAR',
    items: [{ title: 'Honey jar', qty: 2, unitPrice: 10000 }],
    status: 'paid',
    source: 'import',
    updatedAt: 1,
    ...over,
  };
}

function rows(orders: Order[], locale: 'en' | 'zh_CN' = 'en'): HTMLElement {
  const root = document.createElement('div');
  render(<OrdersSection orders={orders} x={{ t: cardTranslator(locale), locale, currency: 'ZAR' }} />, root);
  return root;
}

describe('order timeline breakdown', () => {
  it('shows items, shipping, tax and the refund where the order has them', () => {
    const root = rows([order({ itemsTotal: 20000, tax: 3000, shipping: 0, refunded: 10000 })]);
    const text = root.querySelector('[data-testid="bt-order-breakdown"]')?.textContent ?? '';
    expect(text).toMatch(/^Items ZAR\s?200 · Tax ZAR\s?30 · Refunded −ZAR\s?100$/);
    const zh = rows([order({ itemsTotal: 20000, tax: 3000, refunded: 10000 })], 'zh_CN');
    expect(zh.querySelector('[data-testid="bt-order-breakdown"]')?.textContent).toMatch(
      /^商品 .*税费 .*已退款 −/,
    );
  });

  it('shows nothing extra for an order with only a total', () => {
    const root = rows([order({ discount: 500 })]);
    expect(root.querySelector('[data-testid="bt-order-breakdown"]')).toBeNull();
    expect(root.querySelectorAll('li')).toHaveLength(1);
  });
});
