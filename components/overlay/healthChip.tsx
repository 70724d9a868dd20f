import { render } from 'preact';
import type { OverlayTranslate } from './i18n';
import { createShadowHost, type ShadowHost } from './shadowHost';

export interface HealthChip {
  show(): void;
  hide(): void;
  visible(): boolean;
}

/**
 * "Can't find the buyer here — teach me": a small chip in the page's corner instead of failing
 * silently. `onTeach` is absent on built-in sites (the miss is reported for the dashboard).
 */
export function createHealthChip(t: OverlayTranslate, onTeach: (() => void) | undefined): HealthChip {
  let view: ShadowHost | undefined;
  let dismissed = false;
  const hide = () => {
    if (view) {
      render(null, view.container);
      view.host.remove();
    }
    view = undefined;
  };
  return {
    show() {
      if (view || dismissed) return;
      view = createShadowHost('buyer-tiers-chip', 'chip');
      document.documentElement.append(view.host);
      render(
        <div class="bt-chip" role="status" data-testid="bt-health-chip">
          <span>{t('chip.text')}</span>
          {onTeach ? (
            <button
              type="button"
              class="bt-btn bt-primary"
              data-testid="bt-chip-teach"
              onClick={(e) => e.isTrusted && onTeach()}
            >
              {t('chip.teach')}
            </button>
          ) : (
            <span class="bt-key">{t('chip.reported')}</span>
          )}
          <button
            type="button"
            class="bt-icon"
            aria-label={t('chip.dismiss')}
            onClick={(e) => {
              if (!e.isTrusted) return;
              dismissed = true;
              hide();
            }}
          >
            ×
          </button>
        </div>,
        view.container,
      );
    },
    hide,
    visible: () => view !== undefined,
  };
}
