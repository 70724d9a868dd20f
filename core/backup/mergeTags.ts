import type { BackupFile } from './format';

/** A tag this machine already has: the parts a merge matches on. */
export interface LocalTag {
  id: string;
  name: string;
}

/**
 * Fits a backup's tags onto this machine's for a merge restore. Tag names are unique, and tag
 * ids are each machine's own, so two machines can hold "VIP" under different ids. A merge goes
 * by name: a backup tag whose name a local tag has takes that local tag's id; a backup tag whose
 * id a local tag holds under another name, while that id is taken by such a name match, gets a
 * fresh id. The buyer-tag links follow their tag's new id (a link both sides have is kept once).
 * Without this the restore's one transaction failed on the unique name index and wrote nothing.
 */
export function mergeTagsByName(
  backup: BackupFile,
  local: readonly LocalTag[],
  newId: () => string = () => globalThis.crypto.randomUUID(),
): BackupFile {
  const localByName = new Map(local.map((t) => [t.name, t.id]));
  const idOf = new Map<string, string>();
  // Name matches first: they decide which local ids the backup's tags now use.
  for (const t of backup.tags) {
    const localId = localByName.get(t.name);
    if (localId !== undefined) idOf.set(t.id, localId);
  }
  const claimed = new Set(idOf.values());
  for (const t of backup.tags) {
    if (idOf.has(t.id)) continue;
    idOf.set(t.id, claimed.has(t.id) ? newId() : t.id);
  }
  if ([...idOf].every(([from, to]) => from === to)) return backup;

  const tags = backup.tags.map((t) => ({ ...t, id: idOf.get(t.id) ?? t.id }));
  const seen = new Set<string>();
  const buyerTags = backup.buyerTags.flatMap((link) => {
    const tagId = idOf.get(link.tagId) ?? link.tagId;
    const key = `${link.buyerKey}|${tagId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...link, tagId }];
  });
  return { ...backup, tags, buyerTags };
}
