import { startOverlay } from '@/components/overlay/startOverlay';
import { demoAdapter } from '@/core/sites/demo';
import { whatsappAdapter } from '@/core/sites/whatsapp';

/*
 * The overlay's CSS is inlined into the bundle and shared by every shadow root as one
 * constructed stylesheet (components/overlay/shadowHost.ts), so nothing is injected into the
 * page and origins registered later by teach mode need no web-accessible CSS file.
 *
 * This bundle serves WhatsApp, the local demo and every teach-mode origin (registered
 * dynamically with this file). Amazon, Etsy and Qianniu have their own bundles
 * (entrypoints/<site>.content.ts) with only their adapter, which keeps every page's content
 * script within its size budget.
 */
const ADAPTERS = [whatsappAdapter, demoAdapter];

export default defineContentScript({
  matches: ADAPTERS.flatMap((a) => a.matches),
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx, ADAPTERS).catch((e) => console.warn('[Buyer Tiers] overlay not started:', e));
  },
});
