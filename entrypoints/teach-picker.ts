import { browser } from 'wxt/browser';
import { teachTranslator } from '@/components/teach/i18n';
import { startPicker } from '@/components/teach/picker';

/**
 * Teach mode's element picker, injected on demand (popup, context menu, health chip) with
 * scripting.executeScript into the one tab the seller is teaching; never registered for pages.
 */
export default defineUnlistedScript(() => {
  startPicker(teachTranslator(browser.i18n.getUILanguage()));
});
