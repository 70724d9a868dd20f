/**
 * Team sync as the real background builds it: the session in extension storage, the documents
 * in their own IndexedDB database, the browser's fetch and WebSocket, and the seller's optional
 * host permission for the server's origin.
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../../sites/ruleAdapter';
import type { BuyerTiersDB } from '../../store';
import { TeamState } from '../../store/teamState';
import { type SessionStore, TeamSession } from './membership';
import { TeamService } from './service';
import { TeamSync } from './sync';

const SESSION_KEY = 'teamSession';

/** The stored session, or null; a stored value that no longer validates counts as none. */
export const extensionSessions: SessionStore = {
  async get() {
    const stored = await browser.storage.local.get(SESSION_KEY);
    const parsed = TeamSession.safeParse(stored[SESSION_KEY]);
    return parsed.success ? parsed.data : null;
  },
  async set(session) {
    if (session === null) await browser.storage.local.remove(SESSION_KEY);
    else await browser.storage.local.set({ [SESSION_KEY]: session });
  },
};

export function createTeamService(db: BuyerTiersDB, now: () => number): TeamService {
  const sync = new TeamSync({ db, state: new TeamState(), now, newId: () => crypto.randomUUID() });
  return new TeamService({
    sessions: extensionSessions,
    sync,
    now,
    fetch: (url, init) => fetch(url, init),
    hasOriginPermission: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
  });
}
