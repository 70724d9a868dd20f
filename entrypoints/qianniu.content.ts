import { startOverlay } from '@/components/overlay/startOverlay';
import { qianniuAdapter } from '@/core/sites/qianniu';

/** The overlay on qianniu pages; carries only this site's adapter (see entrypoints/content). */
export default defineContentScript({
  matches: [...qianniuAdapter.matches],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx, [qianniuAdapter]).catch((e) =>
      console.warn('[Buyer Tiers] overlay not started:', e),
    );
  },
});
