import { cardModule } from '@/components/card/mountCard';
import { CARD_GLOBAL } from '@/components/overlay/cardModule';

/**
 * The buyer card bundle. The background injects it into a tab's content-script world the first
 * time the seller opens a card there; it only installs itself for the content script to call.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_GLOBAL] = cardModule;
});
