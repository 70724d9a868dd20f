import { normaliseStatusText, readStatusText, type StatusMeaning } from '../model/status';

/** `unpaid` rows (awaiting payment) are not orders yet; the importer rejects them with a reason. */
export type RowStatus = StatusMeaning;

export interface RowStatusReading {
  status: RowStatus;
  /** Partial refund: a sale whose refunded amount (where the file has one) comes off its spend. */
  partialRefund?: true;
}

/**
 * Reads a status cell through the shared vocabulary (`core/model/status`), after the mapping's
 * own words; `undefined` when unknown (the importer then rejects the row naming the status, so
 * the seller can add it to the mapping). An empty status means the export only lists sales: paid.
 */
export function readRowStatus(
  raw: string,
  custom?: Readonly<Record<string, RowStatus>>,
): RowStatusReading | undefined {
  if (custom) return readUncached(raw, custom);
  // A file repeats a handful of status texts on every line: remember their readings.
  const hit = CACHE.get(raw);
  if (hit !== undefined || CACHE.has(raw)) return hit;
  const r = readUncached(raw, undefined);
  if (CACHE.size >= 512) CACHE.clear();
  CACHE.set(raw, r);
  return r;
}

const CACHE = new Map<string, RowStatusReading | undefined>();

function readUncached(
  raw: string,
  custom: Readonly<Record<string, RowStatus>> | undefined,
): RowStatusReading | undefined {
  const s = normaliseStatusText(raw);
  if (s === '') return { status: 'paid' };
  if (custom) {
    for (const [k, v] of Object.entries(custom)) if (normaliseStatusText(k) === s) return { status: v };
  }
  return readStatusText(s);
}

/** The status alone (see `readRowStatus`). */
export function mapStatus(raw: string, custom?: Readonly<Record<string, RowStatus>>): RowStatus | undefined {
  return readRowStatus(raw, custom)?.status;
}
