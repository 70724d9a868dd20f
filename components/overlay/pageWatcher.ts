import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PageWatcher {
  /** Runs in the mutation callback itself: for cheap, latency-critical reads (the chat header). */
  onChangeNow(fn: () => void): void;
  /** Runs once per animation frame after changes: for scans over many rows. */
  onChangeFrame(fn: () => void): void;
  /** Schedules both kinds now (start-up, SPA navigation, a change signal). */
  poke(): void;
}

/** True when every node a mutation added or removed is one of our own shadow hosts. */
function onlyOurs(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type !== 'childList') return false;
    for (const n of r.addedNodes) if (!(n instanceof Element) || !n.hasAttribute('data-bt')) return false;
    for (const n of r.removedNodes) if (!(n instanceof Element) || !n.hasAttribute('data-bt')) return false;
  }
  return true;
}

/**
 * One MutationObserver for the whole overlay: chat badge, list badges, capture and health all
 * react to the same page changes and SPA navigations. Our own badge insertions are ignored, so
 * mounting badges cannot feed back into another scan.
 */
export function watchPage(ctx: ContentScriptContext): PageWatcher {
  const now: Array<() => void> = [];
  const frame: Array<() => void> = [];
  let scheduled = false;

  const runFrame = () => {
    scheduled = false;
    for (const fn of frame) safe(fn);
  };
  const scheduleFrame = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(runFrame);
  };
  const poke = () => {
    for (const fn of now) safe(fn);
    scheduleFrame();
  };

  const observer = new MutationObserver((records) => {
    if (onlyOurs(records)) return;
    poke();
  });
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-buyer-id', 'title', 'aria-selected'],
  });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', poke);

  return {
    onChangeNow: (fn) => now.push(fn),
    onChangeFrame: (fn) => frame.push(fn),
    poke,
  };
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    // A page we do not understand must never break the page or the rest of the overlay.
    console.warn('[Buyer Tiers]', e);
  }
}
