/**
 * Team sync's own small database, apart from the main one (whose schema does not change for
 * teams): each Yjs document's state, so a stopped service worker resumes from it (and sends what
 * was written offline) instead of downloading the team again.
 */
import Dexie, { type Table } from 'dexie';

export const TEAM_DB_NAME = 'buyer-tiers-team';

interface DocStateRow {
  name: string;
  /** The document's whole state as one Yjs update. */
  state: Uint8Array;
}

class TeamStateDB extends Dexie {
  docs!: Table<DocStateRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ docs: 'name' });
  }
}

export class TeamState {
  private readonly db: TeamStateDB;
  constructor(name = TEAM_DB_NAME) {
    this.db = new TeamStateDB(name);
  }

  async load(): Promise<Map<string, Uint8Array>> {
    const rows = await this.db.docs.toArray();
    return new Map(rows.map((r) => [r.name, r.state]));
  }

  async save(states: ReadonlyMap<string, Uint8Array>): Promise<void> {
    await this.db.docs.bulkPut([...states].map(([name, state]) => ({ name, state })));
  }

  /** Forgets every document (leaving a team). */
  async clear(): Promise<void> {
    await this.db.docs.clear();
  }

  close(): void {
    this.db.close();
  }
}
