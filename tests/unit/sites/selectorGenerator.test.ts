// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  generateListSelector,
  generateSelector,
  localCandidates,
} from '../../../core/sites/selectorGenerator';
import { isHashedClass, isStableClass, isStableId } from '../../../core/sites/selectorStability';

function page(html: string): void {
  document.body.innerHTML = html;
}

function q(sel: string): Element {
  const el = document.querySelector(sel);
  if (!el) throw new Error(`fixture lacks ${sel}`);
  return el;
}

describe('stability heuristics', () => {
  it.each([
    '_3xYz9',
    'css-1q2w3e',
    'sc-bdVaJa',
    'x1n2onr6',
    'x78zum5',
    '_ak8l',
    'jsx-123456',
    'lhggkp7q',
    'Kx9Qz7Lm2Np',
  ])('rejects hashed class %s', (c) => {
    expect(isHashedClass(c)).toBe(true);
    expect(isStableClass(c)).toBe(false);
  });

  it.each([
    'buyer-name',
    'next-table-row',
    'message-in',
    'a-button',
    'chat-header',
    'order_item',
    'col-md-6',
    'item2',
  ])('keeps readable class %s', (c) => expect(isStableClass(c)).toBe(true));

  it('rejects state classes and generated ids', () => {
    expect(isStableClass('active')).toBe(false);
    expect(isStableClass('is-selected')).toBe(false);
    for (const id of [
      ':r1:',
      'ember1234',
      'react-select-3-input',
      'a1b2c3d4-e5f6-7890-abcd-ef0123456789',
      'row-12345',
      '9lives',
    ])
      expect(isStableId(id), id).toBe(false);
    for (const id of ['main', 'pane-side', 'orders-table', 'chat_header'])
      expect(isStableId(id), id).toBe(true);
  });
});

describe('generateSelector', () => {
  beforeEach(() =>
    page(`
    <div id="app" class="css-1q2w3e">
      <header id="chat-header" class="_3xYz9"><h1 class="sc-bdVaJa chat-title" title="张伟" data-buyer-id="u123456">张伟</h1></header>
      <aside><ul class="conv-list">
        <li class="conv _a1b2c active"><span class="x1n2onr6" title="张伟">张伟</span><span class="preview">hi</span></li>
        <li class="conv _a1b2c"><span class="x1n2onr6" title="王芳">王芳</span><span class="preview">yo</span></li>
        <li class="conv _a1b2c"><span class="x1n2onr6" title="李娜">李娜</span><span class="preview">ok</span></li>
      </ul></aside>
      <div class="css-9z8y7x"><div class="css-abc123"><span class="css-def456">Buyer:</span><span class="css-ghi789">Bob</span></div></div>
      <footer><div data-testid="composer" contenteditable="true" role="textbox" aria-label="Type a message"></div>
        <button data-testid="send" aria-label="Send">Send</button><button aria-label="Attach">+</button></footer>
      <div id=":r5:"><b data-qa="buyer-nick">nick</b></div>
    </div>`),
  );

  it('prefers data-* attributes with stable values', () => {
    expect(generateSelector(q('[data-testid="composer"]'))).toBe('div[data-testid="composer"]');
    expect(generateSelector(q('[data-qa="buyer-nick"]'))).toBe('b[data-qa="buyer-nick"]');
  });

  it('uses aria-label when no data-* is available', () => {
    expect(generateSelector(q('button[aria-label="Attach"]'))).toBe('button[aria-label="Attach"]');
  });

  it('never uses hashed classes, auto ids or buyer-specific values', () => {
    const sels = [
      generateSelector(q('#chat-header h1')),
      generateSelector(q('.css-ghi789')),
      generateSelector(q('[data-qa="buyer-nick"]')),
      generateSelector(q('li.conv:nth-child(2) .x1n2onr6')),
    ];
    for (const s of sels) {
      expect(s).not.toBeNull();
      expect(s).not.toMatch(/_3xYz9|sc-bdVaJa|css-|x1n2onr6|_a1b2c|:r5:|u123456|张伟|王芳/);
    }
  });

  it('uses stable classes, and attribute presence for buyer-specific values', () => {
    expect(generateSelector(q('#chat-header h1'))).toBe('h1.chat-title');
    const el = q('#chat-header h1');
    el.classList.remove('chat-title');
    expect(generateSelector(el)).toBe('h1[data-buyer-id]');
  });

  it('anchors on a stable ancestor when the element alone is ambiguous', () => {
    page(`<header id="chat-header"><span data-buyer-id="u1">张伟</span></header>
      <ul><li><span data-buyer-id="u2">王芳</span></li><li><span data-buyer-id="u3">李娜</span></li></ul>`);
    expect(generateSelector(q('#chat-header span'))).toBe('#chat-header span[data-buyer-id]');
  });

  it('falls back to structure under a stable ancestor', () => {
    page(
      '<div id="orders"><div><span>a</span><span>b</span></div><div><span>c</span><span>d</span></div></div>',
    );
    const sel = generateSelector(q('#orders > div:nth-of-type(2) > span:nth-of-type(2)'))!;
    expect(sel).toBe('#orders > div:nth-of-type(2) > span:nth-of-type(2)');
  });

  it('always matches the clicked element uniquely', () => {
    for (const el of document.body.querySelectorAll('*')) {
      const sel = generateSelector(el);
      expect(sel, el.outerHTML.slice(0, 80)).not.toBeNull();
      const hits = document.querySelectorAll(sel!);
      expect(hits.length, sel!).toBe(1);
      expect(hits[0]).toBe(el);
    }
  });

  it('returns null for an element outside the root', () => {
    expect(generateSelector(document.createElement('div'))).toBeNull();
  });

  it('lists candidates strongest first', () => {
    const c = localCandidates(q('[data-testid="composer"]'));
    expect(c[0]).toBe('div[data-testid="composer"]');
    expect(c.indexOf('div[aria-label="Type a message"]')).toBeGreaterThan(0);
    expect(c.at(-1)).toBe('div');
  });
});

describe('generateListSelector', () => {
  it('generalises a clicked name to the same element in every row', () => {
    page(`<main><ul class="conv-list">
      <li class="conv _a1b2c active"><span class="x1n2onr6" title="张伟">张伟</span><span class="preview">hi</span></li>
      <li class="conv _a1b2c"><span class="x1n2onr6" title="王芳">王芳</span><span class="preview">yo</span></li>
      <li class="conv _a1b2c"><span class="x1n2onr6" title="李娜">李娜</span><span class="preview">ok</span></li>
    </ul><ul class="other"><li><span title="x">not a buyer</span></li></ul></main>`);
    const clicked = q('li.conv:nth-child(2) span[title]');
    const sel = generateListSelector(clicked)!;
    expect(sel).not.toMatch(/x1n2onr6|_a1b2c|active|王芳/);
    const hits = [...document.querySelectorAll(sel)].map((e) => e.textContent);
    expect(hits).toEqual(['张伟', '王芳', '李娜']);
  });

  it('works on table rows', () => {
    page(`<table id="orders"><tbody>
      <tr><td>1</td><td><a class="nick" href="/u/a">alice</a></td></tr>
      <tr><td>2</td><td><a class="nick" href="/u/b">bob</a></td></tr>
    </tbody></table><p><a class="nick">footer link</a></p>`);
    const sel = generateListSelector(q('tr:nth-child(1) a'))!;
    expect([...document.querySelectorAll(sel)].map((e) => e.textContent)).toEqual(['alice', 'bob']);
  });

  it('falls back to a unique selector outside lists', () => {
    page('<div><h1 data-role="buyer">Solo</h1></div>');
    expect(generateListSelector(q('h1'))).toBe('h1[data-role="buyer"]');
  });
});
