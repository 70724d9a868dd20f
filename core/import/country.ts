/**
 * Ship country to ISO 3166 alpha-2. Exports write `US`, `USA`, `United States`, `中国`…; the
 * reverse lookup table is built from `Intl.DisplayNames` (English and Chinese) over every
 * two-letter code, so no hand-kept list of 250 names is needed. Unknown values give `undefined`
 * (the order is kept without a country).
 */
let byName: Map<string, string> | undefined;

const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  eire: 'IE',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  'czech republic': 'CZ',
  'viet nam': 'VN',
  'hong kong': 'HK',
  'mainland china': 'CN',
  "people's republic of china": 'CN',
  prc: 'CN',
  'the netherlands': 'NL',
  holland: 'NL',
  uae: 'AE',
  rsa: 'ZA',
  'channel islands': 'JE',
  'european community': 'EU',
  eu: 'EU',
  中国大陆: 'CN',
  大陆: 'CN',
  香港: 'HK',
  台湾: 'TW',
  澳门: 'MO',
  美国: 'US',
  英国: 'GB',
  日本: 'JP',
  韩国: 'KR',
};

function canonical(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const A = 65;
  for (const locale of ['en', 'zh']) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      continue;
    }
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        // Skip retired codes (DD → DE, BU → MM) so "Germany" maps to DE, not East Germany's DD.
        if (!canonical(code)) continue;
        const name = names.of(code);
        if (name && name !== code && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return byName;
}

const ALPHA3: Record<string, string> = {
  USA: 'US',
  GBR: 'GB',
  CHN: 'CN',
  DEU: 'DE',
  FRA: 'FR',
  JPN: 'JP',
  KOR: 'KR',
  CAN: 'CA',
  AUS: 'AU',
  ITA: 'IT',
  ESP: 'ES',
  NLD: 'NL',
  BRA: 'BR',
  MEX: 'MX',
  IND: 'IN',
  RUS: 'RU',
  SGP: 'SG',
  MYS: 'MY',
  THA: 'TH',
  VNM: 'VN',
  PHL: 'PH',
  IDN: 'ID',
  HKG: 'HK',
  TWN: 'TW',
  NZL: 'NZ',
  IRL: 'IE',
  BEL: 'BE',
  CHE: 'CH',
  AUT: 'AT',
  SWE: 'SE',
  NOR: 'NO',
  DNK: 'DK',
  FIN: 'FI',
  POL: 'PL',
  PRT: 'PT',
  ISR: 'IL',
  ARE: 'AE',
  SAU: 'SA',
  ZAF: 'ZA',
  TUR: 'TR',
};

export function toCountryCode(raw: string): string | undefined {
  const s = raw.normalize('NFKC').trim();
  if (s === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const up = s.toUpperCase();
    return up === 'UK' ? 'GB' : up;
  }
  if (/^[A-Z]{3}$/.test(s) && ALPHA3[s]) return ALPHA3[s];
  const code = table().get(s.toLowerCase().replace(/\s+/g, ' '));
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}
