/**
 * The team-sync protocol, shared by the extension and the Node team server (server/team): which
 * Yjs documents a team has, who may write each, and the HTTP endpoints' payloads. Pure: no
 * browser, no Node, no Dexie, so both sides import the one definition and cannot drift.
 */
import { z } from 'zod';

export const ROLES = ['owner', 'agent'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Buyer-keyed tables are split into this many documents (by a hash of the buyer key), so 100k
 * buyers become documents of ~1.6k entries that sync in one round trip each, and one edit
 * re-sends only its bucket's state vector, not the whole shop's.
 */
export const BUCKETS = 64;

/** Documents with one copy per team. */
export const SINGLE_KINDS = ['settings', 'rules', 'templates', 'tags'] as const;
/** Documents split by buyer-key bucket. */
export const BUCKETED_KINDS = ['links', 'notes', 'needs', 'classes'] as const;
export const DOC_KINDS = [...SINGLE_KINDS, ...BUCKETED_KINDS] as const;
export type SingleKind = (typeof SINGLE_KINDS)[number];
export type BucketedKind = (typeof BUCKETED_KINDS)[number];
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * Who may change each document. The server enforces this on every connection (an agent's
 * connection to an owner-only document is read-only, so its updates are refused, not applied);
 * the UI only mirrors it.
 */
export const WRITERS: Readonly<Record<DocKind, readonly Role[]>> = {
  settings: ['owner'],
  rules: ['owner'],
  templates: ['owner'],
  tags: ['owner', 'agent'],
  links: ['owner', 'agent'],
  notes: ['owner', 'agent'],
  needs: ['owner', 'agent'],
  classes: ['owner', 'agent'],
};

export const canWrite = (role: Role, kind: DocKind): boolean => WRITERS[kind].includes(role);

/** Team ids are server-generated: lowercase letters and digits. */
export const TeamId = z
  .string()
  .regex(/^[a-z0-9]{8,32}$/, 'team id must be 8–32 lowercase letters or digits');
export type TeamId = z.infer<typeof TeamId>;

export interface DocAddress {
  teamId: TeamId;
  kind: DocKind;
  /** Present exactly for bucketed kinds. */
  bucket?: number;
}

/** `team/<teamId>/<kind>` or `team/<teamId>/<kind>/<bucket>`. */
export function docName(a: DocAddress): string {
  const base = `team/${a.teamId}/${a.kind}`;
  return a.bucket === undefined ? base : `${base}/${a.bucket}`;
}

const DOC_NAME = /^team\/([a-z0-9]{8,32})\/([a-z]+)(?:\/(\d{1,3}))?$/;

/** The address a document name stands for, or null when the name is not one of ours. */
export function parseDocName(name: string): DocAddress | null {
  const m = DOC_NAME.exec(name);
  if (!m) return null;
  const kind = m[2] as DocKind;
  if (!(DOC_KINDS as readonly string[]).includes(kind)) return null;
  const bucketed = (BUCKETED_KINDS as readonly string[]).includes(kind);
  if (bucketed !== (m[3] !== undefined)) return null;
  if (!bucketed) return { teamId: m[1], kind };
  const bucket = Number(m[3]);
  if (bucket >= BUCKETS || String(bucket) !== m[3]) return null;
  return { teamId: m[1], kind, bucket };
}

/** Every document of a team, in a stable order (single documents first). */
export function allDocNames(teamId: TeamId): string[] {
  const names = SINGLE_KINDS.map((kind) => docName({ teamId, kind }));
  for (const kind of BUCKETED_KINDS)
    for (let bucket = 0; bucket < BUCKETS; bucket++) names.push(docName({ teamId, kind, bucket }));
  return names;
}

/** A buyer's bucket: FNV-1a over the key's UTF-16 code units, the same in every browser and the server. */
export function bucketOf(buyerKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < buyerKey.length; i++) {
    h ^= buyerKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/**
 * Largest sync message the server and the client accept. The biggest legitimate one is a first
 * sync of a full class-summary bucket (~1.6k summaries of ~250 bytes); anything far beyond that
 * is a broken or hostile peer.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

// ---- join codes ----------------------------------------------------------------------------

/** Crockford base32 without I, L, O, U: nothing a seller can misread when typing a code. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** Upper-cases a typed code and drops spaces and dashes; returns null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** `ABCD-EFGH-JKMN`: how a code is printed and shown. */
export const formatCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

// ---- HTTP endpoints ------------------------------------------------------------------------

export const ENDPOINTS = {
  join: '/team/join',
  info: '/team/info',
  invites: '/team/invites',
  members: '/team/members',
} as const;

export const MemberName = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(60, 'name is longer than 60 characters');

export const JoinRequest = z.object({ code: z.string().max(40), name: MemberName });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const MemberId = z.string().regex(/^[a-z0-9]{8,32}$/);

export const Membership = z.object({
  teamId: TeamId,
  teamName: z.string().max(100),
  memberId: MemberId,
  name: MemberName,
  role: Role,
});
export type Membership = z.infer<typeof Membership>;

export const JoinResponse = Membership.extend({ token: z.string().min(20).max(200) });
export type JoinResponse = z.infer<typeof JoinResponse>;

export const InviteRequest = z.object({ role: z.literal('agent') });
export type InviteRequest = z.infer<typeof InviteRequest>;

export const InviteResponse = z.object({ code: z.string(), expiresAt: z.number().int() });
export type InviteResponse = z.infer<typeof InviteResponse>;

export const Member = z.object({
  id: MemberId,
  name: MemberName,
  role: Role,
  joinedAt: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const RemoveResponse = z.object({ removed: MemberId });

/** Why the server refused; the client turns each into words for the seller (i18n). */
export const TEAM_ERRORS = [
  'bad-request',
  'code-unknown',
  'code-used',
  'code-expired',
  'not-a-member',
  'owner-only',
  'member-unknown',
  'cannot-remove-owner',
  'not-found',
] as const;
export const TeamErrorCode = z.enum(TEAM_ERRORS);
export type TeamErrorCode = z.infer<typeof TeamErrorCode>;

export const TeamError = z.object({ error: TeamErrorCode, message: z.string() });
export type TeamError = z.infer<typeof TeamError>;

/** WebSocket close reasons the server sends when it refuses a connection or a message. */
export const CLOSE_REASONS = {
  notAMember: 'not-a-member',
  wrongTeam: 'wrong-team',
  unknownDocument: 'unknown-document',
  revoked: 'membership-revoked',
  oversized: 'update-too-large',
  malformed: 'update-malformed',
  invalid: 'update-invalid',
} as const;
