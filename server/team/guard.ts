/**
 * Who may connect and what they may send. Every WebSocket document connection is authenticated
 * with a member token; an agent's connection to an owner-only document is read-only, so
 * Hocuspocus refuses (does not apply) its updates. Every incoming message is checked again: the
 * member must still be in the team (a removal on any instance counts at once), and an update must
 * be small, well formed and hold only valid entries, or the connection is closed and the update
 * is dropped unapplied.
 */
import type {
  beforeHandleMessagePayload,
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import {
  CLOSE_REASONS,
  canWrite,
  type DocAddress,
  MAX_MESSAGE_BYTES,
  parseDocName,
  type Role,
} from '../../core/team/protocol';
import { checkUpdate } from '../../core/team/updateCheck';
import type { TeamDb } from './teamDb';

/** What onAuthenticate leaves on every connection's context. */
export interface MemberContext {
  memberId: string;
  role: Role;
  address: DocAddress;
}

/** Hocuspocus turns a thrown `{ reason }` into a permission-denied message with that reason. */
const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

/** Hocuspocus closes the connection with this code and reason when a message hook throws it. */
const closeWith = (code: number, reason: string) => Object.assign(new Error(reason), { code, reason });

// y-protocols message numbers, as Hocuspocus frames them after the document name.
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a message carries, if it carries one (sync step 2 or update). */
function updateIn(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(d);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(d);
}

export function teamGuard(db: TeamDb): Extension {
  return {
    extensionName: 'buyer-tiers-team-guard',
    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload) {
      const address = parseDocName(documentName);
      if (!address) throw refuse(CLOSE_REASONS.unknownDocument);
      const member = db.memberByToken(token);
      if (!member) throw refuse(CLOSE_REASONS.notAMember);
      if (member.teamId !== address.teamId) throw refuse(CLOSE_REASONS.wrongTeam);
      connectionConfig.readOnly = !canWrite(member.role, address.kind);
      const context: MemberContext = { memberId: member.id, role: member.role, address };
      return context;
    },

    async beforeHandleMessage({
      update: message,
      context,
      connection,
      document,
    }: beforeHandleMessagePayload) {
      const ctx = context as MemberContext;
      if (message.byteLength > MAX_MESSAGE_BYTES) throw closeWith(4413, CLOSE_REASONS.oversized);
      if (!db.activeMember(ctx.memberId)) throw closeWith(4401, CLOSE_REASONS.revoked);
      let update: Uint8Array | null;
      try {
        update = updateIn(message);
      } catch {
        throw closeWith(4400, CLOSE_REASONS.malformed);
      }
      // A read-only connection's update is refused by Hocuspocus itself, unapplied.
      if (!update || connection.readOnly) return;
      const verdict = checkUpdate(document, ctx.address, update);
      if (!verdict.ok) {
        console.warn(`refused an update to ${document.name} from member ${ctx.memberId}: ${verdict.why}`);
        throw closeWith(4400, CLOSE_REASONS[verdict.reason]);
      }
    },
  };
}

/** Closes every live connection of a removed member on this instance. */
export function disconnectMember(instance: Hocuspocus, memberId: string): void {
  for (const document of instance.documents.values())
    for (const { connection } of document.connections.values())
      if ((connection.context as MemberContext | undefined)?.memberId === memberId)
        connection.close({ code: 4401, reason: CLOSE_REASONS.revoked });
}
