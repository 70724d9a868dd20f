import type { z } from 'zod';
import { REQUESTS } from '../messageSchemas';
import type { MessageError, MessageName, ResponseOf, Result } from '../messaging';
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

export type Handlers = {
  [K in MessageName]: (
    data: z.output<(typeof REQUESTS)[K]['data']>,
    sender: SenderInfo,
  ) => Promise<ResponseOf<K>>;
};

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
 * Validates the sender and the data of one message, then runs its handler. Never throws: every
 * failure comes back as a `Result` error, so a malformed message cannot crash the worker.
 */
export async function dispatch<K extends MessageName>(
  name: K,
  rawData: unknown,
  rawSender: RawSender,
  env: SenderEnv,
  handlers: Handlers,
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
    const handler = handlers[name] as ((d: unknown, s: SenderInfo) => Promise<ResponseOf<K>>) | undefined;
    if (typeof handler !== 'function') {
      // A message declared in the protocol whose handler this build does not wire up.
      return {
        ok: false,
        error: { code: 'internal', message: `${name} is not available in this version of Buyer Tiers.` },
      };
    }
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (e) {
    return { ok: false, error: toMessageError(e) };
  }
}
