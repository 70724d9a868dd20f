/**
 * Backup restore under fuzzed input: random JSON, deeply nested JSON, wrong types in every field,
 * truncated files, and tampered encrypted envelopes (header, salt, IV, ciphertext, tag). A restore
 * either returns a fully valid backup or throws a BackupError with a clear message: never another
 * error, never partial data.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  type BackupFile,
  createBackup,
  decryptBackup,
  type EncryptedEnvelope,
  encryptBackup,
  fromBase64,
  MAX_BACKUP_DEPTH,
  parseBackup,
  readBackup,
  serializeBackup,
  toBase64,
  validateBackup,
} from '@/core/backup';
import { sampleBackupData } from '../../support/backup';
import { count, params, report, scaled, TIMEOUT } from './budget';

afterAll(report);

const CODES = new Set([
  'not-json',
  'not-a-backup',
  'unsupported-version',
  'invalid-record',
  'passphrase-required',
  'wrong-passphrase-or-tampered',
  'bad-envelope',
]);

const backup = createBackup(sampleBackupData(), 1_700_000_000_000);
const text = serializeBackup(backup);

/** Runs a restore; returns the backup or the BackupError, failing on any other outcome. */
async function outcome(run: () => BackupFile | Promise<BackupFile>): Promise<BackupFile | BackupError> {
  try {
    const b = await run();
    // Whatever comes back is a whole, valid backup (validation is idempotent).
    expect(validateBackup(JSON.parse(JSON.stringify(b)))).toEqual(b);
    return b;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    expect(CODES.has(e.code)).toBe(true);
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.message.length).toBeLessThan(600);
    return e;
  }
}

async function expectError(run: () => BackupFile | Promise<BackupFile>, code?: string): Promise<BackupError> {
  const r = await outcome(run);
  expect(r).toBeInstanceOf(BackupError);
  if (code) expect((r as BackupError).code).toBe(code);
  return r as BackupError;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in `v` (object keys and array indexes). */
function pathsOf(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(v)) for (const [i, c] of v.entries()) pathsOf(c, [...prefix, i], out);
  else if (v && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) pathsOf(c, [...prefix, k], out);
  if (prefix.length > 0) out.push(prefix);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(root);
  let at = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

function nested(depth: number, open: string, close: string): string {
  return open.repeat(depth) + close.repeat(depth);
}

describe('plain backup restore under fuzzed input', { timeout: TIMEOUT }, () => {
  it('random JSON values and random text: a BackupError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 200 }),
        ),
        async (t) => {
          count('parseBackup/readBackup: random JSON and text');
          await expectError(() => parseBackup(t));
          await expectError(() => readBackup(t));
        },
      ),
      params(),
    );
  });

  it('random JSON under a valid header: a BackupError naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 })),
        async (extra) => {
          count('parseBackup: random body under a valid header');
          const t = JSON.stringify({ ...extra, format: 'buyer-tiers-backup', version: 1, createdAt: 1 });
          await expectError(() => parseBackup(t));
        },
      ),
      params(),
    );
  });

  it('wrong type (or a deleted value) at any path of a real backup', async () => {
    const json = JSON.parse(text) as Json;
    const paths = pathsOf(json);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.option(
          fc.oneof(
            fc.jsonValue({ maxDepth: 3 }),
            fc.constantFrom<Json>(-1, 1.5, '', 'x'.repeat(5001), [], {}, null, 1e308),
          ),
          {
            nil: undefined,
          },
        ),
        async (path, value) => {
          count('parseBackup: wrong type per field');
          const r = await outcome(() =>
            parseBackup(JSON.stringify(setAt(json, path, value as Json | undefined))),
          );
          if (r instanceof BackupError && r.code === 'invalid-record') {
            // The message names the table (or settings) where the problem is.
            expect(r.message).toMatch(
              /backup is invalid: (settings|buyers|orders|tags|buyerTags|notes|classChanges|imports|siteRules|selectorHealth|needs|importRejects|importPresets|actionTemplates|needsLexicon)/,
            );
          }
        },
      ),
      params(scaled(200)),
    );
  });

  it('a restore never drops records silently: every record of a valid file comes back', async () => {
    const b = (await outcome(() => parseBackup(text))) as BackupFile;
    expect(b).toEqual(backup);
  });

  it('a file truncated at any point is refused as not JSON', async () => {
    for (let cut = 0; cut < text.length; cut++) {
      await expectError(() => parseBackup(text.slice(0, cut)), 'not-json');
    }
    count('parseBackup: truncated at every byte', text.length);
  });

  it('deeply nested JSON (10,000 and 1,000,000 levels) is refused clearly without overflowing the stack', async () => {
    const deep = [
      nested(10_000, '[', ']'),
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      nested(1_000_000, '[', ']'),
    ];
    // Deep values hidden inside an otherwise valid backup, where a schema allows `unknown`.
    const inner = (depth: number) => `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const hidden = [
      text.replace('"settings":{', `"settings":{"deep":${inner(10_000)},`),
      text.replace('"buyers":[', `"buyers":[${nested(10_000, '[', ']')},`),
      text.replace(
        '"imports":[{',
        `"imports":[{"source":{"headHash":"a","encoding":"utf-8","batchSize":1,"timeZone":"UTC","options":${inner(10_000)}},`,
      ),
      text.replace('"format":', `"x":${inner(MAX_BACKUP_DEPTH + 1)},"format":`),
    ];
    for (const t of [...deep, ...hidden]) await expectError(() => readBackup(t));
    // The regression: a deep value where the record schema takes `unknown` must not get through
    // validation, or IndexedDB (structured clone) and the next backup (JSON.stringify) overflow.
    const e = await expectError(() => parseBackup(hidden[2]), 'not-a-backup');
    expect(e.message).toMatch(/levels deep/);
    count('parseBackup/readBackup: deeply nested JSON', deep.length + hidden.length);
  });

  it('a deep-but-legal backup (depth below the limit) still restores', async () => {
    const ok = text.replace('"format":', `"extra":${'['.repeat(20)}${']'.repeat(20)},"format":`);
    const r = await outcome(() => parseBackup(ok));
    expect(r).not.toBeInstanceOf(BackupError);
  });
});

describe('encrypted backups: wrong passphrase or tampered file', { timeout: TIMEOUT }, () => {
  const PASS = 'correct horse battery staple';
  let envelope: EncryptedEnvelope;
  const envelopeReady = encryptBackup(text, PASS).then((e) => {
    envelope = e;
  });

  /** Flips one byte of a base64 field, keeping it valid base64. */
  function flip(b64: string, index: number): string {
    const bytes = fromBase64(b64);
    bytes[index % bytes.length] ^= 0x01;
    return toBase64(bytes);
  }

  async function restoreTampered(e: unknown, pass = PASS): Promise<BackupError> {
    return expectError(() => readBackup(JSON.stringify(e), pass));
  }

  it('decrypts with the right passphrase (NFC and NFD spellings alike)', async () => {
    await envelopeReady;
    expect(await readBackup(JSON.stringify(envelope), PASS)).toEqual(backup);
    const composed = await encryptBackup(text, 'caf\u00e9 au lait noir');
    expect(await decryptBackup(composed, 'cafe\u0301 au lait noir')).toBe(text);
    count('readBackup: encrypted round trips', 2);
  });

  it('each byte region fails safely with no plaintext: header, salt, iv, ciphertext, tag', async () => {
    await envelopeReady;
    const ctLen = fromBase64(envelope.ciphertext).length;
    const cases: Array<[string, unknown, string]> = [
      ['wrong passphrase', envelope, 'wrong-passphrase-or-tampered'],
      ['header: format', { ...envelope, format: 'buyer-tiers-backup-encryptedX' }, 'not-a-backup'],
      ['header: version', { ...envelope, version: 2 }, 'bad-envelope'],
      ['header: kdf name', { ...envelope, kdf: { ...envelope.kdf, name: 'PBKDF2-SHA1' } }, 'bad-envelope'],
      [
        'header: iterations +1',
        { ...envelope, kdf: { ...envelope.kdf, iterations: envelope.kdf.iterations + 1 } },
        'wrong-passphrase-or-tampered',
      ],
      [
        'header: iterations too low',
        { ...envelope, kdf: { ...envelope.kdf, iterations: 1 } },
        'bad-envelope',
      ],
      [
        'header: iterations too high (would hang)',
        { ...envelope, kdf: { ...envelope.kdf, iterations: 1e12 } },
        'bad-envelope',
      ],
      [
        'salt: one bit',
        { ...envelope, kdf: { ...envelope.kdf, salt: flip(envelope.kdf.salt, 3) } },
        'wrong-passphrase-or-tampered',
      ],
      ['salt: not base64', { ...envelope, kdf: { ...envelope.kdf, salt: '!!!!' } }, 'bad-envelope'],
      ['iv: one bit', { ...envelope, iv: flip(envelope.iv, 5) }, 'wrong-passphrase-or-tampered'],
      ['iv: wrong length', { ...envelope, iv: toBase64(new Uint8Array(16)) }, 'bad-envelope'],
      [
        'ciphertext: first byte',
        { ...envelope, ciphertext: flip(envelope.ciphertext, 0) },
        'wrong-passphrase-or-tampered',
      ],
      [
        'ciphertext: middle byte',
        { ...envelope, ciphertext: flip(envelope.ciphertext, ctLen >> 1) },
        'wrong-passphrase-or-tampered',
      ],
      [
        'tag: last byte',
        { ...envelope, ciphertext: flip(envelope.ciphertext, ctLen - 1) },
        'wrong-passphrase-or-tampered',
      ],
      [
        'tag: removed',
        { ...envelope, ciphertext: toBase64(fromBase64(envelope.ciphertext).subarray(0, ctLen - 16)) },
        'wrong-passphrase-or-tampered',
      ],
      ['ciphertext: missing', { ...envelope, ciphertext: undefined }, 'bad-envelope'],
      [
        'ciphertext: not base64',
        { ...envelope, ciphertext: `${envelope.ciphertext.slice(1)}*` },
        'bad-envelope',
      ],
    ];
    for (const [name, tampered, code] of cases) {
      const e = await restoreTampered(
        tampered,
        name === 'wrong passphrase' ? 'Correct horse battery staple' : PASS,
      );
      expect(e.code, name).toBe(code);
      expect(e.message).not.toContain('小明');
    }
    await expectError(() => readBackup(JSON.stringify(envelope)), 'passphrase-required');
    await expectError(() => readBackup(JSON.stringify(envelope), ''), 'passphrase-required');
    const serialized = JSON.stringify(envelope);
    for (const cut of [1, serialized.length >> 1, serialized.length - 1]) {
      await expectError(() => readBackup(serialized.slice(0, cut), PASS), 'not-json');
    }
    count('readBackup: tampered envelope regions', cases.length + 5);
  });

  it('random single-byte tampering anywhere in salt, iv or ciphertext never yields data', async () => {
    await envelopeReady;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('salt', 'iv', 'ciphertext'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (field, at, mask) => {
          count('readBackup: random byte tampering');
          const e = structuredClone(envelope);
          const target = field === 'salt' ? e.kdf.salt : field === 'iv' ? e.iv : e.ciphertext;
          const bytes = fromBase64(target);
          bytes[at % bytes.length] ^= mask;
          if (field === 'salt') e.kdf.salt = toBase64(bytes);
          else if (field === 'iv') e.iv = toBase64(bytes);
          else e.ciphertext = toBase64(bytes);
          expect((await restoreTampered(e)).code).toBe('wrong-passphrase-or-tampered');
        },
      ),
      params(scaled(4, 2)),
    );
  });

  it('random envelope-shaped JSON fails with bad-envelope before any key derivation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('version', 'kdf', 'iv', 'ciphertext', 'x'),
          fc.jsonValue({ maxDepth: 3 }),
        ),
        async (fields) => {
          count('readBackup: random envelopes');
          const started = Date.now();
          const e = await restoreTampered({ ...fields, format: 'buyer-tiers-backup-encrypted' });
          expect(e.code).toBe('bad-envelope');
          expect(Date.now() - started).toBeLessThan(2000);
        },
      ),
      params(),
    );
  });
});
