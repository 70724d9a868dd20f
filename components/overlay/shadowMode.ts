import { DEMO_BUILD } from '@/core/sites/demoMode';

/**
 * Shadow roots of everything injected into a page (badges, card, chip, teach picker) are closed
 * in the store build: a page script gets `null` for `host.shadowRoot`, so it can neither read a
 * card (orders, note, spend) nor reach its buttons; only the content script, which created the
 * root, holds it. The demo build (`npm start`, the real-browser tests) keeps them open so tests
 * and developers can look inside; untrusted events are stopped at the root in both builds.
 */
export const SHADOW_MODE: ShadowRootMode = DEMO_BUILD ? 'open' : 'closed';
