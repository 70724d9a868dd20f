import { amazonAdapter } from './amazon';
import { demoAdapter } from './demo';
import { DEMO_BUILD } from './demoMode';
import { etsyAdapter } from './etsy';
import { matchesPattern } from './matchPattern';
import { qianniuAdapter } from './qianniu';
import type { SiteAdapter } from './types';
import { whatsappAdapter } from './whatsapp';

/**
 * Built-in adapters; custom (teach-mode) adapters are built at runtime with `adapterFromRule`.
 * The demo marketplace's adapter exists in the demo build only (core/sites/demoMode.ts): in the
 * store build no loopback page is ever taken for a marketplace.
 */
export const ADAPTERS: readonly SiteAdapter[] = [
  whatsappAdapter,
  amazonAdapter,
  etsyAdapter,
  qianniuAdapter,
  ...(DEMO_BUILD ? [demoAdapter] : []),
];

/** The first built-in adapter whose match patterns cover `url`, if any. */
export function adapterForUrl(
  url: string | URL,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): SiteAdapter | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return adapters.find((a) => a.matches.some((p) => matchesPattern(p, u)));
}

export function adapterById(
  id: string,
  adapters: readonly SiteAdapter[] = ADAPTERS,
): SiteAdapter | undefined {
  return adapters.find((a) => a.id === id);
}
