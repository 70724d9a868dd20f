import { startOverlay } from '@/components/overlay/startOverlay';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';

/*
 * The overlay's CSS is inlined into the bundle and shared by every shadow root as one
 * constructed stylesheet (components/overlay/shadowHost.ts), so nothing is injected into the
 * page and origins registered later by teach mode need no web-accessible CSS file.
 */
export default defineContentScript({
  matches: BUILT_IN_HOSTS,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx).catch((e) => console.warn('[Buyer Tiers] overlay not started:', e));
  },
});
