/**
 * Puts a suggested reply into the page's chat box the way typing would, so the page's framework
 * (React, Vue, plain listeners) sees it — and never sends it: no Enter key, no submit, no click.
 *
 * - textarea / input: the prototype's native value setter (frameworks that track `value` on the
 *   element itself then notice the change), then bubbling `input` and `change` events.
 * - contenteditable: focus, caret at the end of the last paragraph, `execCommand('insertText')`
 *   (input like typing, and the editor's undo stack); if the editor did not change, a cancellable
 *   `beforeinput` insertText, which editors such as Lexical (WhatsApp Web) apply and cancel; only
 *   when nobody handles it, a DOM text insert at the caret and an `input` event. Setting
 *   textContent is never used: rich editors own their DOM and revert such changes.
 *
 * Existing text is kept: the reply is appended after it (on a new line where the box allows).
 */
export type InsertResult = 'inserted' | 'no-input';

/** Single-line inputs drop newlines, so there the reply follows after a space. */
function joined(existing: string, reply: string, separator: string): string {
  if (!existing.trim()) return reply;
  return /\s$/.test(existing) ? existing + reply : `${existing}${separator}${reply}`;
}

function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/**
 * Caret at the end of the editor's last block. Rich editors (Lexical on WhatsApp Web) keep text in
 * paragraphs: `<div contenteditable><p><br></p></div>`; a caret after the paragraph is outside
 * any block, so it goes inside the last one instead.
 */
function caretToEnd(el: HTMLElement): void {
  const sel = el.ownerDocument.getSelection();
  if (!sel) return;
  let target: Element = el;
  while (target.lastElementChild && target.lastElementChild.localName !== 'br')
    target = target.lastElementChild;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * Typing-like insertion that rich editors accept: they own their DOM and ignore (or revert) text
 * set on it directly, but apply `execCommand('insertText')` and `beforeinput` insertions.
 */
function insertIntoEditable(el: HTMLElement, reply: string): void {
  el.focus();
  caretToEnd(el);
  const before = el.textContent ?? '';
  const text = before.trim() ? `\n${reply}` : reply;
  try {
    // Deprecated but still the one call every rich editor (Draft, Lexical, Slate…) understands.
    el.ownerDocument.execCommand('insertText', false, text);
  } catch {
    // Not supported here: the events below do the same.
  }
  // Whatever the return value said, a changed editor took the text: inserting again would double it.
  if ((el.textContent ?? '') !== before) return;
  const beforeInput = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  // An editor that handles beforeinput itself cancels it and inserts on its own.
  if (!el.dispatchEvent(beforeInput)) return;
  // A plain contenteditable with no editor behind it: insert at the caret, then tell listeners.
  const sel = el.ownerDocument.getSelection();
  const node = el.ownerDocument.createTextNode(text);
  if (sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).startContainer)) {
    const range = sel.getRangeAt(0);
    range.insertNode(node);
  } else {
    el.append(node);
  }
  caretToEnd(el);
  el.dispatchEvent(
    new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true, composed: true }),
  );
}

export function insertReply(el: HTMLElement | null, reply: string): InsertResult {
  if (!el) return 'no-input';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    setNativeValue(el, joined(el.value, reply, el instanceof HTMLTextAreaElement ? '\n' : ' '));
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const end = el.value.length;
    try {
      el.setSelectionRange(end, end);
    } catch {
      // Some input types (email, number) have no selection.
    }
    return 'inserted';
  }
  if (el.isContentEditable || el.getAttribute('contenteditable') !== null) {
    insertIntoEditable(el, reply);
    return 'inserted';
  }
  return 'no-input';
}
