import { startOverlay } from '@/components/overlay/startOverlay';
import { etsyAdapter } from '@/core/sites/etsy';

/** The overlay on etsy pages; carries only this site's adapter (see entrypoints/content). */
export default defineContentScript({
  matches: [...etsyAdapter.matches],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx, [etsyAdapter]).catch((e) => console.warn('[Buyer Tiers] overlay not started:', e));
  },
});
