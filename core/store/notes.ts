import { type Note, Note as NoteSchema } from '../model';
import type { BuyerTiersDB } from './db';

/** Saves a note; an empty note deletes it. */
export async function saveNote(
  db: BuyerTiersDB,
  buyerKey: string,
  text: string,
  now: number,
): Promise<Note | null> {
  const note = NoteSchema.parse({ buyerKey, text: text.trim(), updatedAt: now });
  if (note.text === '') {
    await db.notes.delete(buyerKey);
    return null;
  }
  await db.notes.put(note);
  return note;
}

export async function getNote(db: BuyerTiersDB, buyerKey: string): Promise<Note | undefined> {
  return db.notes.get(buyerKey);
}
