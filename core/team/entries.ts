/**
 * What a team document holds: one Y.Map named `entries` per document, with plain JSON values.
 * Each kind's keys and values are checked here by both the server (before an update is applied)
 * and the client (before an entry reaches Dexie), so a broken or hostile peer's entry is
 * refused on both sides.
 */
import { z } from 'zod';
import {
  BuyerClasses,
  BuyerKey,
  ClassChange,
  EpochMs,
  MinorUnits,
  Settings,
  TagColor,
  TagName,
} from '../model';
import { NeedsRecord } from '../needs/record';
import { ActionTemplates } from '../scoring/actions';
import { CustomRule } from '../sites/customRule';
import { bucketOf, type DocAddress, type DocKind, MemberId } from './protocol';

/** The one top-level Y type every team document uses. */
export const ENTRIES = 'entries';

/** Separates a buyer key from a tag id or a note version id inside one map key. */
export const KEY_SEP = '\u001f';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id: 1–64 letters, digits, - or _');

/** Who wrote an entry and when: shown on badges and cards ("tagged by Li, 3 min ago"). */
const Stamp = { at: EpochMs, by: MemberId };

export const TeamTag = z.object({ name: TagName, color: TagColor, createdAt: EpochMs, ...Stamp });
export type TeamTag = z.infer<typeof TeamTag>;

/** A buyer–tag link; its presence under `buyerKey␟tagId` is the link, deleting the key unlinks. */
export const TeamLink = z.object(Stamp);
export type TeamLink = z.infer<typeof TeamLink>;

/**
 * One version of a buyer's note, under `buyerKey␟versionId`. A version names the versions it
 * replaces; the note a seller sees is every version nobody replaced, so two concurrent edits of
 * one note both stay visible until someone writes a version replacing both.
 */
export const TeamNoteVersion = z.object({
  text: z.string().max(5000, 'note is longer than 5000 characters'),
  replaces: z.array(Id).max(20),
  ...Stamp,
});
export type TeamNoteVersion = z.infer<typeof TeamNoteVersion>;

/** What an agent without orders needs to show the same badge and card as the owner. */
export const ClassSummary = z.object({
  classes: BuyerClasses,
  orders: z.number().int().nonnegative(),
  paidSpend: MinorUnits,
  currency: z.string().regex(/^[A-Z]{3}$/),
  lastOrderAt: EpochMs.optional(),
  change: ClassChange.pick({ dimension: true, from: true, to: true, at: true }).optional(),
  ...Stamp,
});
export type ClassSummary = z.infer<typeof ClassSummary>;

export const SETTINGS_KEY = 'shop';
export const TEMPLATES_KEY = 'list';

export type EntryCheck = { ok: true } | { ok: false; why: string };
const OK: EntryCheck = { ok: true };
const no = (why: string): EntryCheck => ({ ok: false, why });

function checkValue(schema: z.ZodType, value: unknown): EntryCheck {
  const r = schema.safeParse(value);
  return r.success ? OK : no(r.error.issues[0]?.message ?? 'invalid value');
}

/** The buyer key at the front of a bucketed key, checked to belong to the document's bucket. */
function buyerPart(key: string, address: DocAddress, compound: boolean): string | null {
  const buyerKey = compound ? key.slice(0, key.lastIndexOf(KEY_SEP)) : key;
  if (compound && key.lastIndexOf(KEY_SEP) < 1) return null;
  if (!BuyerKey.safeParse(buyerKey).success) return null;
  return bucketOf(buyerKey) === address.bucket ? buyerKey : null;
}

const afterSep = (key: string) => key.slice(key.lastIndexOf(KEY_SEP) + 1);

/**
 * Checks one changed entry of a document: its key has the kind's shape (and, for bucketed kinds,
 * a buyer of that bucket), and its value, unless deleted (`undefined`), validates.
 */
export function checkEntry(address: DocAddress, key: string, value: unknown): EntryCheck {
  const deleted = value === undefined;
  const kind: DocKind = address.kind;
  switch (kind) {
    case 'settings':
      if (key !== SETTINGS_KEY) return no(`settings key must be "${SETTINGS_KEY}"`);
      return deleted ? no('settings cannot be deleted') : checkValue(Settings, value);
    case 'templates':
      if (key !== TEMPLATES_KEY) return no(`templates key must be "${TEMPLATES_KEY}"`);
      return deleted ? OK : checkValue(ActionTemplates, value);
    case 'rules': {
      if (!Id.safeParse(key).success) return no('rule key is not a rule id');
      if (deleted) return OK;
      const r = CustomRule.safeParse(value);
      if (!r.success) return no(r.error.issues[0]?.message ?? 'invalid rule');
      return r.data.id === key ? OK : no('rule id does not match its key');
    }
    case 'tags':
      if (!Id.safeParse(key).success) return no('tag key is not a tag id');
      return deleted ? OK : checkValue(TeamTag, value);
    case 'links':
      if (!buyerPart(key, address, true) || !Id.safeParse(afterSep(key)).success)
        return no('link key must be buyerKey␟tagId of this bucket');
      return deleted ? OK : checkValue(TeamLink, value);
    case 'notes':
      if (!buyerPart(key, address, true) || !Id.safeParse(afterSep(key)).success)
        return no('note key must be buyerKey␟versionId of this bucket');
      return deleted ? OK : checkValue(TeamNoteVersion, value);
    case 'needs': {
      if (!buyerPart(key, address, false)) return no('needs key must be a buyer key of this bucket');
      if (deleted) return OK;
      const r = NeedsRecord.safeParse(value);
      if (!r.success) return no(r.error.issues[0]?.message ?? 'invalid needs record');
      return r.data.buyerKey === key ? OK : no('needs record is for another buyer');
    }
    case 'classes':
      if (!buyerPart(key, address, false)) return no('class key must be a buyer key of this bucket');
      return deleted ? OK : checkValue(ClassSummary, value);
  }
}
