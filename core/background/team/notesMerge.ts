/**
 * A buyer's note as versions in a team document (core/team/entries.ts): the note a seller sees
 * is every version nobody replaced. One such version is the note; two or more (edited in two
 * places at once) are all kept, shown one after another, oldest first, until someone saves the
 * note again, which replaces them all. Nothing is ever dropped silently.
 */
import type { TeamNoteVersion } from '../../team/entries';

/** Shown between concurrent versions of one note: no words, so no language is assumed. */
export const VERSION_SEPARATOR = '\n\n⸻\n\n';
/** The local note's limit (core/model Note); the versions themselves stay whole in the team. */
const NOTE_MAX = 5000;

export interface NoteVersion extends TeamNoteVersion {
  id: string;
}

/** The versions no other version replaces, oldest first. */
export function heads(versions: readonly NoteVersion[]): NoteVersion[] {
  const replaced = new Set(versions.flatMap((v) => v.replaces));
  return versions.filter((v) => !replaced.has(v.id)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The text the local note gets: the one head, or every head joined visibly; null for no note. */
export function noteText(versions: readonly NoteVersion[]): string | null {
  const live = heads(versions).filter((v) => v.text !== '');
  if (live.length === 0) return null;
  return live
    .map((v) => v.text)
    .join(VERSION_SEPARATOR)
    .slice(0, NOTE_MAX);
}
