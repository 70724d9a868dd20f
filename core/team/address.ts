/**
 * What counts as a team server address. Shared by the dashboard (which must ask the seller for
 * exactly this origin before joining) and the background (which refuses any other), so the two
 * can never disagree about which origin the permission is for.
 */

/**
 * `https://host[:port]` from what a seller typed; plain http only for `loopbackHosts` (callers
 * pass `DEMO_LOOPBACK_HOSTS`: loopback in the demo and test builds, none in the store build).
 */
export function serverOrigin(typed: string, loopbackHosts: readonly string[]): string | null {
  let url: URL;
  try {
    // Without a scheme, https is meant (string concatenation keeps a URL literal out of the bundle).
    url = new URL(/^[a-z]+:\/\//i.test(typed.trim()) ? typed.trim() : 'https:' + '//' + typed.trim());
  } catch {
    return null;
  }
  const loopback = loopbackHosts.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return null;
  return url.origin;
}
