import type { NeedsSettings, Reason } from '../model';
import { NEED_KIND, NEEDS, type Need } from './kinds';
import type { NeedsRecord, Orientation, PerNeed } from './record';

/**
 * A buyer's need orientation from their stored counts. The dominant need (most chats; ties go to
 * the most recent, then the order of NEEDS) sets the orientation only when it came up in at least
 * `minChats` chats and in at least `minShare` of all chats, so one message never decides it.
 * A seller's correction always wins.
 */
export interface NeedsOrientation {
  orientation: Need | null;
  /** `corrected`: set by the seller; `counted`: from the chats; `none`: no orientation. */
  source: 'counted' | 'corrected' | 'none';
  kind: 'basic' | 'special' | null;
  chats: number;
  perNeed: PerNeed;
  reasons: Reason[];
}

/** Reason codes with the numbers they carry and an English source sentence. */
export const NEEDS_REASON_CODES = {
  'needs.dominant': {
    values: ['need', 'chats', 'total'],
    en: 'Asked about {need} in {chats} of {total} chats',
  },
  'needs.too-few-chats': {
    values: ['need', 'chats', 'total', 'minChats'],
    en: 'Asked about {need} in {chats} of {total} chats (needs {minChats})',
  },
  'needs.too-small-share': {
    values: ['need', 'chats', 'total', 'minShare'],
    en: 'Asked about {need} in only {chats} of {total} chats',
  },
  'needs.no-signal': { values: ['total'], en: 'No needs mentioned in {total} chats' },
  'needs.no-chats': { values: [], en: 'No chats read yet' },
  'needs.corrected': { values: ['need', 'at'], en: 'Set by you' },
} as const;
export type NeedsReasonCode = keyof typeof NEEDS_REASON_CODES;

function dominant(perNeed: PerNeed): Need | null {
  let best: Need | null = null;
  for (const n of NEEDS) {
    const s = perNeed[n];
    if (s.chats === 0) continue;
    if (!best) {
      best = n;
      continue;
    }
    const b = perNeed[best];
    if (s.chats > b.chats || (s.chats === b.chats && (s.lastAt ?? 0) > (b.lastAt ?? 0))) best = n;
  }
  return best;
}

export function needsOrientation(record: NeedsRecord | undefined, settings: NeedsSettings): NeedsOrientation {
  const perNeed = record?.perNeed ?? {
    price: { chats: 0 },
    quality: { chats: 0 },
    function: { chats: 0 },
    service: { chats: 0 },
    special: { chats: 0 },
  };
  const chats = record?.chats ?? 0;
  const base = { chats, perNeed };
  const correction = record?.correction;
  if (correction) {
    const o: Orientation = correction.orientation;
    const need = o === 'none' ? null : o;
    return {
      ...base,
      orientation: need,
      source: 'corrected',
      kind: need ? NEED_KIND[need] : null,
      reasons: [{ code: 'needs.corrected', values: { need: o, at: correction.at } }],
    };
  }
  const none = (reasons: Reason[]): NeedsOrientation => ({
    ...base,
    orientation: null,
    source: 'none',
    kind: null,
    reasons,
  });
  if (chats === 0) return none([{ code: 'needs.no-chats', values: {} }]);
  const top = dominant(perNeed);
  if (!top) return none([{ code: 'needs.no-signal', values: { total: chats } }]);
  const n = perNeed[top].chats;
  if (n < settings.minChats) {
    return none([
      {
        code: 'needs.too-few-chats',
        values: { need: top, chats: n, total: chats, minChats: settings.minChats },
      },
    ]);
  }
  if (n / chats < settings.minShare) {
    return none([
      {
        code: 'needs.too-small-share',
        values: { need: top, chats: n, total: chats, minShare: settings.minShare },
      },
    ]);
  }
  return {
    ...base,
    orientation: top,
    source: 'counted',
    kind: NEED_KIND[top],
    reasons: [{ code: 'needs.dominant', values: { need: top, chats: n, total: chats } }],
  };
}
