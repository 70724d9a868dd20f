import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

import { BUILT_IN_HOSTS } from './core/sites/hosts';

export { BUILT_IN_HOSTS };

export default defineConfig({
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
