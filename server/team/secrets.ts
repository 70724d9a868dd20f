/**
 * Join codes, member tokens and ids. Only hashes of codes and tokens are stored, so a copy of
 * the database does not let anyone join or connect.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../../core/team/protocol';

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 32 random bytes: a bearer secret for one member. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Lowercase letters and digits, matching the protocol's TeamId and MemberId. */
export const newId = (): string => randomBytes(10).toString('hex');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
