import { useEffect } from 'preact/hooks';
import { useI18n } from './i18nContext';

export interface ToastState {
  text: string;
  kind?: 'info' | 'error';
  action?: { label: string; run(): void };
}

/**
 * One polite live-region message at the bottom of the page (with an optional action such as
 * Undo). It is always rendered, so announcing a message never shifts the layout.
 */
export function Toast({ toast, onClose }: { toast: ToastState | null; onClose(): void }) {
  const { t } = useI18n();
  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(onClose, toast.action ? 10_000 : 5_000);
    return () => clearTimeout(id);
  }, [toast, onClose]);
  return (
    <div
      class={`toast ${toast ? 'toast--open' : ''} ${toast?.kind === 'error' ? 'toast--error' : ''}`}
      role="status"
      aria-live="polite"
    >
      {toast && (
        <>
          <span data-testid="toast-text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="btn btn--link"
              onClick={() => {
                toast.action?.run();
                onClose();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" class="btn btn--icon" aria-label={t('ui.close')} onClick={onClose}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
