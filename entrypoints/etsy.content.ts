import { resolveBuiltInSite } from '@/components/overlay/builtInSite';
import { startOverlay } from '@/components/overlay/startOverlay';
import { etsyAdapter } from '@/core/sites/etsy';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';
import { matchesPattern } from '@/core/sites/matchPattern';

/* The overlay with only this site's adapter (see entrypoints/content/index.ts for why). */
export default defineContentScript({
  // Host-wide (the manifest's host list); the adapter's own patterns decide which pages it reads.
  matches: BUILT_IN_HOSTS.filter((h) => h.includes('www.etsy.com/')),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    const readsThisPage = () => etsyAdapter.matches.some((p) => matchesPattern(p, location.href));
    void startOverlay(ctx, () => resolveBuiltInSite(etsyAdapter, readsThisPage)).catch((e) =>
      console.warn('[Buyer Tiers] overlay not started:', e),
    );
  },
});
