/**
 * Decides whether a Yjs update from a peer may be applied to a team document: it must decode, it
 * must touch only the document's `entries` map, and every entry it adds or changes must validate
 * (core/team/entries.ts). The update is tried on a scratch copy, so a refused update changes
 * nothing in the real document. Used by the server on every incoming update and by the client on
 * everything it receives.
 */
import * as Y from 'yjs';
import { checkEntry, ENTRIES } from './entries';
import { type DocAddress, MAX_MESSAGE_BYTES } from './protocol';

export type UpdateVerdict =
  | { ok: true }
  | { ok: false; reason: 'oversized' | 'malformed' | 'invalid'; why: string };

/** Tries `update` on a copy of `current`; `current` itself is never modified. */
export function checkUpdate(current: Y.Doc, address: DocAddress, update: Uint8Array): UpdateVerdict {
  if (update.byteLength > MAX_MESSAGE_BYTES)
    return { ok: false, reason: 'oversized', why: `update of ${update.byteLength} bytes` };
  try {
    // Decoding first rejects truncated or garbage bytes before anything is integrated.
    Y.decodeUpdate(update);
  } catch (e) {
    return { ok: false, reason: 'malformed', why: e instanceof Error ? e.message : String(e) };
  }
  const scratch = new Y.Doc({ gc: false });
  let verdict: UpdateVerdict = { ok: true };
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
    // Created before the update so a change to it is recognised as the entries map, and a change
    // to any other top-level name shows up as a type we never made.
    const entries = scratch.getMap<unknown>(ENTRIES);
    scratch.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) {
        if ((type as Y.AbstractType<unknown>) !== (entries as Y.AbstractType<unknown>)) {
          verdict = { ok: false, reason: 'invalid', why: 'update touches something other than entries' };
          return;
        }
        for (const key of keys) {
          if (key === null) {
            verdict = { ok: false, reason: 'invalid', why: 'entries is a map, not a list' };
            return;
          }
          const check = checkEntry(address, key, entries.get(key));
          if (!check.ok) {
            verdict = { ok: false, reason: 'invalid', why: `${key}: ${check.why}` };
            return;
          }
        }
      }
    });
    // Items whose dependencies are missing wait in the scratch copy's pending set, as they would
    // in the real document; they are checked when the update that completes them arrives, since
    // the copy is made from the document's state including what is pending.
    Y.applyUpdate(scratch, update);
  } catch (e) {
    verdict = { ok: false, reason: 'malformed', why: e instanceof Error ? e.message : String(e) };
  } finally {
    scratch.destroy();
  }
  return verdict;
}
