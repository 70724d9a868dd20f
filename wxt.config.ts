import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Host permissions only for the built-in marketplaces; every other origin is an optional
// permission asked for in teach mode (DESIGN: Permissions). 127.0.0.1 serves the demo marketplace.
export const BUILT_IN_HOSTS = [
  'https://web.whatsapp.com/*',
  'https://sellercentral.amazon.com/*',
  'https://sellercentral.amazon.co.uk/*',
  'https://sellercentral.amazon.de/*',
  'https://sellercentral-japan.amazon.com/*',
  'https://www.etsy.com/your/*',
  'https://myseller.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://qn.taobao.com/*',
  'http://127.0.0.1/*',
];

export default defineConfig({
  modules: [],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus', 'activeTab'],
    host_permissions: BUILT_IN_HOSTS,
    optional_host_permissions: browser === 'firefox' ? undefined : ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: { id: 'buyer-tiers@buyertiers.app', strict_min_version: '128.0' },
          },
        }
      : {}),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    commands: {
      'open-buyer-card': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_cmdOpenCard__',
      },
    },
  }),
});
