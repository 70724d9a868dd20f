import { useEffect, useState } from 'preact/hooks';

export const SECTIONS = [
  'overview',
  'buyers',
  'import',
  'movers',
  'groups',
  'tags',
  'thresholds',
  'needs',
  'actions',
  'sites',
  'team',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface Route {
  section: SectionId;
  /** Buyer key whose card is open. */
  buyer?: string;
}

export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const first = [...params.keys()][0] ?? '';
  const section = (SECTIONS as readonly string[]).includes(first) ? (first as SectionId) : 'overview';
  return { section, buyer: params.get('buyer') ?? undefined };
}

export function formatHash(r: Route): string {
  return `#${r.section}${r.buyer ? `&buyer=${encodeURIComponent(r.buyer)}` : ''}`;
}

/** The dashboard route lives in `location.hash` (`#buyers&buyer=demo:b12`). */
export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = (r: Route) => {
    const hash = formatHash(r);
    if (hash !== location.hash) location.hash = hash;
    setRoute(r);
  };
  return [route, go];
}
