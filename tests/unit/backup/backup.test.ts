import { describe, expect, it } from 'vitest';
import {
  BACKUP_SECTIONS,
  BackupError,
  backupKeyOf,
  createBackup,
  decryptBackup,
  encryptBackup,
  parseBackup,
  planRestore,
  readBackup,
  serializeBackup,
} from '../../../core/backup';
import { sampleBackupInput } from '../../support/backup';

function backupError(e: unknown): BackupError {
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

describe('plain backups', () => {
  it('round-trip without losing anything', () => {
    const b = createBackup(sampleBackupInput(), 1234);
    expect(parseBackup(serializeBackup(b))).toEqual(b);
    expect(b).toMatchObject({ format: 'buyer-tiers-backup', version: 2, createdAt: 1234 });
  });

  it('names the table, index and field of a bad record, and collects several', () => {
    const b = JSON.parse(serializeBackup(createBackup(sampleBackupInput(), 1))) as Record<string, unknown[]>;
    (b.orders[0] as Record<string, unknown>).total = 1.5;
    b.notes.push({ buyerKey: 'nope', text: 'x', updatedAt: 1 });
    const e = backupError(catchSync(() => parseBackup(JSON.stringify(b))));
    expect(e.code).toBe('invalid-record');
    expect(e.message).toMatch(/^backup is invalid: orders\[0\]\.total: /);
    expect(e.issues.map((i) => [i.table, i.index, i.path])).toEqual([
      ['orders', 0, 'total'],
      ['notes', 1, 'buyerKey'],
    ]);
  });

  it('reports bad settings, missing tables, foreign JSON, versions and truncated files', () => {
    const good = JSON.parse(serializeBackup(createBackup(sampleBackupInput(), 1)));
    expect(
      backupError(
        catchSync(() =>
          parseBackup(JSON.stringify({ ...good, settings: { ...good.settings, timeZone: '' } })),
        ),
      ).issues[0].table,
    ).toBe('settings');
    expect(
      backupError(catchSync(() => parseBackup(JSON.stringify({ ...good, tags: undefined })))).message,
    ).toContain('tags');
    expect(backupError(catchSync(() => parseBackup('{"hello":1}'))).code).toBe('not-a-backup');
    expect(backupError(catchSync(() => parseBackup(JSON.stringify({ ...good, version: 3 })))).code).toBe(
      'unsupported-version',
    );
    const text = serializeBackup(createBackup(sampleBackupInput(), 1));
    expect(backupError(catchSync(() => parseBackup(text.slice(0, text.length / 2)))).code).toBe('not-json');
  });
});

describe('encrypted backups', () => {
  it('round-trip through AES-GCM with PBKDF2 ≥ 600k, never storing the passphrase', async () => {
    const b = createBackup(sampleBackupInput(), 99);
    const env = await encryptBackup(serializeBackup(b), 'correct horse 电池 staple');
    expect(env.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(JSON.stringify(env)).not.toContain('correct horse');
    expect(JSON.stringify(env)).not.toContain('小明');
    expect(await readBackup(JSON.stringify(env), 'correct horse 电池 staple')).toEqual(b);
    // Fresh salt and IV each time.
    const again = await encryptBackup(serializeBackup(b), 'correct horse 电池 staple');
    expect(again.kdf.salt).not.toBe(env.kdf.salt);
    expect(again.iv).not.toBe(env.iv);
  });

  it('wrong passphrase, tampering and damage give typed errors, never data', async () => {
    const env = await encryptBackup(
      serializeBackup(createBackup(sampleBackupInput(), 1)),
      'secret garden gate',
    );
    const code = async (p: Promise<unknown>) =>
      backupError(
        await p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ).code;
    expect(await code(decryptBackup(env, 'Secret'))).toBe('wrong-passphrase-or-tampered');
    const bytes = atob(env.ciphertext);
    const flipped = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    expect(await code(decryptBackup({ ...env, ciphertext: flipped }, 'secret garden gate'))).toBe(
      'wrong-passphrase-or-tampered',
    );
    expect(
      await code(decryptBackup({ ...env, kdf: { ...env.kdf, iterations: 600_001 } }, 'secret garden gate')),
    ).toBe('wrong-passphrase-or-tampered');
    expect(
      await code(decryptBackup({ ...env, kdf: { ...env.kdf, iterations: 1000 } }, 'secret garden gate')),
    ).toBe('bad-envelope');
    expect(await code(decryptBackup({ ...env, iv: '***' }, 'secret garden gate'))).toBe('bad-envelope');
    expect(await code(readBackup(JSON.stringify(env)))).toBe('passphrase-required');
  });
});

describe('planRestore', () => {
  it('summarises adds, replacements, keeps and removals per table', () => {
    const b = createBackup(sampleBackupInput(), 1);
    const current = Object.fromEntries(BACKUP_SECTIONS.map((t) => [t, new Set<string>()])) as Record<
      (typeof BACKUP_SECTIONS)[number],
      Set<string>
    >;
    current.buyers.add(backupKeyOf('buyers', b.buyers[0])).add('amazon:x');
    current.orders.add('amazon:9');
    const merge = planRestore(current, b, 'merge');
    expect(merge.tables.buyers).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 1, remove: 0 });
    expect(merge.tables.orders).toEqual({ inBackup: 1, add: 1, replace: 0, keep: 1, remove: 0 });
    const replace = planRestore(current, b, 'replace');
    expect(replace.tables.buyers).toEqual({ inBackup: 1, add: 0, replace: 1, keep: 0, remove: 1 });
    expect(replace.tables.buyerTags.add).toBe(1);
    expect(backupKeyOf('buyerTags', b.buyerTags[0])).toBe('taobao:小明|t1');
  });
});

function catchSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
