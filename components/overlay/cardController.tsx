import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type CardModule, loadCardModule } from './cardModule';
import type { OverlayLocale } from './i18n';
import { createShadowHost, type ShadowHost } from './shadowHost';

export interface CardController {
  open(buyerKey: string, opts?: { focusTags?: boolean }): Promise<void>;
  close(): void;
  /** Reloads the open card when these buyers (or all, when empty) changed. */
  changed(keys: readonly string[]): void;
  openKey(): string | undefined;
}

/**
 * One buyer card per tab, as a fixed side panel in its own shadow root on <html> (outside the
 * page's <body>, whose layout it never touches). Focus returns to where it was on close.
 */
export function createCardController(
  ctx: ContentScriptContext,
  locale: OverlayLocale,
  /** The page's chat box, for "Insert reply" (the card bundle carries the inserting code). */
  findInput: () => HTMLElement | null,
  /** The buyer's messages in the open chat (their language picks the replies' language). */
  buyerMessages: (buyerKey: string) => string[] = () => [],
): CardController {
  let view: ShadowHost | undefined;
  let mod: CardModule | undefined;
  let key: string | undefined;
  let version = 0;
  let focusTags = false;
  let returnFocus: Element | null = null;

  const draw = () => {
    if (!view || !key || !mod) return;
    mod.mount(view.root, view.container, {
      buyerKey: key,
      locale,
      version,
      focusTags,
      findInput,
      buyerMessages,
      onClose: close,
    });
  };

  function close() {
    if (view) {
      mod?.unmount(view.container);
      view.host.remove();
    }
    view = undefined;
    key = undefined;
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  ctx.onInvalidated(close);

  return {
    async open(buyerKey, opts) {
      mod ??= await loadCardModule();
      if (ctx.isInvalid) return;
      if (!view) {
        returnFocus = document.activeElement;
        view = createShadowHost('buyer-tiers-card', 'card');
        document.documentElement.append(view.host);
      }
      focusTags = opts?.focusTags ?? false;
      key = buyerKey;
      draw();
    },
    close,
    changed(keys) {
      if (!key || (keys.length > 0 && !keys.includes(key))) return;
      version++;
      draw();
    },
    openKey: () => key,
  };
}
