import './style.css';
import { startOverlay } from '@/components/overlay/startOverlay';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';

export default defineContentScript({
  matches: BUILT_IN_HOSTS,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx);
  },
});
