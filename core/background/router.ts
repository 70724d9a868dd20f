import type { z } from 'zod';
import { REQUESTS, type RequestSpec } from '../messageSchemas';
import type { ChangeSignal, MessageError, MessageName, ResponseOf, Result } from '../messaging';
import { classifySender, type RawSender, type SenderEnv, type SenderInfo } from './sender';

/** A typed failure a handler throws on purpose; anything else becomes `internal`. */
export class HandlerError extends Error {
  constructor(
    readonly code: MessageError['code'],
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

/**
 * What one call changed, told to the router: the kinds come from the message's `invalidates`,
 * the handler adds only what it alone knows.
 */
export interface CallChanges {
  /**
   * The buyers this call changed (an empty list: none, so no signal). Without this call the
   * signal means "many or all buyers".
   */
  buyers(keys: readonly string[]): void;
  /** The call found nothing to change after all (a buyer already known, counts unchanged). */
  none(): void;
}

export type Handlers = {
  [K in MessageName]: (
    data: z.output<(typeof REQUESTS)[K]['data']>,
    sender: SenderInfo,
    changes: CallChanges,
  ) => Promise<ResponseOf<K>>;
};

/** Where the router sends the change signal of a successful call. */
export type Announce = (change: Omit<ChangeSignal, 'at'>) => void;

/** The background as the router reaches it: the handler map and where changes are announced. */
export interface Background {
  handlers: Handlers;
  announce: Announce;
}

/** Collects one call's changes; `signal` is what the router announces (undefined: nothing). */
function changesOf(name: string, invalidates: RequestSpec['invalidates']) {
  let buyerKeys: string[] | undefined;
  let nothing = false;
  const declared = (): void => {
    // A handler naming changes its message does not declare is a protocol bug, not a page's.
    if (!invalidates?.length) throw new Error(`${name} reports changes but declares no invalidates.`);
  };
  const changes: CallChanges = {
    buyers(keys) {
      declared();
      buyerKeys = [...(buyerKeys ?? []), ...keys];
    },
    none() {
      declared();
      nothing = true;
    },
  };
  const signal = (): Omit<ChangeSignal, 'at'> | undefined => {
    if (!invalidates?.length || nothing) return undefined;
    if (buyerKeys !== undefined && buyerKeys.length === 0) return undefined;
    return { buyerKeys: [...new Set(buyerKeys ?? [])], kinds: [...invalidates] };
  };
  return { changes, signal };
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/**
 * The background's handler map from its parts (admin, site rules, imports…). Two parts answering
 * one message is a start-up error naming it: with object spread the later part would silently
 * win, and which one answers would depend on the order of a list.
 */
export function combineHandlers<P extends object[]>(...parts: P): UnionToIntersection<P[number]> {
  // No prototype: a message named like an Object method is a name like any other.
  const out: Record<string, unknown> = Object.create(null);
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`Two handlers answer the message "${name}".`);
      out[name] = handler;
    }
  }
  return out as UnionToIntersection<P[number]>;
}

function zodDetails(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`);
}

/** Maps errors from Dexie, zod and our own code to a typed error the caller can show. */
export function toMessageError(e: unknown): MessageError {
  if (e instanceof HandlerError) return { code: e.code, message: e.message, details: e.details };
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'ZodError') {
    return { code: 'invalid-message', message: 'Invalid data', details: zodDetails(e as z.ZodError) };
  }
  if (name === 'TagError' || name === 'OrderValidationError') return { code: 'conflict', message };
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return {
      code: 'quota',
      message:
        'The browser has no more storage space for Buyer Tiers; nothing was written. Free some disk space or delete old data.',
    };
  }
  if (name.endsWith('Error') && /Dexie|IDB|Database|Transaction|Abort/i.test(`${name} ${message}`)) {
    return { code: 'storage', message: `Database error, nothing was written: ${message}` };
  }
  return { code: 'internal', message: message || 'Unexpected error' };
}

/**
 * Validates the sender and the data of one message, runs its handler and, when it succeeds,
 * announces what the message declares it invalidates. Never throws: every failure comes back as
 * a `Result` error, so a malformed message cannot crash the worker.
 */
export async function dispatch<K extends MessageName>(
  name: K,
  rawData: unknown,
  rawSender: RawSender,
  env: SenderEnv,
  background: Background,
): Promise<Result<ResponseOf<K>>> {
  try {
    // Own names only: `__proto__` or `toString` must not find Object.prototype's members.
    const spec = Object.hasOwn(REQUESTS, name) ? REQUESTS[name] : undefined;
    if (!spec)
      return { ok: false, error: { code: 'invalid-message', message: `Unknown message ${String(name)}` } };
    const sender = await classifySender(rawSender, env);
    if (!sender)
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Messages are accepted only from Buyer Tiers itself.' },
      };
    if (spec.from !== 'any' && spec.from !== sender.kind) {
      return {
        ok: false,
        error: { code: 'forbidden', message: `${name} is not available to ${sender.kind} scripts.` },
      };
    }
    const parsed = spec.data.safeParse(rawData);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-message',
          message: `Invalid ${name} message`,
          details: zodDetails(parsed.error),
        },
      };
    }
    const handler = background.handlers[name] as
      | ((d: unknown, s: SenderInfo, c: CallChanges) => Promise<ResponseOf<K>>)
      | undefined;
    if (typeof handler !== 'function') {
      // A message declared in the protocol whose handler this build does not wire up.
      return {
        ok: false,
        error: { code: 'internal', message: `${name} is not available in this version of Buyer Tiers.` },
      };
    }
    const call = changesOf(name, (spec as RequestSpec).invalidates);
    const value = await handler(parsed.data, sender, call.changes);
    // Only after success: a refused or failed call wrote nothing (its transaction rolled back).
    const change = call.signal();
    if (change) {
      // The write has committed: a listener that fails must not report it as failed.
      try {
        background.announce(change);
      } catch (e) {
        console.warn('[Buyer Tiers] change signal:', e);
      }
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toMessageError(e) };
  }
}
