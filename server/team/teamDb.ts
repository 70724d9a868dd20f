/**
 * The server's SQLite file (better-sqlite3): the team, its members, their invites, and the Yjs
 * documents' stored state. WAL mode, so several server instances on one machine (the `--redis`
 * setup) can share one file. Every statement is prepared once.
 */
import Database from 'better-sqlite3';
import type { Member, Role, TeamErrorCode } from '../../core/team/protocol';
import { hashSecret, newCode, newId, newToken } from './secrets';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY, team_id TEXT NOT NULL, name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
  token_hash TEXT NOT NULL UNIQUE, joined_at INTEGER NOT NULL, removed_at INTEGER);
CREATE TABLE IF NOT EXISTS invites (
  code_hash TEXT PRIMARY KEY, team_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, redeemed_at INTEGER, redeemed_by TEXT);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL);
`;

/** An agent invite is good for a week; the owner's first code for 30 days. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const OWNER_CODE_TTL_MS = 30 * 24 * 3600_000;

export interface Team {
  id: string;
  name: string;
}

export interface ActiveMember {
  id: string;
  teamId: string;
  name: string;
  role: Role;
}

export type Redeemed =
  | { ok: true; member: ActiveMember; token: string }
  | { ok: false; error: TeamErrorCode };

interface MemberRow {
  id: string;
  team_id: string;
  name: string;
  role: Role;
  joined_at: number;
}

interface InviteRow {
  team_id: string;
  role: Role;
  expires_at: number;
  redeemed_at: number | null;
}

export class TeamDb {
  readonly db: Database.Database;
  private readonly q;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Another instance may hold the write lock for a moment; wait instead of failing.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.q = {
      team: this.db.prepare<[], Team>('SELECT id, name FROM team LIMIT 1'),
      insertTeam: this.db.prepare('INSERT INTO team (id, name, created_at) VALUES (?, ?, ?)'),
      insertInvite: this.db.prepare(
        'INSERT INTO invites (code_hash, team_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      invite: this.db.prepare<[string], InviteRow>(
        'SELECT team_id, role, expires_at, redeemed_at FROM invites WHERE code_hash = ?',
      ),
      redeem: this.db.prepare(
        'UPDATE invites SET redeemed_at = ?, redeemed_by = ? WHERE code_hash = ? AND redeemed_at IS NULL',
      ),
      dropOwnerInvites: this.db.prepare(
        "UPDATE invites SET expires_at = 0 WHERE role = 'owner' AND redeemed_at IS NULL",
      ),
      insertMember: this.db.prepare(
        'INSERT INTO members (id, team_id, name, role, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      byToken: this.db.prepare<[string], MemberRow>(
        'SELECT id, team_id, name, role, joined_at FROM members WHERE token_hash = ? AND removed_at IS NULL',
      ),
      byId: this.db.prepare<[string], MemberRow>(
        'SELECT id, team_id, name, role, joined_at FROM members WHERE id = ? AND removed_at IS NULL',
      ),
      members: this.db.prepare<[string], MemberRow>(
        'SELECT id, team_id, name, role, joined_at FROM members WHERE team_id = ? AND removed_at IS NULL ORDER BY joined_at',
      ),
      owners: this.db.prepare<[], { n: number }>(
        "SELECT COUNT(*) AS n FROM members WHERE role = 'owner' AND removed_at IS NULL",
      ),
      remove: this.db.prepare('UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
      doc: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?'),
      storeDoc: this.db.prepare(
        'INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      ),
    };
  }

  team(): Team | undefined {
    return this.q.team.get();
  }

  /**
   * Creates the team and the owner's join code on first start (in one immediate transaction, so
   * two instances started together create one team). Returns the code only when it made one.
   */
  ensureTeam(name: string, now = Date.now()): { team: Team; ownerCode?: string } {
    return this.db
      .transaction(() => {
        const existing = this.team();
        if (existing) return { team: existing };
        const team = { id: newId(), name };
        this.q.insertTeam.run(team.id, team.name, now);
        const ownerCode = newCode();
        this.q.insertInvite.run(hashSecret(ownerCode), team.id, 'owner', now, now + OWNER_CODE_TTL_MS);
        return { team, ownerCode };
      })
      .immediate();
  }

  hasOwner(): boolean {
    return (this.q.owners.get()?.n ?? 0) > 0;
  }

  /** A fresh owner code that replaces every unused one (for an owner who lost the first). */
  newOwnerCode(now = Date.now()): string {
    const team = this.team();
    if (!team) throw new Error('no team yet');
    const code = newCode();
    this.db.transaction(() => {
      this.q.dropOwnerInvites.run();
      this.q.insertInvite.run(hashSecret(code), team.id, 'owner', now, now + OWNER_CODE_TTL_MS);
    })();
    return code;
  }

  createInvite(teamId: string, role: Role, now = Date.now()): { code: string; expiresAt: number } {
    const code = newCode();
    const expiresAt = now + INVITE_TTL_MS;
    this.q.insertInvite.run(hashSecret(code), teamId, role, now, expiresAt);
    return { code, expiresAt };
  }

  /** Turns a normalised join code into a member with a fresh token; each code works once. */
  redeem(code: string, name: string, now = Date.now()): Redeemed {
    const codeHash = hashSecret(code);
    return this.db
      .transaction((): Redeemed => {
        const invite = this.q.invite.get(codeHash);
        if (!invite) return { ok: false, error: 'code-unknown' };
        if (invite.redeemed_at !== null) return { ok: false, error: 'code-used' };
        if (invite.expires_at <= now) return { ok: false, error: 'code-expired' };
        const member: ActiveMember = { id: newId(), teamId: invite.team_id, name, role: invite.role };
        const token = newToken();
        this.q.redeem.run(now, member.id, codeHash);
        this.q.insertMember.run(member.id, member.teamId, name, member.role, hashSecret(token), now);
        return { ok: true, member, token };
      })
      .immediate();
  }

  memberByToken(token: string): ActiveMember | undefined {
    const row = this.q.byToken.get(hashSecret(token));
    return row && toActive(row);
  }

  /** Looked up on every incoming write, so a removal on any instance takes effect at once. */
  activeMember(id: string): ActiveMember | undefined {
    const row = this.q.byId.get(id);
    return row && toActive(row);
  }

  members(teamId: string): Member[] {
    return this.q.members
      .all(teamId)
      .map((r) => ({ id: r.id, name: r.name, role: r.role, joinedAt: r.joined_at }));
  }

  /** Marks the member removed; its token stops working everywhere. */
  removeMember(id: string, now = Date.now()): boolean {
    return this.q.remove.run(now, id).changes > 0;
  }

  loadDocument(name: string): Uint8Array | null {
    const row = this.q.doc.get(name);
    return row ? new Uint8Array(row.data) : null;
  }

  storeDocument(name: string, state: Uint8Array, now = Date.now()): void {
    this.q.storeDoc.run(name, Buffer.from(state), now);
  }

  close(): void {
    this.db.close();
  }
}

const toActive = (r: MemberRow): ActiveMember => ({
  id: r.id,
  teamId: r.team_id,
  name: r.name,
  role: r.role,
});
