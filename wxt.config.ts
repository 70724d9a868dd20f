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
  // The import's parse worker (components/importExport/parseWorker.ts) is an ES module worker.
  // Its bundle is built apart from the pages' and would keep libraries' license comments (with
  // their URLs); the pages' bundles carry none, and the manifest test holds every file to that.
  vite: () => ({
    plugins: [preact()],
    worker: { format: 'es', rolldownOptions: { output: { comments: false } } },
  }),
  hooks: {
    // Built-in sites have manifest content scripts of their own (entrypoints/<site>.content.ts);
    // the generic one (entrypoints/content) is registered at runtime for taught origins, and a
    // demo build also runs it on the demo marketplace.
    'build:manifestGenerated': (wxt, manifest) => {
      if (!DEMO_MODES.has(wxt.config.mode)) return;
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: [...DEMO_HOSTS], js: ['content-scripts/content.js'], run_at: 'document_idle' },
      ];
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
