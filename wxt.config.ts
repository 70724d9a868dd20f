import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

import { BUILT_IN_HOSTS, DEMO_HOSTS } from './core/sites/hosts';

export { BUILT_IN_HOSTS, DEMO_HOSTS };

/**
 * Modes whose build carries the local demo marketplace; must agree with core/sites/demoMode.ts.
 * The store build (`wxt build` / `wxt zip`, mode "production") is not one of them.
 */
const DEMO_MODES = new Set(['demo', 'development']);

/** Host access of a build: the marketplaces, plus loopback for the demo marketplace in demo modes. */
export function hostsForMode(mode: string): string[] {
  return DEMO_MODES.has(mode) ? [...BUILT_IN_HOSTS, ...DEMO_HOSTS] : [...BUILT_IN_HOSTS];
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script's matches are BUILT_IN_HOSTS (entrypoints/content); a demo build also
    // runs it on the demo marketplace.
    'build:manifestGenerated': (wxt, manifest) => {
      if (!DEMO_MODES.has(wxt.config.mode)) return;
      for (const cs of manifest.content_scripts ?? []) {
        if (BUILT_IN_HOSTS.every((h) => cs.matches?.includes(h))) {
          cs.matches = [...new Set([...(cs.matches ?? []), ...DEMO_HOSTS])];
        }
      }
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus', 'activeTab'],
    host_permissions: hostsForMode(mode),
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
