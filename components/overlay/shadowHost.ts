import css from './overlay.css?inline';
import { SHADOW_MODE } from './shadowMode';

/*
 * Light-weight shadow hosts for everything the overlay puts in a page. One constructed
 * stylesheet is shared by every root (200 list badges parse the CSS once), it is not subject to
 * the page's style-src CSP, and mounting is synchronous: no CSS fetch per badge, which keeps a
 * conversation switch within a frame or two.
 */

let shared: CSSStyleSheet | null | undefined;

function sheet(): CSSStyleSheet | null {
  if (shared !== undefined) return shared;
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    shared = s;
  } catch {
    shared = null;
  }
  return shared;
}

/** Events that must not reach the page's own listeners (its keyboard shortcuts, link clicks). */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'click',
  'mousedown',
];

/**
 * Input a person makes. A page script can dispatch these at our controls (its own shadow-root
 * queries find them), but such events are untrusted (`isTrusted` false): they are stopped at the
 * root, before any of our handlers, so a page cannot press a card button or open a card.
 */
const USER_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'paste',
  'drop',
];

/** Stops every untrusted user event inside `root` before our own listeners see it. */
export function ignoreUntrustedEvents(root: ShadowRoot): void {
  for (const type of USER_EVENTS) {
    root.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  }
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element Preact (or plain DOM code) renders into. */
  container: HTMLElement;
}

/**
 * Creates `<tag>` with a shadow root (closed in the store build, see shadowMode.ts) holding the
 * overlay CSS and an empty container.
 * `kind` picks the host's layout rules in overlay.css (inline badge, fixed card, corner chip).
 */
export function createShadowHost(
  tag: string,
  kind: 'badge' | 'mini' | 'card' | 'chip',
  isolate = true,
): ShadowHost {
  const host = document.createElement(tag);
  host.setAttribute('data-bt', kind);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const s = sheet();
  let adopted = false;
  if (s) {
    try {
      root.adoptedStyleSheets = [s];
      adopted = true;
    } catch {
      // Some engines refuse a sheet built in the content script's world: fall back to <style>.
    }
  }
  if (!adopted) {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const container = document.createElement('div');
  container.className = `bt-root bt-${kind}-root`;
  root.append(container);
  ignoreUntrustedEvents(root);
  if (isolate) {
    for (const type of ISOLATED_EVENTS) root.addEventListener(type, (e) => e.stopPropagation());
  }
  return { host, root, container };
}

export type Placement = 'after' | 'inside';

/**
 * Where a badge goes beside a buyer name: inside a block-level element (so it joins the name's
 * line instead of adding a line below), after an inline one. Either way the page moves by at
 * most the badge's own width. Reading styles is split from inserting so a list can read every
 * row first and then insert: interleaving would force one style recalculation per row.
 */
export function placementOf(anchor: Element): Placement {
  const parent = anchor.parentElement;
  if (!parent) return 'after';
  const display = getComputedStyle(anchor).display;
  if (display === 'inline' || display === 'contents') return 'after';
  // An inline-block name (often width-capped with overflow hidden and an ellipsis) would clip a
  // badge placed inside it; beside it, in the same line, it stays visible. Not in a flex or grid
  // parent, where a new sibling would become a new cell.
  if (display === 'inline-block' && !/flex|grid/.test(getComputedStyle(parent).display)) return 'after';
  return 'inside';
}

export function place(anchor: Element, host: HTMLElement, where: Placement): void {
  if (where === 'after' && anchor.parentElement) anchor.after(host);
  else anchor.append(host);
}

export function placeBeside(anchor: Element, host: HTMLElement): void {
  place(anchor, host, placementOf(anchor));
}

/** True when `host` still sits where `placeBeside` put it for `anchor`. */
export function isBeside(anchor: Element, host: Element): boolean {
  return host.isConnected && (host.parentElement === anchor || host.previousElementSibling === anchor);
}
