import { z } from 'zod';
import { fromBase64, toBase64 } from './base64';
import { BackupError } from './errors';
import { PASSPHRASE_PROBLEM_TEXT, passphraseProblem } from './passphrase';

export const ENCRYPTED_FORMAT = 'buyer-tiers-backup-encrypted';
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
export const MIN_ITERATIONS = 600_000;
/** Upper bound accepted on decrypt, so a crafted file cannot hang the browser. */
const MAX_ITERATIONS = 10_000_000;

export const EncryptedEnvelope = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    salt: z.string().min(1).max(200),
  }),
  iv: z.string().min(1).max(100),
  ciphertext: z.string().min(1),
});
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelope>;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new BackupError('crypto-unavailable', 'WebCrypto is not available here');
  return s;
}

/**
 * The passphrase is NFC-normalised so the same typed characters give the same key on every
 * OS keyboard. It is only used to derive the key and never stored.
 */
async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The envelope's header is authenticated too (AES-GCM additional data). */
function additionalData(e: Pick<EncryptedEnvelope, 'format' | 'version' | 'kdf'>): Uint8Array {
  return new TextEncoder().encode(`${e.format}|${e.version}|${e.kdf.name}|${e.kdf.iterations}|${e.kdf.salt}`);
}

export function isEncryptedEnvelope(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === ENCRYPTED_FORMAT
  );
}

/** Encrypts backup text with AES-GCM-256 under a PBKDF2-SHA256 key (fresh random salt and IV). */
export async function encryptBackup(
  plaintext: string,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<EncryptedEnvelope> {
  if (passphrase.length === 0) throw new BackupError('passphrase-required', 'choose a passphrase');
  const weak = passphraseProblem(passphrase);
  if (weak) throw new BackupError('weak-passphrase', PASSPHRASE_PROBLEM_TEXT[weak]);
  const iterations = options.iterations ?? MIN_ITERATIONS;
  if (iterations < MIN_ITERATIONS) throw new RangeError(`at least ${MIN_ITERATIONS} PBKDF2 iterations`);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: ENCRYPTED_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: additionalData(head) as BufferSource },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { ...head, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ct)) };
}

/**
 * Decrypts an envelope. A wrong passphrase and a modified file are indistinguishable by design
 * of AES-GCM: both give `wrong-passphrase-or-tampered` and no plaintext at all.
 */
export async function decryptBackup(envelope: unknown, passphrase: string): Promise<string> {
  const parsed = EncryptedEnvelope.safeParse(envelope);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new BackupError('bad-envelope', `encrypted backup is damaged: ${i.path.join('.')}: ${i.message}`);
  }
  if (passphrase.length === 0)
    throw new BackupError('passphrase-required', 'this backup is encrypted: enter its passphrase');
  const e = parsed.data;
  let salt: Uint8Array;
  let iv: Uint8Array;
  let ct: Uint8Array;
  try {
    salt = fromBase64(e.kdf.salt);
    iv = fromBase64(e.iv);
    ct = fromBase64(e.ciphertext);
  } catch {
    throw new BackupError('bad-envelope', 'encrypted backup is damaged: bad base64');
  }
  if (iv.length !== 12) throw new BackupError('bad-envelope', 'encrypted backup is damaged: bad IV length');
  const key = await deriveKey(passphrase, salt, e.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: additionalData(e) as BufferSource },
      key,
      ct as BufferSource,
    );
  } catch {
    throw new BackupError(
      'wrong-passphrase-or-tampered',
      'cannot decrypt: the passphrase is wrong or the file was changed',
    );
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(plain);
}
