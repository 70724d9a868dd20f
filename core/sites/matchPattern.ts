/**
 * WebExtension match patterns (`<scheme>://<host><path>`), implemented here so the registry can
 * pick an adapter for a URL in pure code and tests can prove host permissions cover every adapter.
 * Rules followed: scheme `*` means http or https; host `*` is any host, `*.example.com` is
 * example.com and its subdomains; a pattern without a port matches any port; `*` in the path
 * matches any characters; the query string is part of the path; the fragment is ignored.
 */

export interface MatchPattern {
  scheme: string;
  host: string;
  port?: string;
  path: string;
}

const PATTERN = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(?::(\d+|\*))?(\/.*)$/;

/** Parses a pattern; null when it is not a valid match pattern. `<all_urls>` is accepted. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const m = pattern.match(PATTERN);
  if (!m) return null;
  const [, scheme, host = '', port, path] = m;
  if (scheme !== 'file' && !host) return null;
  return { scheme, host: host.toLowerCase(), port: port === '*' ? undefined : port, path };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

function schemeMatches(patternScheme: string, scheme: string): boolean {
  return patternScheme === '*' ? scheme === 'http' || scheme === 'https' : patternScheme === scheme;
}

function hostMatches(patternHost: string, host: string): boolean {
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return patternHost === host;
}

/** True when `url` matches `pattern`. Invalid patterns or URLs match nothing. */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const p = parseMatchPattern(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (!schemeMatches(p.scheme, scheme)) return false;
  if (scheme !== 'file' && !hostMatches(p.host, u.hostname.toLowerCase())) return false;
  if (p.port !== undefined && u.port !== p.port) return false;
  return globToRegExp(p.path).test(u.pathname + u.search);
}

/**
 * True when every URL matched by `inner` is also matched by `outer` (e.g. a host permission
 * covering an adapter's pattern). `*` in `inner`'s path is treated as a literal, which is sound
 * because only a wildcard in `outer` can absorb it.
 */
export function patternCovers(outer: string, inner: string): boolean {
  const o = parseMatchPattern(outer);
  const i = parseMatchPattern(inner);
  if (!o || !i) return false;
  if (o.scheme !== '*' && o.scheme !== i.scheme) return false;
  if (o.scheme === '*' && i.scheme !== '*' && i.scheme !== 'http' && i.scheme !== 'https') return false;
  if (o.host !== '*') {
    if (i.host === '*') return false;
    const innerBase = i.host.startsWith('*.') ? i.host.slice(2) : i.host;
    if (o.host.startsWith('*.')) {
      if (!hostMatches(o.host, innerBase)) return false;
    } else if (i.host.startsWith('*.') || o.host !== i.host) return false;
  }
  if (o.port !== undefined && o.port !== i.port) return false;
  return globToRegExp(o.path).test(i.path);
}
