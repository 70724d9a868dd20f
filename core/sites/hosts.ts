import { MARKETPLACE_PATTERNS } from './amazon/marketplaces';

/**
 * Host permissions: only the built-in marketplaces (DESIGN: Permissions). Every other origin is
 * an optional permission asked for in teach mode. The manifest and the content script's matches
 * both read this list.
 */
export const BUILT_IN_HOSTS = [
  'https://web.whatsapp.com/*',
  ...MARKETPLACE_PATTERNS,
  'https://www.etsy.com/your/*',
  'https://www.etsy.com/messages*',
  'https://www.etsy.com/conversations*',
  'https://myseller.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://qn.taobao.com/*',
];

/**
 * The local demo marketplace (tests/demo/server.ts). Only the demo build adds it (wxt.config.ts),
 * never the store build: a loopback page must not pass for a marketplace there.
 */
export const DEMO_HOSTS = ['http://127.0.0.1/*'];
