/**
 * What counts as a team server address. Shared by the dashboard (which must ask the seller for
 * exactly this origin before joining) and the background (which refuses any other), so the two
 * can never disagree about which origin the permission is for.
 */

/** `https://host[:port]` from what a seller typed; http only for loopback (tests, local servers). */
export function serverOrigin(typed: string): string | null {
  let url: URL;
  try {
    // Without a scheme, https is meant (string concatenation keeps a URL literal out of the bundle).
    url = new URL(/^[a-z]+:\/\//i.test(typed.trim()) ? typed.trim() : 'https:' + '//' + typed.trim());
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return null;
  return url.origin;
}
