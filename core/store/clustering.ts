import type { ClusteringDto } from '../scoring/cluster/types';
import type { BuyerTiersDB } from './db';

/**
 * The last clustering run survives a worker restart in db.meta: the summary under one key and
 * each group's buyer keys (ordered by spend, largest first) under another, so opening a group or
 * saving it as a tag uses exactly the buyers the seller saw.
 */
const RESULT_KEY = 'clustering.last';
const MEMBERS_KEY = 'clustering.members';

export interface StoredClustering {
  dto: ClusteringDto;
  members: string[][];
}

function isStored(dto: unknown, members: unknown): boolean {
  return (
    typeof dto === 'object' &&
    dto !== null &&
    Array.isArray((dto as ClusteringDto).groups) &&
    Array.isArray(members) &&
    members.every((m) => Array.isArray(m) && m.every((k) => typeof k === 'string'))
  );
}

/** The last run, or null when there is none or its rows no longer have the expected shape. */
export async function loadClustering(db: BuyerTiersDB): Promise<StoredClustering | null> {
  const [dto, members] = await Promise.all([db.meta.get(RESULT_KEY), db.meta.get(MEMBERS_KEY)]);
  if (!isStored(dto?.value, members?.value)) return null;
  return { dto: dto!.value as ClusteringDto, members: members!.value as string[][] };
}

/** Both rows in one transaction, so a summary is never stored with another run's members. */
export async function saveClustering(db: BuyerTiersDB, c: StoredClustering): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: RESULT_KEY, value: c.dto });
    await db.meta.put({ key: MEMBERS_KEY, value: c.members });
  });
}
