import { observeSoldOrderResponses } from '@/components/pageWorld/soldOrders';
import { BUILT_IN_HOSTS } from '@/core/sites/hosts';

/*
 * Page-world observer for 已卖出的宝贝: those pages load their orders as JSON (asyncSold.htm,
 * mtop). It only reads responses the page itself fetched, sends no request, and posts the orders
 * it read to the content script, which checks every one (core/sites/qianniu/bridge.ts).
 */
export default defineContentScript({
  matches: BUILT_IN_HOSTS.filter((h) => h.includes('.taobao.com/')),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    observeSoldOrderResponses(window);
  },
});
