import { resolveBuiltInSite } from '@/components/overlay/builtInSite';
import { startOverlay } from '@/components/overlay/startOverlay';
import { amazonAdapter } from '@/core/sites/amazon';

/* The overlay with only this site's adapter (see entrypoints/content/index.ts for why). */
export default defineContentScript({
  matches: [...amazonAdapter.matches],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx, () => resolveBuiltInSite(amazonAdapter)).catch((e) =>
      console.warn('[Buyer Tiers] overlay not started:', e),
    );
  },
});
