import { resolveBuiltInSite } from '@/components/overlay/builtInSite';
import { startOverlay } from '@/components/overlay/startOverlay';
import { whatsappAdapter } from '@/core/sites/whatsapp';

/** The overlay on whatsapp pages; carries only this site's adapter (see entrypoints/content). */
export default defineContentScript({
  matches: [...whatsappAdapter.matches],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx, () => resolveBuiltInSite(whatsappAdapter)).catch((e) =>
      console.warn('[Buyer Tiers] overlay not started:', e),
    );
  },
});
