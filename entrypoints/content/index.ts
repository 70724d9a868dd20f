import './style.css';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';
import { startOverlay } from '@/components/overlay/startOverlay';

export default defineContentScript({
  matches: BUILT_IN_HOSTS,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    void startOverlay(ctx);
  },
});
