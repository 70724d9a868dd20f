import { resolveAdapter } from '@/components/overlay/siteAdapter';
import { startOverlay } from '@/components/overlay/startOverlay';
import { demoAdapter } from '@/core/sites/demo';
import { DEMO_BUILD } from '@/core/sites/demoMode';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';

/*
 * The overlay for pages without a built-in site script: origins a seller taught (registered at
 * runtime by core/background/ruleScripts.ts, which names this file) and, in the demo build only,
 * the local demo marketplace (wxt.config.ts adds that match). Built-in sites have their own
 * `<site>.content.ts`, each carrying just its adapter.
 *
 * The overlay's CSS is inlined into the bundle and shared by every shadow root as one
 * constructed stylesheet (components/overlay/shadowHost.ts), so nothing is injected into the
 * page and origins registered later by teach mode need no web-accessible CSS file.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx) {
    const builtIns = DEMO_BUILD ? [demoAdapter] : [];
    void startOverlay(ctx, () => resolveAdapter(location.href, builtIns, BUILT_IN_HOSTS)).catch((e) =>
      console.warn('[Buyer Tiers] overlay not started:', e),
    );
  },
});
