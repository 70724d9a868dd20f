// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { amazonAdapter } from '../../../core/sites/amazon';
import { amazonStatus, LABEL_PATTERNS, LABELS, STATUS_WORDS } from '../../../core/sites/amazon/labels';
import { MARKETPLACE_PATTERNS, MARKETPLACES, marketplaceOf } from '../../../core/sites/amazon/marketplaces';
import { BUILT_IN_HOSTS } from '../../../core/sites/hosts';
import { adapterForUrl } from '../../../core/sites/registry';
import { fixtureHtml, loadIntoDocument } from './harness';

describe('Amazon marketplaces (config)', () => {
  it('covers every Seller Central marketplace, each once, in host permissions and matches', () => {
    const suffixes = [
      'com',
      'co.uk',
      'de',
      'fr',
      'it',
      'es',
      'nl',
      'se',
      'pl',
      'com.tr',
      'ae',
      'sa',
      'in',
      'com.au',
      'sg',
      'com.br',
      'com.mx',
      'ca',
      'co.jp',
    ];
    const hosts = MARKETPLACES.map((m) => m.host);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const s of suffixes) expect(hosts).toContain(`sellercentral.amazon.${s}`);
    expect(hosts).toContain('sellercentral-japan.amazon.com');
    for (const p of MARKETPLACE_PATTERNS) expect(BUILT_IN_HOSTS).toContain(p);
    for (const h of hosts) expect(adapterForUrl(`https://${h}/orders-v3/mfn/unshipped`)?.id).toBe('amazon');
  });

  it('gives each marketplace an ISO currency and .com conventions for unknown hosts', () => {
    for (const m of MARKETPLACES) expect(m.currency).toMatch(/^[A-Z]{3}$/);
    expect(marketplaceOf('example.com').host).toBe('sellercentral.amazon.com');
    expect(marketplaceOf('sellercentral.amazon.co.jp').currency).toBe('JPY');
  });
});

describe('Amazon labels (config)', () => {
  it('has no empty or duplicate words in a label', () => {
    for (const words of Object.values(LABELS)) {
      expect(words.every((w) => w.trim() === w && w.length > 0)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it.each([
    ['quantity', 'Quantity: 2'],
    ['quantity', 'Stückzahl: 2'],
    ['quantity', 'Quantité : 2'],
    ['quantity', 'Quantità: 2'],
    ['quantity', 'Cantidad: 2'],
    ['quantity', '数量：2'],
    ['subtotal', 'Zwischensumme des Artikels: €25,98'],
    ['subtotal', "Sous-total de l'article : 25,98 €"],
    ['subtotal', 'Subtotal del producto: 25,98 €'],
    ['subtotal', '商品の小計: ￥1,980'],
    ['subtotal', '商品小计：¥88.00'],
    ['buyer', 'Käufername: Lena'],
  ] as const)('%s reads "%s"', (label, line) => {
    expect(LABEL_PATTERNS[label].test(line)).toBe(true);
  });

  it('prefers the longest label so the value keeps no label words', () => {
    const line = 'Zwischensumme des Artikels: €25,98';
    expect(line.slice(line.match(LABEL_PATTERNS.subtotal)?.[0].length)).toBe('€25,98');
  });

  it.each([
    ['Unversandt', 'paid'],
    ['Versandt', 'paid'],
    ['Storniert', 'cancelled'],
    ['Annulé', 'cancelled'],
    ['Non spedito', 'paid'],
    ['Pendiente', null],
    ['未出荷', 'paid'],
    ['キャンセル済み', 'cancelled'],
    ['已退款', 'refunded'],
    ['Dispatched', 'paid'],
  ] as const)('status %s → %s', (text, status) => {
    expect(amazonStatus(text)).toBe(status);
  });

  it('keeps every status word lower-case (the text is lower-cased before matching)', () => {
    for (const [, words] of STATUS_WORDS) for (const w of words) expect(w).toBe(w.toLowerCase());
  });
});

describe('Amazon orders when the page changes', () => {
  it('reads .de rows by order links, label lines and date text once ids and test ids are gone', () => {
    const html = fixtureHtml('amazon', 'orders-de.html')
      .replace(/ id="orders-table"/, '')
      .replace(/ data-test-id="[^"]*"/g, '')
      .replace(/class="[^"]*"/g, '');
    const doc = loadIntoDocument(html);
    const rows = amazonAdapter.readOrderRows?.(doc) ?? [];
    expect(rows.map((r) => [r.orderId, r.buyerId, r.total, r.currency, r.status])).toEqual([
      ['302-4455667-1122334', 'Lena Hoffmann', 2598, 'EUR', 'paid'],
      ['305-9988776-5544332', 'Jonas Weber', 129397, 'EUR', 'paid'],
      ['306-1212121-3434343', 'Lena Hoffmann', 1800, 'EUR', 'cancelled'],
    ]);
    expect(rows[0].placedAt).toBe(Date.parse('2026-11-20T13:32:00Z'));
  });

  it('lists a row without a buyer name by its order id only, never as a buyer', () => {
    const doc = loadIntoDocument(fixtureHtml('amazon', 'orders-de.html'));
    const orderOnly = (amazonAdapter.readListBuyers?.(doc) ?? []).filter((b) => !b.buyerId);
    expect(orderOnly.map((b) => [b.orderId, b.name])).toEqual([['303-5656565-7878787', '']]);
    expect(orderOnly[0].anchor.textContent).toBe('303-5656565-7878787');
  });
});
