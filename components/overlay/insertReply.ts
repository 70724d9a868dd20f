/**
 * Puts a suggested reply into the page's chat box the way typing would, so the page's framework
 * (React, Vue, plain listeners) sees it — and never sends it: no Enter key, no submit, no click.
 *
 * - textarea / input: the prototype's native value setter (frameworks that track `value` on the
 *   element itself then notice the change), then bubbling `input` and `change` events.
 * - contenteditable: focus, caret at the end, `execCommand('insertText')` (fires beforeinput and
 *   input like typing and keeps the editor's undo stack); if the editor refuses it, a cancellable
 *   `beforeinput` followed by a DOM text insert and an `input` event.
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

function caretToEnd(el: HTMLElement): void {
  const sel = el.ownerDocument.getSelection();
  if (!sel) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

function insertIntoEditable(el: HTMLElement, reply: string): void {
  el.focus();
  caretToEnd(el);
  const text = (el.textContent ?? '').trim() ? `\n${reply}` : reply;
  let done = false;
  try {
    // Deprecated but still the one call every rich editor (Draft, Lexical, Slate…) understands.
    done = el.ownerDocument.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  if (done && (el.textContent ?? '').includes(reply)) return;
  const before = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  // An editor that handles beforeinput itself cancels it and inserts on its own.
  if (!el.dispatchEvent(before)) return;
  el.append(el.ownerDocument.createTextNode(text));
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
