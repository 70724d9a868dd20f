// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById } from '../../../core/sites/registry';
import { MAX_NAME_LENGTH } from '../../../core/sites/text';
import { loadIntoDocument } from './harness';

const XSS = 'Eve<img src=x onerror=alert(1)>';
const RTL = 'Mallory \u202Egnp.exe\u202C';
const ZW = 'Zo\u200Bë\uFEFF';
const LONG = 'L'.repeat(10_000);

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same hostile names rendered in each site's markup (escaped, as a real page would). */
const PAGES: Record<string, (name: string) => string> = {
  demo: (n) =>
    `<section id="chat-panel" data-buyer-id="h1"><header id="chat-header"><h1 class="chat-buyer-name" data-buyer-id="${esc(n)}">${esc(n)}</h1></header></section>
     <aside id="conversation-list"><ul><li class="conversation"><a><span class="conversation-name" data-buyer-id="${esc(n)}">${esc(n)}</span></a></li></ul></aside>`,
  whatsapp: (n) =>
    `<div id="pane-side"><div role="list"><div role="listitem"><span title="${esc(n)}">${esc(n)}</span></div></div></div>
     <div id="main"><header><span dir="auto" title="${esc(n)}">${esc(n)}</span></header></div>`,
  amazon: (n) =>
    `<table id="orders-table"><tbody><tr><td><a data-test-id="buyer-name-with-link">${esc(n)}</a></td></tr></tbody></table>`,
  etsy: (n) =>
    `<section class="order-group-list"><div class="panel-body-row"><button class="btn-link strong fs-mask">${esc(n)}</button><a href="/your/orders/sold?order_id=3100000001">#3100000001</a></div></section>`,
  qianniu: (n) =>
    `<table><tbody><tr class="next-table-group-header"><td>订单号：3901234567890123456 <span>买家：${esc(n)}</span></td></tr></tbody></table>`,
};

function namesRead(id: string, name: string): string[] {
  const adapter = adapterById(id)!;
  const doc = loadIntoDocument(PAGES[id](name));
  const chat = adapter.readChatBuyer?.(doc);
  return [
    ...(chat ? [chat.name, chat.buyerId] : []),
    ...(adapter.readListBuyers?.(doc) ?? []).flatMap((b) => [b.name, b.buyerId]),
  ];
}

describe.each(ADAPTERS.map((a) => a.id))('%s adapter with hostile names', (id) => {
  it('has a hostile page template', () => expect(PAGES[id]).toBeDefined());

  it('returns names with markup as plain text and injects nothing', () => {
    const names = namesRead(id, XSS);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain(XSS);
    expect(document.querySelector('img')).toBeNull();
  });

  it('strips bidi overrides and zero-width characters', () => {
    for (const n of namesRead(id, RTL)) expect(n).not.toMatch(/[\u202A-\u202E\u200B\uFEFF]/);
    expect(namesRead(id, ZW)).toContain('Zoë');
  });

  it('truncates a 10,000-character name to a sane length', () => {
    const names = namesRead(id, LONG);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  });
});
