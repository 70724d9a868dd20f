import { DAY_MS } from '../model';
import { NEEDS, needBit } from '../needs/kinds';
import { emptyPerNeed, MAX_SEEN_DAYS, type NeedsRecord } from '../needs/record';

/**
 * One buyer's needs from two records of the same person (first met by name, later by phone).
 * A chat day seen under both keys is one conversation-day: its needs are the union. Archived
 * totals add up (they cover days no longer kept one by one). The more recent correction wins.
 * Pure: returns a new record under `intoKey`.
 */
export function mergeNeedsRecords(
  into: NeedsRecord | undefined,
  from: NeedsRecord,
  intoKey: string,
  now: number,
): NeedsRecord {
  const masks = new Map<number, number>();
  for (const r of into ? [into, from] : [from]) {
    r.seenChatDays.forEach((day, i) => {
      masks.set(day, (masks.get(day) ?? 0) | r.dayNeeds[i]);
    });
  }
  const days = [...masks.keys()].sort((a, b) => a - b);
  const archives = [into?.archived, from.archived].filter((a) => a !== undefined);
  let archived: NeedsRecord['archived'] =
    archives.length === 0
      ? undefined
      : {
          chats: archives.reduce((s, a) => s + a.chats, 0),
          archivedThrough: Math.max(...archives.map((a) => a.archivedThrough)),
          perNeed: (() => {
            const p = emptyPerNeed();
            for (const a of archives) {
              for (const n of NEEDS) {
                const lastAt = Math.max(p[n].lastAt ?? 0, a.perNeed[n].lastAt ?? 0);
                p[n] = { chats: p[n].chats + a.perNeed[n].chats, ...(lastAt > 0 ? { lastAt } : {}) };
              }
            }
            return p;
          })(),
        };
  // Days the merged archive already covers, and the oldest beyond the keep limit, fold into it.
  while (
    days.length > 0 &&
    (days.length > MAX_SEEN_DAYS || (archived && days[0] <= archived.archivedThrough))
  ) {
    const day = days.shift()!;
    const mask = masks.get(day)!;
    const base = archived ?? { chats: 0, perNeed: emptyPerNeed(), archivedThrough: day };
    const perNeed = { ...base.perNeed };
    for (const n of NEEDS) {
      if ((mask & needBit(n)) === 0) continue;
      perNeed[n] = { chats: perNeed[n].chats + 1, lastAt: Math.max(perNeed[n].lastAt ?? 0, day * DAY_MS) };
    }
    archived = { chats: base.chats + 1, perNeed, archivedThrough: Math.max(base.archivedThrough, day) };
  }
  const perNeed = emptyPerNeed();
  for (const n of NEEDS) perNeed[n] = { ...(archived?.perNeed[n] ?? { chats: 0 }) };
  for (const day of days) {
    for (const n of NEEDS) {
      if ((masks.get(day)! & needBit(n)) === 0) continue;
      perNeed[n] = { chats: perNeed[n].chats + 1, lastAt: Math.max(perNeed[n].lastAt ?? 0, day * DAY_MS) };
    }
  }
  const corrections = [into?.correction, from.correction].filter((c) => c !== undefined);
  const correction = corrections.sort((a, b) => b.at - a.at)[0];
  return {
    buyerKey: intoKey,
    chats: (archived?.chats ?? 0) + days.length,
    perNeed,
    seenChatDays: days,
    dayNeeds: days.map((d) => masks.get(d)!),
    ...(archived ? { archived } : {}),
    updatedAt: now,
    ...(correction ? { correction } : {}),
  };
}
