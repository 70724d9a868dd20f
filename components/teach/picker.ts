import { request } from '@/core/messaging';
import { SHADOW_MODE } from '../overlay/shadowMode';
import type { TeachTranslate } from './i18n';
import { PICKER_CSS } from './pickerCss';
import { type Picked, previewOf, STEPS, selectorFor } from './steps';

const HOST_TAG = 'buyer-tiers-teach';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The teach-mode element picker, injected into the page on the seller's request: hover
 * highlights, click chooses (the page never sees that click), Esc cancels. Steps: the buyer's
 * name in the open chat, the reply box, a buyer name in a list — each may be skipped. The review
 * shows what the rule will read; "Save…" hands the draft to the background, which opens the
 * extension window where the seller grants this origin and saves.
 */
export function startPicker(t: TeachTranslate): void {
  if (document.querySelector(HOST_TAG)) return;
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-bt', 'teach');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const style = el('style');
  style.textContent = PICKER_CSS;
  const box = el('div', 'box');
  const panel = el('div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('data-testid', 'bt-teach-panel');
  root.append(style, box, panel);
  document.documentElement.append(host);

  const picked: Picked = {};
  let step = 0;
  let hovered: Element | null = null;

  const ours = (e: Event) => e.composedPath().includes(host);

  const button = (label: string, onClick: () => void, testid: string, primary = false) => {
    const b = el('button', primary ? 'primary' : undefined, label);
    b.type = 'button';
    b.setAttribute('data-testid', testid);
    // The picker's buttons answer the seller only: a page script's synthetic click is ignored.
    b.addEventListener('click', (e) => {
      if (e.isTrusted) onClick();
    });
    return b;
  };

  const stop = () => {
    document.removeEventListener('mousemove', onMove, true);
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('mousedown', swallow, true);
    document.removeEventListener('mouseup', swallow, true);
    document.removeEventListener('keydown', onKey, true);
    host.remove();
  };

  const highlight = (target: Element | null) => {
    hovered = target;
    if (!target) {
      box.style.display = 'none';
      return;
    }
    const r = target.getBoundingClientRect();
    Object.assign(box.style, {
      display: 'block',
      left: `${r.left - 2}px`,
      top: `${r.top - 2}px`,
      width: `${r.width + 4}px`,
      height: `${r.height + 4}px`,
    });
  };

  const renderStep = () => {
    panel.replaceChildren();
    if (step >= STEPS.length) return renderReview();
    const s = STEPS[step];
    panel.append(
      el('p', 'prompt', `${step + 1}/${STEPS.length} · ${t(s.prompt)}`),
      el('p', 'hint', t('teach.hint')),
    );
    if (picked[s.id]) panel.append(el('p', 'sel', picked[s.id]));
    const row = el('div', 'row');
    if (step > 0) row.append(button(t('teach.back'), () => go(step - 1), 'bt-teach-back'));
    row.append(
      button(t('teach.skip'), () => go(step + 1), 'bt-teach-skip'),
      button(t('teach.cancel'), stop, 'bt-teach-cancel'),
    );
    panel.append(row);
  };

  const renderReview = () => {
    highlight(null);
    const p = previewOf(picked, document, location.origin);
    const list = el('ul', 'preview');
    list.setAttribute('data-testid', 'bt-teach-preview');
    list.append(
      el(
        'li',
        undefined,
        p.chatBuyer ? t('teach.preview.buyer', { name: p.chatBuyer }) : t('teach.preview.noBuyer'),
      ),
      el(
        'li',
        undefined,
        t('teach.preview.input', { state: t(p.chatInput ? 'teach.found' : 'teach.notFound') }),
      ),
      el('li', undefined, t('teach.preview.list', { n: p.listCount })),
      ...p.listSample.map((n) => el('li', 'sel', n)),
    );
    const status = el('p', 'hint');
    status.setAttribute('role', 'status');
    const save = button(
      t('teach.save'),
      () => {
        if (!picked.chatBuyer && !picked.listBuyer) {
          status.textContent = t('teach.needBuyer');
          return;
        }
        save.disabled = true;
        request('submitTeachDraft', {
          label: location.hostname.slice(0, 100) || 'site',
          chatBuyerSelector: picked.chatBuyer,
          chatInputSelector: picked.chatInput,
          listBuyerSelector: picked.listBuyer,
          preview: {
            ...p,
            chatBuyer: p.chatBuyer?.slice(0, 300),
            listSample: p.listSample.map((n) => n.slice(0, 300)),
          },
        })
          .then(() => {
            status.textContent = t('teach.sent');
            setTimeout(stop, 4000);
          })
          .catch((e: unknown) => {
            save.disabled = false;
            status.className = 'hint error';
            status.textContent = e instanceof Error ? e.message : String(e);
          });
      },
      'bt-teach-save',
      true,
    );
    const row = el('div', 'row');
    row.append(
      button(t('teach.back'), () => go(STEPS.length - 1), 'bt-teach-back'),
      button(t('teach.cancel'), stop, 'bt-teach-cancel'),
      save,
    );
    panel.append(el('p', 'prompt', t('teach.preview')), list, status, row);
  };

  const go = (n: number) => {
    step = Math.max(0, Math.min(n, STEPS.length));
    renderStep();
  };

  // Events a page script dispatched (isTrusted false) neither move the highlight nor pick nor
  // cancel: only the seller's own mouse and keys teach a rule.
  function onMove(e: MouseEvent) {
    if (!e.isTrusted) return;
    if (step >= STEPS.length || ours(e)) return highlight(null);
    const target = e.target instanceof Element ? e.target : null;
    if (target !== hovered) highlight(target);
  }
  function swallow(e: Event) {
    if (step < STEPS.length && !ours(e)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }
  function onClick(e: MouseEvent) {
    if (!e.isTrusted || step >= STEPS.length || ours(e)) return;
    // The click chooses an element; the page must not also follow a link or open a chat.
    e.preventDefault();
    e.stopPropagation();
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const sel = selectorFor(STEPS[step].id, target);
    if (sel) picked[STEPS[step].id] = sel;
    go(step + 1);
  }
  function onKey(e: KeyboardEvent) {
    if (e.isTrusted && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stop();
    }
  }

  document.addEventListener('mousemove', onMove, true);
  document.addEventListener('click', onClick, true);
  document.addEventListener('mousedown', swallow, true);
  document.addEventListener('mouseup', swallow, true);
  document.addEventListener('keydown', onKey, true);
  renderStep();
}
