// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { insertReply } from '../../../components/overlay/insertReply';

describe('insertReply', () => {
  it('fills a textarea through the native setter and fires input and change, never submit', () => {
    document.body.innerHTML = '<form id="f"><textarea id="t"></textarea><button>Send</button></form>';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    const form = document.getElementById('f') as HTMLFormElement;
    const seen: string[] = [];
    ta.addEventListener('input', () => seen.push(`input:${ta.value}`));
    ta.addEventListener('change', () => seen.push('change'));
    const submit = vi.fn((e: Event) => e.preventDefault());
    form.addEventListener('submit', submit);
    // A framework that tracks value on the element itself would shadow the prototype setter.
    let tracked = '';
    Object.defineProperty(ta, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.get?.call(ta),
      set: (v: string) => {
        tracked = v;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(ta, v);
      },
    });
    expect(insertReply(ta, 'Hi there')).toBe('inserted');
    expect(ta.value).toBe('Hi there');
    expect(tracked).toBe(''); // the instance setter was bypassed, so the framework sees a change
    expect(seen).toEqual(['input:Hi there', 'change']);
    expect(submit).not.toHaveBeenCalled();
  });

  it('keeps what the seller already typed: a new line in a textarea, a space in an input', () => {
    document.body.innerHTML = '<textarea id="t">Order #12:</textarea><input id="i" value="Order #12:">';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    const input = document.getElementById('i') as HTMLInputElement;
    insertReply(ta, 'shipped today');
    insertReply(input, 'shipped today');
    expect(ta.value).toBe('Order #12:\nshipped today');
    expect(input.value).toBe('Order #12: shipped today');
  });

  it('inserts into a contenteditable box with input events', () => {
    document.body.innerHTML = '<div id="c" contenteditable="true"></div>';
    const box = document.getElementById('c') as HTMLElement;
    const types: string[] = [];
    box.addEventListener('beforeinput', (e) => types.push(`before:${(e as InputEvent).inputType}`));
    box.addEventListener('input', (e) => types.push(`input:${(e as InputEvent).inputType}`));
    expect(insertReply(box, 'Hello <b>friend</b>')).toBe('inserted');
    expect(box.textContent).toContain('Hello <b>friend</b>');
    expect(box.querySelector('b')).toBeNull(); // text, never markup
    expect(types).toContain('input:insertText');
  });

  it('leaves an editor that handles beforeinput itself to insert the text', () => {
    document.body.innerHTML = '<div id="c" contenteditable="true"></div>';
    const box = document.getElementById('c') as HTMLElement;
    box.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      box.textContent = `[editor] ${(e as InputEvent).data}`;
    });
    insertReply(box, 'ok');
    expect(box.textContent).toBe('[editor] ok');
  });

  it('reports a missing input instead of throwing', () => {
    expect(insertReply(null, 'x')).toBe('no-input');
    const div = document.createElement('div');
    expect(insertReply(div, 'x')).toBe('no-input');
  });
});
