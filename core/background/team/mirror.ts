/**
 * Maps the shared Dexie rows (tags, buyer–tag links, notes) to team document entries and back.
 * Outbound: a committed local change becomes a Y.Map set or delete, stamped with who and when.
 * Inbound: changed entries, checked again here (a peer's bad entry never reaches Dexie), become
 * the puts and deletes applied locally.
 */
import type * as Y from 'yjs';
import type { BuyerTag, Note, Tag } from '../../model';
import type { InboundChanges, SharedRowChange, SharedRows } from '../../store/teamMirror';
import { checkEntry, KEY_SEP, type TeamLink, type TeamNoteVersion, type TeamTag } from '../../team/entries';
import { BUCKETS, bucketOf, type DocAddress, docName, type TeamId } from '../../team/protocol';
import { heads, type NoteVersion, noteText } from './notesMerge';

export type MirroredKind = 'tags' | 'links' | 'notes';

/** The documents this mirror uses: the tags document and every links and notes bucket. */
export function mirroredDocs(teamId: TeamId): { name: string; address: DocAddress }[] {
  const out = [{ name: docName({ teamId, kind: 'tags' }), address: { teamId, kind: 'tags' } as DocAddress }];
  for (const kind of ['links', 'notes'] as const)
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const address: DocAddress = { teamId, kind, bucket };
      out.push({ name: docName(address), address });
    }
  return out;
}

export interface Stamp {
  memberId: string;
  now: number;
  newId(): string;
}

type EntriesOf = (address: DocAddress) => Y.Map<unknown>;

const splitKey = (key: string): [string, string] => {
  const i = key.lastIndexOf(KEY_SEP);
  return [key.slice(0, i), key.slice(i + 1)];
};

function versionsOf(entries: Y.Map<unknown>, buyerKey: string): NoteVersion[] {
  const prefix = `${buyerKey}${KEY_SEP}`;
  const out: NoteVersion[] = [];
  for (const [key, value] of entries)
    if (key.startsWith(prefix) && key.indexOf(KEY_SEP, prefix.length) === -1)
      out.push({ ...(value as TeamNoteVersion), id: key.slice(prefix.length) });
  return out;
}

/**
 * Writes local changes into the documents; returns the names of the documents changed. Call it
 * inside one Yjs transaction per document (the caller's), origin LOCAL.
 */
export function writeOutbound(
  changes: readonly SharedRowChange[],
  teamId: TeamId,
  entriesOf: EntriesOf,
  stamp: Stamp,
): Set<DocAddress> {
  const touched = new Set<DocAddress>();
  const use = (address: DocAddress) => {
    touched.add(address);
    return entriesOf(address);
  };
  for (const c of changes) {
    if (c.table === 'tags') {
      const entries = use({ teamId, kind: 'tags' });
      if (!c.row) {
        entries.delete(c.key);
        continue;
      }
      const had = entries.get(c.key) as TeamTag | undefined;
      if (had && had.name === c.row.name && had.color === c.row.color) continue;
      const tag: TeamTag = {
        name: c.row.name,
        color: c.row.color,
        createdAt: c.row.createdAt,
        at: stamp.now,
        by: stamp.memberId,
      };
      entries.set(c.key, tag);
    } else if (c.table === 'buyerTags') {
      const [buyerKey, tagId] = c.key;
      const entries = use({ teamId, kind: 'links', bucket: bucketOf(buyerKey) });
      const key = `${buyerKey}${KEY_SEP}${tagId}`;
      if (!c.row) entries.delete(key);
      else if (!entries.has(key)) {
        const link: TeamLink = { at: c.row.at, by: stamp.memberId };
        entries.set(key, link);
      }
    } else {
      const entries = use({ teamId, kind: 'notes', bucket: bucketOf(c.key) });
      writeNote(entries, c.key, c.row?.text ?? '', stamp, true);
    }
  }
  return touched;
}

/**
 * Makes `text` the buyer's note. `replacing`: the new version replaces every current one (a
 * seller saved the note they saw); otherwise it is added beside them (a first sync of a local
 * note that differs), so neither text is lost.
 */
function writeNote(
  entries: Y.Map<unknown>,
  buyerKey: string,
  text: string,
  stamp: Stamp,
  replacing: boolean,
): void {
  const versions = versionsOf(entries, buyerKey);
  if ((noteText(versions) ?? '') === text) return;
  const live = heads(versions);
  if (text === '' && replacing) {
    for (const v of versions) entries.delete(`${buyerKey}${KEY_SEP}${v.id}`);
    return;
  }
  const version: TeamNoteVersion = {
    text,
    replaces: replacing ? live.map((v) => v.id).slice(0, 20) : [],
    at: stamp.now,
    by: stamp.memberId,
  };
  entries.set(`${buyerKey}${KEY_SEP}${stamp.newId()}`, version);
  if (replacing) for (const v of versions) entries.delete(`${buyerKey}${KEY_SEP}${v.id}`);
}

/**
 * The local changes a document's changed keys call for. Invalid entries are skipped and
 * reported through `onRefused`.
 */
export function readInbound(
  address: DocAddress,
  entries: Y.Map<unknown>,
  keys: Iterable<string>,
  onRefused: (key: string, why: string) => void,
): InboundChanges {
  const out: InboundChanges = {};
  if (address.kind === 'tags') {
    const tags = { put: [] as Tag[], del: [] as string[] };
    for (const key of keys) {
      const value = entries.get(key);
      const check = checkEntry(address, key, value);
      if (!check.ok) onRefused(key, check.why);
      else if (value === undefined) tags.del.push(key);
      else {
        const t = value as TeamTag;
        tags.put.push({ id: key, name: t.name, color: t.color, createdAt: t.createdAt });
      }
    }
    out.tags = tags;
  } else if (address.kind === 'links') {
    const links = { put: [] as BuyerTag[], del: [] as [string, string][] };
    for (const key of keys) {
      const value = entries.get(key);
      const check = checkEntry(address, key, value);
      const [buyerKey, tagId] = splitKey(key);
      if (!check.ok) onRefused(key, check.why);
      else if (value === undefined) links.del.push([buyerKey, tagId]);
      else links.put.push({ buyerKey, tagId, at: (value as TeamLink).at });
    }
    out.buyerTags = links;
  } else if (address.kind === 'notes') {
    const buyers = new Set<string>();
    for (const key of keys) {
      const check = checkEntry(address, key, entries.get(key));
      if (!check.ok) onRefused(key, check.why);
      else buyers.add(splitKey(key)[0]);
    }
    const notes = { put: [] as Note[], del: [] as string[] };
    for (const buyerKey of buyers) {
      const versions = versionsOf(entries, buyerKey).filter(
        (v) => checkEntry(address, `${buyerKey}${KEY_SEP}${v.id}`, stripId(v)).ok,
      );
      const text = noteText(versions);
      if (text === null) notes.del.push(buyerKey);
      else notes.put.push({ buyerKey, text, updatedAt: Math.max(...versions.map((v) => v.at)) });
    }
    out.notes = notes;
  }
  return out;
}

const stripId = ({ id: _id, ...v }: NoteVersion): TeamNoteVersion => v;

/**
 * Local rows the documents lack go in: every tag and link missing from them, and notes. On a
 * first sync (just joined) a local note that differs from the team's is added beside it, so both
 * stay visible; on later starts only notes the team has no version of go in (any other
 * difference is a team change not yet applied here, which the documents then bring in). Returns
 * the addresses written.
 */
export function seedFromLocal(
  rows: SharedRows,
  teamId: TeamId,
  entriesOf: EntriesOf,
  stamp: Stamp,
  firstSync: boolean,
): Set<DocAddress> {
  const touched = new Set<DocAddress>();
  const tags = entriesOf({ teamId, kind: 'tags' });
  for (const t of rows.tags)
    if (!tags.has(t.id)) {
      touched.add({ teamId, kind: 'tags' });
      tags.set(t.id, {
        name: t.name,
        color: t.color,
        createdAt: t.createdAt,
        at: stamp.now,
        by: stamp.memberId,
      });
    }
  for (const l of rows.buyerTags) {
    const address: DocAddress = { teamId, kind: 'links', bucket: bucketOf(l.buyerKey) };
    const entries = entriesOf(address);
    const key = `${l.buyerKey}${KEY_SEP}${l.tagId}`;
    if (!entries.has(key)) {
      touched.add(address);
      entries.set(key, { at: l.at, by: stamp.memberId });
    }
  }
  for (const n of rows.notes) {
    const address: DocAddress = { teamId, kind: 'notes', bucket: bucketOf(n.buyerKey) };
    const entries = entriesOf(address);
    if (!firstSync && versionsOf(entries, n.buyerKey).length > 0) continue;
    touched.add(address);
    writeNote(entries, n.buyerKey, n.text, stamp, false);
  }
  return touched;
}
