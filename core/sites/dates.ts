import { MONTH_ABBREVIATIONS } from '../model/time';

/**
 * Dates as seller consoles print them, parsed into epoch ms. A printed date has no zone, so the
 * caller says which one the site uses: a fixed UTC offset in minutes (Taobao prints Beijing time,
 * +480) or `undefined` for the browser's local zone (sites that follow the seller's settings).
 */

/**
 * Month names by their first three letters (four where three are ambiguous: French juin/juil),
 * in the languages seller consoles print: English, German, French, Italian, Spanish, Dutch,
 * Portuguese, Swedish, Polish and Turkish. Letters keep their accents ("déc", "paź").
 */
const MONTHS: Readonly<Record<string, number>> = {
  ...MONTH_ABBREVIATIONS,
  ...Object.fromEntries(
    [
      'gen ene sty oca',
      'fév fev lut şub',
      'mär mrz mrt kwi',
      'avr abr nis',
      'mai mag mei maj',
      'juin giu cze haz',
      'juil lug lip tem',
      'aoû aou ago sie ağu',
      'set wrz eyl',
      'okt ott out paź eki',
      'lis kas',
      'déc dez dic gru ara',
    ].flatMap((names, i) => names.split(' ').map((n) => [n, i + 1])),
  ),
};

/** The month a (possibly localised, possibly abbreviated) month word names, if any. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w.slice(0, 4)] ?? MONTHS[w.slice(0, 3)];
}

/** Zone abbreviations Amazon and others print after times. */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  JST: 540,
  SGT: 480,
  MEZ: 60,
  MESZ: 120,
  WET: 0,
  WEST: 60,
  EET: 120,
  EEST: 180,
  IST: 330,
  AEST: 600,
  AEDT: 660,
  BRT: -180,
  GST: 240,
  TRT: 180,
};

interface Parts {
  y: number;
  mo: number;
  d: number;
}

function build(p: Parts, h: number, mi: number, s: number, offset: number | undefined): number | null {
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at =
    offset === undefined
      ? new Date(p.y, p.mo - 1, p.d, h, mi, s).getTime()
      : Date.UTC(p.y, p.mo - 1, p.d, h, mi, s) - offset * 60_000;
  // Reject 31 February and friends, which Date silently rolls over.
  const check = offset === undefined ? new Date(at) : new Date(at + offset * 60_000);
  const day = offset === undefined ? check.getDate() : check.getUTCDate();
  return Number.isFinite(at) && day === p.d ? at : null;
}

function readDate(text: string, dayFirst: boolean): Parts | null {
  let m = text.match(/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/);
  if (m) return { y: +m[1], mo: +m[2], d: +m[3] };
  m = text.match(/\b(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b/);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    // 20/11/2026 can only be day-first; 11/20/2026 only month-first; 05.06.2026 (dots) is
    // day-first wherever it is printed; otherwise the site decides.
    const dFirst = a > 12 ? true : b > 12 ? false : m[2] === '.' || dayFirst;
    return dFirst ? { y: +m[4], mo: b, d: a } : { y: +m[4], mo: a, d: b };
  }
  // "Nov 20, 2026"; a word that is no month ("Ordered 12, 2026") does not hide a later one.
  for (const w of text.matchAll(/(?<!\p{L})(\p{L}{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/gu)) {
    const mo = monthOf(w[1]);
    if (mo) return { y: +w[3], mo, d: +w[2] };
  }
  // "20 Nov 2026", "20. November 2026", "20 déc. 2026", "20 de noviembre de 2026".
  for (const w of text.matchAll(/\b(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,})\.?,?\s+(?:de\s+)?(\d{4})\b/gu)) {
    const mo = monthOf(w[2]);
    if (mo) return { y: +w[3], mo, d: +w[1] };
  }
  return null;
}

export interface DateParseOptions {
  /** Fixed UTC offset of the printed time in minutes; undefined = browser local time. */
  offsetMinutes?: number;
  /** For 05/06/2026-style dates that could be either way round. Default: month first. */
  dayFirst?: boolean;
}

/** Parses "2026-11-20 14:32:05", "2026年11月20日", "11/20/2026 10:15 AM PST", "Nov 20, 2026". */
export function parseDateTime(text: string, opts: DateParseOptions = {}): number | null {
  const date = readDate(text, opts.dayFirst ?? false);
  if (!date) return null;
  let h = 0;
  let mi = 0;
  let s = 0;
  const t = text.match(/\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?/);
  if (t) {
    h = +t[1];
    mi = +t[2];
    s = t[3] ? +t[3] : 0;
    const ampm = t[4]?.toLowerCase();
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  const zone = text.match(/\b([A-Z]{3,4})\b(?!.*\b[A-Z]{3,4}\b)/);
  const offset = zone && zone[1] in ZONE_OFFSETS ? ZONE_OFFSETS[zone[1]] : opts.offsetMinutes;
  return build(date, h, mi, s, offset);
}

/** Reads an element's machine-readable time (`<time datetime>`) when the page provides one. */
export function parseIsoAttr(value: string | null | undefined): number | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : null;
}
